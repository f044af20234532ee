import type { InspectionException, InspectionFlag, ParsedInput } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import type { Ctx } from '../../platform/context'
import { AppError, fail } from '../../platform/errors'
import { sha256 } from '../../platform/ids'
import { certificateState, CERTIFICATE_STATE_LABELS } from '../../domain/certificate'
import { chinaDate, chinaMonth } from '../../domain/china-time'
import { capReached, capYear, countsTowardCap } from '../../domain/frequency-cap'
import { presence } from '../../domain/geofence'
import {
  capCountId,
  openLockId,
  type CapCountRecord,
  type CheckinKeyRecord,
  type InspectionRecord,
  type OpenInspectionLock,
  type PlanRecord,
} from '../../domain/inspection-records'
import { legitimateSource, planCovers } from '../../domain/legitimate-source'
import { quietPeriodBlocks, quietPeriodStatus } from '../../domain/quiet-period'
import type { CompanyRecord, DepartmentRecord, OfficerRecord } from '../../domain/records'
import { isRepeated, priorCountInWindow, repeatedWindowStart } from '../../domain/repeated'
import { resultDueAt } from '../../domain/result-deadline'
import { cityOf } from '../../domain/scope'
import { findCategory, specialCaseProblem } from '../../domain/special-case'
import { canJoin } from '../../domain/team'
import { raiseAlert } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { fieldsOf, readDoc } from '../../store/docs'
import { appendLedgerEntry } from '../../store/ledger'
import { callerOfficer, companyOfScene } from './officer'
import { approvedPlansFor, inspectionsOfCompanySince } from './queries'
import { toInspectionView } from './views'

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
 * on clientRequestId. Everything a check-in writes commits in one transaction.
 */
