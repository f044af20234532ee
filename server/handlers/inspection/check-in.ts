import type { InspectionException, InspectionFlag, ParsedInput, PlanKind } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import type { Ctx } from '../../platform/context'
import type { Transaction } from '../../platform/db'
import { AppError, fail } from '../../platform/errors'
import { sha256 } from '../../platform/ids'
import { certificateState, CERTIFICATE_STATE_LABELS } from '../../domain/certificate'
import { chinaDate, chinaMonth } from '../../domain/china-time'
import { capReached, capYear, countsTowardCap } from '../../domain/frequency-cap'
import { isAfterCap, sourceRefProblem } from '../../domain/case-source'
import { capUsedOf, checkInOfKey, decisionTime, gatePlansCovering, lockOf, movedGate } from '../../domain/gate'
import { joinTimes, jointJoinProblem, officerDepartments, sameDeptJoin } from '../../domain/joint'
import { parseScene } from '../../domain/gate-code'
import { presence } from '../../domain/geofence'
import type { InspectionRecord, PlanRecord } from '../../domain/inspection-records'
import { isCaseSource, legitimateSource, planCovers, type PlanLike } from '../../domain/legitimate-source'
import { quietPeriodBlocks, quietPeriodStatus } from '../../domain/quiet-period'
import type { CompanyRecord } from '../../domain/records'
import { isRepeated, priorCountInWindow } from '../../domain/repeated'
import { resultDueAt } from '../../domain/result-deadline'
import { visitParties } from '../../domain/visit-parties'
import { findCategory, specialCaseProblem } from '../../domain/special-case'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { companyInTx, saveGate } from '../../store/gates'
import { noticeCheckIn } from '../../notices'
import { callerOfficer } from '../../access/officer'
import { joinJointly, noteCapRefusal } from '../../store/joint-join'
import { openInspection } from '../../store/open-inspection'
import { toInspectionView } from '../../views/inspection'
import { ruleWords } from '@rule-words'
import { invalidField } from '../../platform/field-labels'

type Input = ParsedInput<'inspection', 'checkIn'>

const SOURCE_PURPOSE: Record<string, string> = {
  complaint: '投诉举报核查',
  referral: '移送线索核查',
  monitoring: '监测预警核查',
  enterprise_request: '应企业申请检查',
}

/**
 * The scan at the gate (SPEC §2 rules 1–8). Refusals in order: certificate, company,
 * quiet period, legitimate source, frequency cap. A second officer of the same
 * department within the join window joins the open inspection instead (joining needs a
 * valid certificate only: the inspection already passed the other rules). Idempotent
 * on clientRequestId. Everything a check-in writes about the company and the inspection
 * commits in one transaction, retried on a write conflict (dispatch): each attempt
 * re-reads the gate and decides again, at `decisionTime` (never earlier than a check-in
 * a concurrent scan committed), so racing officers of one department end in one
 * inspection. The region's counters are bumped after the commit, outside it (shared by
 * every company of the county: store/counters.ts).
 *
 * Round trips (docs/PERFORMANCE.md): who is scanning comes from the caller's user
 * document (the officer snapshot, read by the dispatcher); the company's gate state,
 * read first inside the transaction, answers the retry, the join lock, the plans, the
 * yearly cap, the recent check-ins and the ledger head. A new check-in then reads that
 * its key's inspection does not exist yet, writes the inspection, the company (its gate)
 * and the audit event (store/open-inspection.ts), and after the commit the counters: 7
 * calls with the caller's, plus the ledger entry of a monitoring point, the alert of a
 * repeated inspection, and the county's open-now figures when it opens a special case
 * or an alert (one update). The company's contacts come with the company, so its notice
 * costs one inbox write per contact. A join reads the open inspection instead of
 * writing counters: 6. A conflict adds one attempt's calls.
 */
