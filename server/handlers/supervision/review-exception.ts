import type { InspectionException } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { pickCase, type CaseHolder, type ReviewCase } from '../../domain/case-review'
import type { InspectionRecord } from '../../domain/inspection-records'
import { ALERTS, caseAlertId, raiseAlert } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { readDoc, readOrFail } from '../../store/docs'
import { toInspectionView } from '../../views/inspection'
import { readInScope } from '../../access/supervisor-scope'

const VERDICT_WORDS = { justified: '合理', unjustified: '不合理', pending: '待审核' } as const

function invalidDept(message: string): never {
  return fail('INVALID_INPUT', message, { issues: [{ path: ['deptId'], code: 'custom', message }] })
}

/** The case to review, or the refusal a supervisor can act on. */
function caseToReview(r: CaseHolder, deptId: string | undefined): ReviewCase {
  const picked = pickCase(r, deptId)
  if (picked.ok) return picked.case
  switch (picked.problem) {
    case 'none':
      return fail('CONFLICT', '该次检查不是安静生产期特殊情形，无需审核')
    case 'not_on':
      return invalidDept('所选执法部门在这次检查中没有报特殊情形，请从待审核列表中选择')
    case 'several':
      return invalidDept(
        `这次联合检查有 ${picked.pending.length} 个部门的特殊情形待审核（${picked.pending.map((c) => c.deptName).join('、')}），请选择要审核的部门`,
      )
    case 'done':
      return picked.case
        ? fail('CONFLICT', `${picked.case.deptName}的特殊情形已审核为“${VERDICT_WORDS[picked.case.review]}”，不能重复审核`, { review: picked.case.review })
        : fail('CONFLICT', '这次检查的特殊情形均已审核，不能重复审核')
  }
}

/**
 * A supervisor of the inspection's region judges one department's pending case justified or
 * unjustified (SPEC §2.1, rule 14), once: the leading department's special case and/or
 * back-fill (one verdict covers both, rule 17), or the special case of a department that
 * joined (`deptId`; absent = the one pending case). In one transaction: the verdict on the
 * inspection, an `unjustified_exception` alert against that department when unjustified,
 * the `pending_exception` alert (if one was raised) resolved, and the audit event; after
 * the commit, that department's counters move from pending to the verdict (the inspection's
 * month, where the company is).
 */
export const reviewException = action('supervision', 'reviewException', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    await readInScope<InspectionRecord>(ctx, 'inspections', input.inspectionId, { missing: '没有找到该次检查', outside: '该次检查不在您的监督辖区内' })
    const reviewed = await ctx.db.runTransaction(async (tx) => {
      const current = await readOrFail<InspectionRecord>(tx, 'inspections', input.inspectionId, '没有找到该次检查')
      const chosen = caseToReview(current, input.deptId)
      const exceptionPending = chosen.exception?.review === 'pending'
      const verdict = { review: input.verdict, reviewComment: input.comment, reviewedBy: user._id, reviewedAt: ctx.now }
      const judged = (e: InspectionException | undefined): InspectionException | undefined => (e && e.review === 'pending' ? { ...e, ...verdict } : e)
      let changed: Partial<InspectionRecord>
      if (chosen.lead) {
        const exception = judged(current.exception)
        const backfill = current.backfill && chosen.backfillPending ? { ...current.backfill, ...verdict } : current.backfill
        changed = { ...(exception ? { exception } : {}), ...(backfill ? { backfill } : {}) }
      } else {
        changed = { joins: (current.joins ?? []).map((j) => (j.deptId === chosen.deptId ? { ...j, exception: judged(j.exception) } : j)) }
      }
      await tx
        .collection('inspections')
        .doc(current._id)
        .update({ data: { ...changed, updatedAt: ctx.now } })
      const ref = `inspections/${current._id}`
      if (input.verdict === 'unjustified') {
        await raiseAlert(tx, {
          id: caseAlertId('unjustified_exception', current, chosen),
          kind: 'unjustified_exception',
          ref,
          at: ctx.now,
          region: current.region,
          deptId: chosen.deptId,
          companyId: current.companyId,
          summary: exceptionPending
            ? `${chosen.deptName} 于 ${current.date} 在安静生产期进入 ${current.companyName}${chosen.lead ? '' : '（联合检查）'}，所报特殊情形经审核不合理`
            : `${chosen.deptName} 补录的 ${current.date} 进入 ${current.companyName} 的检查，经审核不合理`,
        })
      }
      const pendingAlertId = caseAlertId('pending_exception', current, chosen)
      if (await readDoc(tx, ALERTS, pendingAlertId)) {
        await tx
          .collection(ALERTS)
          .doc(pendingAlertId)
          .update({ data: { resolved: true, resolvedAt: ctx.now, resolvedBy: user._id } })
      }
      await audit(
        ctx,
        {
          action: 'supervision.reviewException',
          target: ref,
          details: {
            deptId: chosen.deptId,
            verdict: input.verdict,
            comment: input.comment,
            category: chosen.exception?.category ?? null,
            backfill: chosen.backfillPending,
          },
        },
        tx,
      )
      return { inspection: { ...current, ...changed, updatedAt: ctx.now }, exceptionPending, deptId: chosen.deptId }
    })
    // After the commit: the region's counters are shared (store/counters.ts). A back-fill alone moves no special-case figure.
    const { inspection } = reviewed
    if (reviewed.exceptionPending)
      await bumpCounters(
        ctx.db,
        { deptId: reviewed.deptId, region: inspection.region, month: inspection.month },
        { quietExceptions: { pending: -1, [input.verdict]: 1 } },
      )
    return { inspection: toInspectionView(inspection, ctx.now) }
  },
})