export const checkIn = action('inspection', 'checkIn', {
  access: ['officer'],
  async handle(input, ctx) {
    const openid = ctx.caller.openid || ctx.caller.user?._id || fail('UNAUTHENTICATED')
    const keyId = checkinKeyId(openid, input.clientRequestId)
    // Independent reads go out together: at the gate every round trip is 10–30 ms. The
    // answers are then looked at in the order the rules give (a replay first).
    const [doneRead, whoRead, companyRead] = await Promise.allSettled([
      readDoc<CheckinKeyRecord>(ctx.db, 'checkinKeys', keyId),
      callerOfficer(ctx),
      companyOfScene(ctx, input.scene),
    ])
    const done = valueOf(doneRead)
    if (done) return replay(ctx, done)

    const { officer, dept } = valueOf(whoRead)
    const cert = certificateState(officer, ctx.now)
    if (cert !== 'valid') fail('CERT_INVALID', `您的执法证状态为“${CERTIFICATE_STATE_LABELS[cert]}”，不能入企检查或加入检查`, { certStatus: cert })
    const company = valueOf(companyRead)

    const lockId = openLockId(dept._id, company._id)
    const lock = await readDoc<OpenInspectionLock>(ctx.db, 'openInspections', lockId)
    const open = lock ? await readDoc<InspectionRecord>(ctx.db, 'inspections', lock.inspectionId) : null
    const joinable = open !== null && canJoin({ ...open, hasResult: !!open.result }, { deptId: dept._id, companyId: company._id, now: ctx.now }, ctx.settings)

    const counterKey = { deptId: dept._id, region: dept.region, month: chinaMonth(ctx.now, ctx.settings.timezone) }
    try {
      const prepared = joinable ? null : await prepareNew(input, ctx, { officer, dept, company, openid, keyId })
      const outcome = await ctx.db.runTransaction(async (tx) => {
        const again = await readDoc<CheckinKeyRecord>(tx, 'checkinKeys', keyId)
        if (again) return { kind: 'replay' as const, key: again }
        const lockNow = await readDoc<OpenInspectionLock>(tx, 'openInspections', lockId)
        const openNow = lockNow ? await readDoc<InspectionRecord>(tx, 'inspections', lockNow.inspectionId) : null
        const key = (inspectionId: string, joined: boolean, flags: InspectionFlag[]): CheckinKeyRecord => ({ _id: keyId, openid, inspectionId, joined, flags, createdAt: ctx.now })

        if (openNow && canJoin({ ...openNow, hasResult: !!openNow.result }, { deptId: dept._id, companyId: company._id, now: ctx.now }, ctx.settings)) {
          const already = openNow.officerIds.includes(officer._id)
          const joined: InspectionRecord = already
            ? openNow
            : { ...openNow, officerIds: [...openNow.officerIds, officer._id], officerNames: [...openNow.officerNames, officer.name], updatedAt: ctx.now }
          if (!already) {
            await tx.collection('inspections').doc(joined._id).update({ data: { officerIds: joined.officerIds, officerNames: joined.officerNames, updatedAt: ctx.now } })
            await audit(ctx, { action: 'inspection.join', target: `inspections/${joined._id}`, details: { officerId: officer._id } }, tx)
          }
          const k = key(joined._id, joined.officerIds[0] !== officer._id, joined.flags)
          await tx.collection('checkinKeys').doc(keyId).set({ data: fieldsOf(k) })
          return { kind: 'done' as const, inspection: joined, joined: k.joined, flags: joined.flags }
        }
        // Between the reads above and here the join window closed or another scan opened one.
        if (!prepared) return fail('CONFLICT', '同组检查已超过加入时限，请重新扫码')
        const record = prepared.record

        if (record.capCounted) {
          const capId = capCountId(dept._id, company._id, prepared.year)
          const cap = await readDoc<CapCountRecord>(tx, 'capCounts', capId)
          const used = cap?.used ?? 0
          if (capReached(used, ctx.settings)) capRefusal(ctx, used, prepared.year)
          await tx.collection('capCounts').doc(capId).set({
            data: { deptId: dept._id, companyId: company._id, year: prepared.year, used: used + 1, inspectionIds: [...(cap?.inspectionIds ?? []), record._id] },
          })
        }
        if (company.monitoringPoint) {
          const entry = await appendLedgerEntry(tx, ctx, {
            companyId: company._id,
            date: record.date,
            source: 'scan',
            inspectionId: record._id,
            deptId: dept._id,
            deptName: dept.name,
            officerNames: [officer.name],
            purpose: prepared.purpose,
            unscanned: false,
          })
          record.ledgerEntryId = entry._id
        }
        await tx.collection('inspections').doc(record._id).set({ data: fieldsOf(record) })
        await tx.collection('openInspections').doc(lockId).set({ data: { inspectionId: record._id, deptId: dept._id, companyId: company._id, checkInAt: record.checkInAt } })
        await bumpCounters(tx, counterKey, {
          inspections: 1,
          quietExceptions: { pending: record.exception ? 1 : 0 },
          repeated: record.flags.includes('repeated') ? 1 : 0,
        })
        if (record.flags.includes('repeated')) {
          await raiseAlert(tx, {
            kind: 'repeated',
            ref: `inspections/${record._id}`,
            at: ctx.now,
            region: record.region,
            deptId: dept._id,
            companyId: company._id,
            summary: `${company.name} 在 ${ctx.settings.repeated.windowDays} 天内被检查 ${prepared.inWindow + 1} 次（本次：${dept.name}）`,
          })
        }
        await audit(
          ctx,
          {
            action: 'inspection.checkIn',
            target: `inspections/${record._id}`,
            details: { companyId: company._id, source: record.source, planId: record.planId ?? null, exception: record.exception?.category ?? null, flags: record.flags },
          },
          tx,
        )
        await tx.collection('checkinKeys').doc(keyId).set({ data: fieldsOf(key(record._id, false, record.flags)) })
        return { kind: 'done' as const, inspection: record, joined: false, flags: record.flags }
      })
      if (outcome.kind === 'replay') return replay(ctx, outcome.key)
      return { inspection: toInspectionView(outcome.inspection, ctx.now), joined: outcome.joined, flags: [...outcome.flags] }
    } catch (err) {
      // A cap refusal is counted for the dashboard; it is the only trace a refused check-in leaves.
      if (err instanceof AppError && err.code === 'FREQUENCY_CAP') await bumpCounters(ctx.db, counterKey, { capRefusals: 1 })
      throw err
    }
  },
})

/** The value of a settled read, or its error thrown. */
function valueOf<T>(read: PromiseSettledResult<T>): T {
  if (read.status === 'rejected') throw read.reason
  return read.value
}

/** `checkinKeys` doc id: the caller and their request id, hashed (fixed length, no raw ids). */
export const checkinKeyId = (openid: string, clientRequestId: string): string => sha256(`${openid}:${clientRequestId}`).slice(0, 40)

async function replay(ctx: Ctx, key: CheckinKeyRecord) {
  const inspection = await readDoc<InspectionRecord>(ctx.db, 'inspections', key.inspectionId)
  if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
  return { inspection: toInspectionView(inspection, ctx.now), joined: key.joined, flags: [...key.flags] }
}

function capRefusal(ctx: Ctx, used: number, year: number): never {
  const cap = ctx.settings.frequencyCap.perDeptCompanyYear
  return fail('FREQUENCY_CAP', `本部门 ${year} 年对该企业的计划检查已达 ${cap} 次上限；如属投诉举报、案件等情形，请选择相应来源`, { used, cap, year })
}

interface Prepared {
  record: InspectionRecord
  year: number
  purpose: string
  /** Earlier check-ins of the company in the repeated window (not case-sourced). */
  inWindow: number
}