export const checkIn = action('inspection', 'checkIn', {
  access: ['officer'],
  async handle(input, ctx) {
    const openid = ctx.caller.openid || ctx.caller.user?._id || fail('UNAUTHENTICATED')
    const keyId = checkinKeyId(openid, input.clientRequestId)
    const { officer, dept } = await callerOfficer(ctx)
    const { settings, now } = ctx
    const companyId = parseScene(input.scene)
    if (!companyId) {
      refuseInvalidCertificate(officer, now) // the certificate is refused before the company, as everywhere
      return fail('NOT_FOUND', '这不是企检码：请扫描企业门口张贴的企检码')
    }
    // Figures are booked where the company is (its county), known once the company is read.
    const counterKeyAt = (region: string, at: number) => ({ deptId: dept._id, region, month: chinaMonth(at, settings.timezone) })
    let companyRegion: string | undefined
    let decidedAt = now

    try {
      const outcome = await ctx.db.runTransaction(async (tx) => {
        const found = await companyInTx(tx, companyId)
        // A retry answers what the first request did, whatever changed since.
        const done = found && checkInOfKey(found.gate, keyId)
        if (done) return { kind: 'replay' as const, ...done }
        refuseInvalidCertificate(officer, now)
        const company = found ?? fail('NOT_FOUND', '没有找到该企业，企检码可能已失效')
        companyRegion = company.region
        const gate = company.gate
        // This attempt's time: never before a check-in a concurrent scan committed.
        const at = decisionTime(gate, now)
        decidedAt = at
        const actx: Ctx = at === now ? ctx : { ...ctx, now: at }
        const today = chinaDate(at, settings.timezone)
        const scan = { deptId: dept._id, companyId, now: at }

        // Joining: another department's inspection named by the officer (rule 14), else the department's own latest (rules 4, 16).
        const lock = input.joinInspectionId ? { inspectionId: input.joinInspectionId } : lockOf(gate, dept._id)
        const open = lock ? await readDoc<InspectionRecord>(tx, 'inspections', lock.inspectionId) : null
        if (input.joinInspectionId && !open) fail('NOT_FOUND', '没有找到要加入的检查，请返回重新扫码')
        const join = open ? sameDeptJoin(open, { ...scan, officerId: officer._id }, settings) : null
        if (open && join) {
          // A re-scan by an officer already on the inspection writes nothing (SPEC §6: the gate stays bounded).
          if (open.officerIds.includes(officer._id))
            return { kind: 'done' as const, inspection: open, joined: open.officerIds[0] !== officer._id, flags: open.flags }
          const flags: InspectionFlag[] = join === 'late_join' && !open.flags.includes('late_join') ? [...open.flags, 'late_join'] : open.flags
          const team = {
            officerIds: [...open.officerIds, officer._id],
            officerNames: [...open.officerNames, officer.name],
            officerDeptIds: [...officerDepartments(open), dept._id],
            officerJoinedAt: [...joinTimes(open), at],
          }
          const joined: InspectionRecord = { ...open, ...team, flags, updatedAt: at }
          await tx
            .collection('inspections')
            .doc(joined._id)
            .update({ data: { ...team, flags, updatedAt: at } })
          await audit(
            actx,
            { action: 'inspection.join', target: `inspections/${joined._id}`, details: { officerId: officer._id, late: join === 'late_join' } },
            tx,
          )
          await saveGate(tx, company, movedGate(gate, { kind: 'join', inspectionId: joined._id, keyId }, { now: at, today }, settings))
          return { kind: 'done' as const, inspection: joined, joined: true, flags: joined.flags }
        }
        if (open && input.joinInspectionId) {
          const problem = jointJoinProblem(open, scan, settings)
          if (problem) fail('CONFLICT', problem, { inspectionId: open._id })
          const joint = await joinJointly(input, actx, tx, { officer, dept, company, keyId }, open)
          return { kind: 'done' as const, inspection: joint.inspection, joined: true, flags: joint.inspection.flags, jointPart: joint.part }
        }

        // The inspection this key would create may already exist (the key was used at another
        // company, or so long ago that the gate forgot it): never overwrite it.
        const made = await readDoc<InspectionRecord>(tx, 'inspections', inspectionIdFor(keyId))
        if (made) {
          if (made.companyId !== company._id)
            fail('CONFLICT', '这次扫码的请求号已用于另一家企业的检查，请返回重新扫码', { clientRequestId: input.clientRequestId })
          return { kind: 'replay' as const, inspectionId: made._id, joined: false }
        }
        const prepared = await prepareNew(input, actx, tx, { officer, dept, company, keyId })
        refuseOverCap(actx, gate, dept._id, prepared)
        const opened = await openInspection(tx, actx, {
          record: prepared.record,
          company,
          officer,
          dept,
          keyId,
          capYear: prepared.year,
          purpose: prepared.purpose,
          inWindow: prepared.inWindow,
          audit: { action: 'inspection.checkIn' },
        })
        return {
          kind: 'done' as const,
          inspection: opened,
          joined: false,
          flags: opened.flags,
          opened: { purpose: prepared.purpose, contacts: company.contacts ?? [] },
        }
      })
      if (outcome.kind === 'replay') return replay(ctx, outcome)
      // Its counters were bumped after the commit (openInspection); now the company is told.
      if ('opened' in outcome && outcome.opened)
        await noticeCheckIn(ctx, outcome.inspection, { contacts: outcome.opened.contacts }, officer, outcome.opened.purpose)
      // A joint join counts the visit once for the joining department (rule 14), where the company is.
      if ('jointPart' in outcome && outcome.jointPart) {
        await bumpCounters(ctx.db, counterKeyAt(outcome.inspection.region, outcome.inspection.checkInAt), {
          inspections: 1,
          quietExceptions: { pending: outcome.jointPart.exception ? 1 : 0 },
        })
      }
      return {
        inspection: toInspectionView(outcome.inspection, decidedAt),
        joined: outcome.joined,
        joint: !!outcome.inspection.joint,
        flags: [...outcome.flags],
      }
    } catch (err) {
      // A cap refusal is counted for the dashboard; it is the only trace a refused check-in leaves.
      if (err instanceof AppError && err.code === 'FREQUENCY_CAP' && companyRegion)
        await bumpCounters(ctx.db, counterKeyAt(companyRegion, decidedAt), { capRefusals: 1 })
      // …and the company's gate remembers it for a while, to flag a case-sourced check-in that follows (rule 15).
      if (err instanceof AppError && err.code === 'FREQUENCY_CAP') await noteCapRefusal({ ...ctx, now: decidedAt }, companyId, dept._id)
      throw err
    }
  },
})

