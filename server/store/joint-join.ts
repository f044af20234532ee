import type { InspectionFlag } from '@contract'
import { audit } from '../platform/audit'
import type { Ctx } from '../platform/context'
import type { Transaction } from '../platform/db'
import { capReached } from '../domain/frequency-cap'
import { capUsedOf, movedGate } from '../domain/gate'
import type { InspectionRecord, JointPartRecord } from '../domain/inspection-records'
import { chinaDate } from '../domain/china-time'
import { departmentsOf, joinTimes, officerDepartments } from '../domain/joint'
import type { CompanyRecord, DepartmentRecord } from '../domain/records'
import { raiseAlert } from './alerts'
import { companyInTx, saveGate } from './gates'
import { ledgerEntryOfVisit } from './ledger'
import { capRefusal, prepareNew, type Scanner } from '../handlers/inspection/check-in'
import type { ParsedInput } from '@contract'

type Input = ParsedInput<'inspection', 'checkIn'>

/**
 * Another department joins an open inspection (SPEC §2 rule 14). The joining department
 * passes the rules of a check-in of its own (quiet period, legitimate source, cap: the
 * certificate was checked by the caller) through the same `prepareNew`, but the visit
 * counts once for the company: no `repeated` flag or alert, one entry in the repeated
 * window. It is counted once for the joining department (its counters, its cap).
 */
export async function joinJointly(
  input: Input,
  ctx: Ctx,
  tx: Transaction,
  who: Scanner & { company: CompanyRecord; keyId: string },
  open: InspectionRecord,
): Promise<{ inspection: InspectionRecord; part: JointPartRecord }> {
  const { officer, dept, company } = who
  const { settings, now } = ctx
  const prepared = await prepareNew(input, ctx, tx, who)
  const own = prepared.record
  if (own.capCounted && capReached(capUsedOf(company.gate, dept._id, prepared.year), settings))
    capRefusal(ctx, capUsedOf(company.gate, dept._id, prepared.year), prepared.year)
  const partFlags = own.flags.filter((f): f is InspectionFlag => f !== 'repeated')
  const part: JointPartRecord = {
    deptId: dept._id,
    deptName: dept.name,
    deptRegion: dept.region,
    source: own.source,
    ...(own.planId ? { planId: own.planId, planKind: own.planKind } : {}),
    ...(own.sourceRef ? { sourceRef: own.sourceRef } : {}),
    ...(own.exception ? { exception: own.exception } : {}),
    capCounted: own.capCounted,
    joinedAt: now,
    flags: partFlags,
  }
  const flags = [...open.flags]
  for (const f of partFlags) if (f === 'after_cap' && !flags.includes(f)) flags.push(f)
  const data = {
    deptIds: [...departmentsOf(open), dept._id],
    joint: true,
    joins: [...(open.joins ?? []), part],
    officerIds: [...open.officerIds, officer._id],
    officerNames: [...open.officerNames, officer.name],
    officerDeptIds: [...officerDepartments(open), dept._id],
    officerJoinedAt: [...joinTimes(open), now],
    flags,
    updatedAt: now,
  }
  await tx.collection('inspections').doc(open._id).update({ data })
  const inspection: InspectionRecord = { ...open, ...data }
  // A monitoring point's ledger records the joining department's visit too (rule 11).
  const ledger = await ledgerEntryOfVisit(tx, ctx, company, {
    inspectionId: open._id,
    date: open.date,
    dept,
    officerName: officer.name,
    purpose: `联合检查：${prepared.purpose}`,
  })
  const move = {
    kind: 'join' as const,
    inspectionId: open._id,
    keyId: who.keyId,
    joint: { deptId: dept._id, checkInAt: now, ...(own.capCounted ? { capYear: prepared.year } : {}) },
    ...(ledger ? { ledger: { seq: ledger.seq, hash: ledger.hash } } : {}),
  }
  await saveGate(tx, company, movedGate(company.gate, move, { now, today: chinaDate(now, settings.timezone) }, settings))
  if (partFlags.includes('after_cap')) await raiseAfterCapAlert(tx, ctx, { ...own, _id: open._id }, dept, company)
  await audit(
    ctx,
    {
      action: 'inspection.jointJoin',
      target: `inspections/${open._id}`,
      details: {
        officerId: officer._id,
        deptId: dept._id,
        source: part.source,
        planId: part.planId ?? null,
        exception: part.exception?.category ?? null,
        flags: partFlags,
      },
    },
    tx,
  )
  // The joining department's figures are bumped by the caller after the commit.
  return { inspection, part }
}

/** The `after_cap` alert (rule 15): a case-sourced check-in soon after the department was refused the cap here. */
export async function raiseAfterCapAlert(
  tx: Transaction,
  ctx: Ctx,
  record: Pick<InspectionRecord, '_id' | 'region' | 'source' | 'sourceRef'>,
  dept: Pick<DepartmentRecord, '_id' | 'name'>,
  company: Pick<CompanyRecord, '_id' | 'name'>,
): Promise<void> {
  await raiseAlert(tx, {
    kind: 'after_cap',
    ref: `inspections/${record._id}`,
    at: ctx.now,
    region: record.region,
    deptId: dept._id,
    companyId: company._id,
    summary: `${dept.name} 对 ${company.name} 的计划检查次数超限被拒后 ${ctx.settings.caseSource.afterCapDays} 天内，又以案件来源入企（来源编号：${record.sourceRef ?? '无'}）`,
  })
}

/** Remembers a FREQUENCY_CAP refusal on the company's gate (pruned to `caseSource.afterCapDays`), in a small transaction of its own. */
export async function noteCapRefusal(ctx: Ctx, companyId: string, deptId: string): Promise<void> {
  await ctx.db.runTransaction(async (tx) => {
    const company = await companyInTx(tx, companyId)
    if (!company) return
    await saveGate(
      tx,
      company,
      movedGate(company.gate, { kind: 'capRefused', deptId }, { now: ctx.now, today: chinaDate(ctx.now, ctx.settings.timezone) }, ctx.settings),
    )
  })
}