/** The rules a new inspection must pass (SPEC §2 rules 1, 2, 5), and the record it will be. Reads only. */
async function prepareNew(
  input: Input,
  ctx: Ctx,
  who: { officer: OfficerRecord; dept: DepartmentRecord; company: CompanyRecord; openid: string; keyId: string },
): Promise<Prepared> {
  const { officer, dept, company } = who
  const { settings, now } = ctx
  const date = chinaDate(now, settings.timezone)

  // Rule 1: the quiet period, and the special case that lifts it.
  if (input.exception) {
    const problem = specialCaseProblem(input.exception, settings)
    if (problem) fail('INVALID_INPUT', `输入有误：${problem.path.join('.')} — ${problem.message}`, { issues: [{ path: problem.path, code: 'custom', message: problem.message }] })
  }
  if (quietPeriodBlocks(now, company, settings) && !input.exception) {
    const quiet = quietPeriodStatus(now, settings)
    const until = quiet.windowEnd ? `${Number(quiet.windowEnd.slice(5, 7))}月${Number(quiet.windowEnd.slice(8, 10))}日` : ''
    fail('QUIET_PERIOD', `今天处于安静生产期（至${until}），不得入园区企业检查；如属特殊情形，请选择情形类别`, {
      windowEnd: quiet.windowEnd,
      categories: settings.quietPeriod.categories.map((c) => c.key),
    })
  }

  // Rules 6 and 7 need the company's recent check-ins: asked for now, beside the plan read
  // (one round trip instead of two); a refusal below leaves the answer unused.
  const priorRead = inspectionsOfCompanySince(ctx, company._id, repeatedWindowStart(now, settings))
  priorRead.catch(() => {}) // awaited below; never an unhandled rejection when a rule refuses first

  // Rule 2: a legitimate source. Without a named plan, the newest approved plan covering today is used.
  let plan: PlanRecord | null = null
  if (input.planId) plan = await readDoc<PlanRecord>(ctx.db, 'plans', input.planId)
  else if (input.source === 'plan') plan = (await approvedPlansFor(ctx, company._id, dept._id)).find((p) => planCovers(p, dept._id, company._id, date)) ?? null
  const verdict = legitimateSource({ source: input.source, hasSpecialCase: !!input.exception, planNamed: !!input.planId }, plan, { deptId: dept._id, companyId: company._id, date })
  if (!verdict.ok) {
    fail(
      'PLAN_REQUIRED',
      verdict.reason === 'plan_not_covering' ? '所选检查计划未经批准，或不包含该企业、今天的日期' : '没有覆盖该企业和今天的已批准检查计划，也未说明案件来源或特殊情形',
      { planId: input.planId ?? null },
    )
  }
  const usedPlan = plan && planCovers(plan, dept._id, company._id, date) ? plan : null

  // Rule 5: the yearly cap on planned checks. Checked (and refused) inside the transaction,
  // which reads the cap document anyway: reading it here too would cost a round trip more.
  const capCounted = countsTowardCap({ source: input.source, planKind: usedPlan?.kind, hasSpecialCase: !!input.exception }, settings)
  const year = capYear(now, settings)

  // Rules 6 and 7: flags, never refusals.
  const prior = await priorRead
  const repeated = isRepeated(prior, { now, source: input.source }, settings)
  const inWindow = priorCountInWindow(prior, now, settings)
  const where = presence(input.location, company.location, settings)
  const flags: InspectionFlag[] = []
  if (input.exception) flags.push('quiet_exception')
  if (where.offSite) flags.push('off_site')
  if (repeated) flags.push('repeated')

  const exception: InspectionException | undefined = input.exception
    ? { category: input.exception.category, ...(input.exception.reason ? { reason: input.exception.reason } : {}), review: 'pending' }
    : undefined
  const purpose = usedPlan
    ? usedPlan.title
    : input.exception
      ? `特殊情形：${findCategory(input.exception.category, settings)?.label ?? input.exception.category}`
      : (SOURCE_PURPOSE[input.source] ?? input.source)
  const record: InspectionRecord = {
    _id: 'insp_' + sha256(`insp:${who.keyId}`).slice(0, 24),
    companyId: company._id,
    companyName: company.name,
    deptId: dept._id,
    deptName: dept.name,
    deptRegion: dept.region,
    region: company.region,
    city: cityOf(company.region),
    officerIds: [officer._id],
    officerNames: [officer.name],
    source: input.source,
    ...(usedPlan ? { planId: usedPlan._id, planKind: usedPlan.kind } : {}),
    ...(exception ? { exception } : {}),
    capCounted,
    checkInAt: now,
    date,
    month: chinaMonth(now, settings.timezone),
    location: { lat: input.location.lat, lng: input.location.lng, accuracy: input.location.accuracy },
    distanceM: where.distanceM,
    flags,
    status: 'open',
    dueAt: resultDueAt(now, settings),
    rating: { state: 'none' },
    createdAt: now,
    updatedAt: now,
  }
  return { record, year, purpose, inWindow }
}