export type Scanner = Awaited<ReturnType<typeof callerOfficer>>

/** Rule 3: a suspended, revoked or expired certificate can neither check in nor join. */
export function refuseInvalidCertificate(officer: Scanner['officer'], now: number): void {
  const cert = certificateState(officer, now)
  if (cert !== 'valid') fail('CERT_INVALID', `您的执法证状态为“${CERTIFICATE_STATE_LABELS[cert]}”，不能入企检查或加入检查`, { certStatus: cert })
}

/** An approved plan on the company's gate, in the shape rule 2 checks (the plan's own document stays the record). */
function planOnGate(company: CompanyRecord, planId: string): (PlanLike & { _id: string; kind: PlanKind; title: string }) | null {
  const plans = company.gate?.plans
  // Only the gate's own entries: a planId like "__proto__" must not reach the prototype.
  const p = plans && Object.prototype.hasOwnProperty.call(plans, planId) ? plans[planId] : undefined
  return p ? { _id: planId, deptId: p.deptId, status: 'approved', companyIds: [company._id], from: p.from, to: p.to, kind: p.kind, title: p.title } : null
}

/** A check-in request's key on the gate: the caller and their request id, hashed (fixed length, no raw ids). */
export const checkinKeyId = (openid: string, clientRequestId: string): string => sha256(`${openid}:${clientRequestId}`).slice(0, 40)

/** The id of the inspection a request key opens: one key, one inspection, wherever it was used. */
export const inspectionIdFor = (keyId: string): string => 'insp_' + sha256(`insp:${keyId}`).slice(0, 24)

export async function replay(ctx: Ctx, done: { inspectionId: string; joined: boolean }) {
  const inspection = await readDoc<InspectionRecord>(ctx.db, 'inspections', done.inspectionId)
  if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
  return { inspection: toInspectionView(inspection, ctx.now), joined: done.joined, joint: !!inspection.joint, flags: [...inspection.flags] }
}

/** Rule 5: a new inspection that counts toward the cap is refused when the department's year on the gate is full. */
export function refuseOverCap(ctx: Ctx, gate: CompanyRecord['gate'], deptId: string, prepared: Pick<Prepared, 'record' | 'year'>): void {
  if (!prepared.record.capCounted) return
  const used = capUsedOf(gate, deptId, prepared.year)
  if (capReached(used, ctx.settings)) capRefusal(ctx, used, prepared.year)
}

export function capRefusal(ctx: Ctx, used: number, year: number): never {
  const cap = ctx.settings.frequencyCap.perDeptCompanyYear
  return fail('FREQUENCY_CAP', `本部门 ${year} 年对该企业的计划检查已达 ${cap} 次上限；如属投诉举报、案件等情形，请选择相应来源`, { used, cap, year })
}

export interface Prepared {
  record: InspectionRecord
  year: number
  purpose: string
  /** Earlier check-ins of the company in the repeated window (not case-sourced). */
  inWindow: number
}

/** The rules a new inspection must pass (SPEC §2 rules 1, 2, 5–7), and the record it will be. Reads only (a plan named but not on the gate). */
/** What the rules read of a check-in or a back-fill (a back-fill has no position). */
export type SourceInput = Pick<Input, 'source' | 'planId' | 'sourceRef' | 'exception'> & { location?: Input['location'] }

export async function prepareNew(
  input: SourceInput,
  ctx: Ctx,
  tx: Transaction,
  who: Scanner & { company: CompanyRecord; keyId: string },
  dayWord = '今天',
): Promise<Prepared> {
  const { officer, dept, company } = who
  const { settings, now } = ctx
  const date = chinaDate(now, settings.timezone)

  // Rule 15: a case source names its reference.
  const refProblem = sourceRefProblem(input.source, input.sourceRef)
  if (refProblem) fail('INVALID_INPUT', refProblem, { issues: [{ path: ['sourceRef'], code: 'custom', message: refProblem }] })

  // Rule 1: the quiet period, and the special case that lifts it.
  if (input.exception) {
    const problem = specialCaseProblem(input.exception, settings)
    if (problem) invalidField(problem.path, problem.message)
  }
  if (quietPeriodBlocks(now, company, settings) && !input.exception) {
    const quiet = quietPeriodStatus(now, settings)
    const until = quiet.windowEnd ? `${Number(quiet.windowEnd.slice(5, 7))}月${Number(quiet.windowEnd.slice(8, 10))}日` : ''
    fail('QUIET_PERIOD', `${dayWord}处于安静生产期（至${until}），不得入${ruleWords(settings).quietCompanies}检查；如属特殊情形，请选择情形类别`, {
      windowEnd: quiet.windowEnd,
      categories: settings.quietPeriod.categories.map((c) => c.key),
    })
  }

  // Rule 2: a legitimate source. Approved plans naming the company are on its gate; without
  // a named plan, the latest-starting one of the department covering today is used.
  let plan: (PlanLike & { _id: string; kind: PlanKind; title: string }) | null = null
  if (input.planId) plan = planOnGate(company, input.planId) ?? (await readDoc<PlanRecord>(tx, 'plans', input.planId))
  else if (input.source === 'plan') {
    const covering = gatePlansCovering(company.gate, dept._id, date)[0]
    plan = covering ? planOnGate(company, covering.id) : null
  }
  const verdict = legitimateSource({ source: input.source, hasSpecialCase: !!input.exception, planNamed: !!input.planId }, plan, {
    deptId: dept._id,
    companyId: company._id,
    date,
  })
  if (!verdict.ok) {
    fail(
      'PLAN_REQUIRED',
      verdict.reason === 'plan_not_covering'
        ? '所选检查计划未经批准，或不包含该企业、今天的日期'
        : '没有覆盖该企业和今天的已批准检查计划，也未说明案件来源或特殊情形',
      { planId: input.planId ?? null },
    )
  }
  const usedPlan = plan && planCovers(plan, dept._id, company._id, date) ? plan : null

  // Rule 5: the yearly cap on planned checks (counted here, refused by the caller from the gate).
  const capCounted = countsTowardCap({ source: input.source, planKind: usedPlan?.kind, hasSpecialCase: !!input.exception }, settings)
  const year = capYear(now, settings)

  // Rules 6 and 7: flags, never refusals. The gate keeps the repeated window's check-ins.
  const prior = company.gate?.recent ?? []
  const repeated = isRepeated(prior, { now, source: input.source }, settings)
  const inWindow = priorCountInWindow(prior, now, settings)
  const where = input.location ? presence(input.location, company.location, settings) : null
  const flags: InspectionFlag[] = []
  if (input.exception) flags.push('quiet_exception')
  if (where?.offSite) flags.push('off_site')
  if (repeated) flags.push('repeated')
  if (isAfterCap(company.gate?.capRefusals, { deptId: dept._id, source: input.source, now }, settings)) flags.push('after_cap')

  const exception: InspectionException | undefined = input.exception
    ? { category: input.exception.category, ...(input.exception.reason ? { reason: input.exception.reason } : {}), review: 'pending' }
    : undefined
  const purpose = usedPlan
    ? usedPlan.title
    : input.exception
      ? `特殊情形：${findCategory(input.exception.category, settings)?.label ?? input.exception.category}`
      : (SOURCE_PURPOSE[input.source] ?? input.source)
  const record: InspectionRecord = {
    _id: inspectionIdFor(who.keyId),
    ...visitParties(company, dept, officer),
    officerDeptIds: [dept._id],
    deptIds: [dept._id],
    joint: false,
    source: input.source,
    ...(isCaseSource(input.source) && input.sourceRef ? { sourceRef: input.sourceRef } : {}),
    ...(usedPlan ? { planId: usedPlan._id, planKind: usedPlan.kind } : {}),
    ...(exception ? { exception } : {}),
    capCounted,
    checkInAt: now,
    date,
    month: chinaMonth(now, settings.timezone),
    ...(input.location && where
      ? { location: { lat: input.location.lat, lng: input.location.lng, accuracy: input.location.accuracy }, distanceM: where.distanceM }
      : {}),
    flags,
    status: 'open',
    dueAt: resultDueAt(now, settings),
    rating: { state: 'none' },
    createdAt: now,
    updatedAt: now,
  }
  return { record, year, purpose, inWindow }
}
