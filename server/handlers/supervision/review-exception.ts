import type { InspectionException } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { alertIdFor, ALERTS, raiseAlert } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { readDoc, readOrFail } from '../../store/docs'
import { toInspectionView } from '../../views/inspection'
import { readInScope } from '../../access/supervisor-scope'

/**
 * A supervisor of the inspection's region judges a pending special case justified or
 * unjustified (SPEC §2.1), once. In one transaction: the verdict on the inspection, the
 * counters moved from pending to the verdict (the inspection's month, its department's
 * document), an `unjustified_exception` alert when unjustified, the `pending_exception`
 * alert (if one was raised) resolved, and the audit event.
 */
export const reviewException = action('supervision', 'reviewException', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    await readInScope<InspectionRecord>(ctx, 'inspections', input.inspectionId, { missing: '没有找到该次检查', outside: '该次检查不在您的监督辖区内' })
    const reviewed = await ctx.db.runTransaction(async (tx) => {
      const current = await readOrFail<InspectionRecord>(tx, 'inspections', input.inspectionId, '没有找到该次检查')
      const backfillPending = current.backfill?.review === 'pending'
      if (!current.exception && !current.backfill) return fail('CONFLICT', '该次检查不是安静生产期特殊情形，无需审核')
      const exceptionPending = current.exception?.review === 'pending'
      if (!exceptionPending && !backfillPending) {
        const done = (current.exception ?? current.backfill)!.review
        return fail('CONFLICT', `该特殊情形已审核为“${done === 'justified' ? '合理' : '不合理'}”，不能重复审核`, { review: done })
      }
      // One verdict covers what waits: the special case and, for a back-filled visit, the back-fill (rule 17).
      const verdict = { review: input.verdict, reviewComment: input.comment, reviewedBy: user._id, reviewedAt: ctx.now }
      const exception: InspectionException | undefined = current.exception && exceptionPending ? { ...current.exception, ...verdict } : current.exception
      const backfill = current.backfill && backfillPending ? { ...current.backfill, ...verdict } : current.backfill
      await tx
        .collection('inspections')
        .doc(current._id)
        .update({ data: { ...(exception ? { exception } : {}), ...(backfill ? { backfill } : {}), updatedAt: ctx.now } })
      const ref = `inspections/${current._id}`
      if (input.verdict === 'unjustified') {
        await raiseAlert(tx, {
          id: alertIdFor('unjustified_exception', ref),
          kind: 'unjustified_exception',
          ref,
          at: ctx.now,
          region: current.region,
          deptId: current.deptId,
          companyId: current.companyId,
          summary: exceptionPending
            ? `${current.deptName} 于 ${current.date} 在安静生产期进入 ${current.companyName}，所报特殊情形经审核不合理`
            : `${current.deptName} 补录的 ${current.date} 进入 ${current.companyName} 的检查，经审核不合理`,
        })
      }
      const pendingAlertId = alertIdFor('pending_exception', ref)
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
          details: { verdict: input.verdict, comment: input.comment, category: current.exception?.category ?? null, backfill: backfillPending },
        },
        tx,
      )
      return { inspection: { ...current, ...(exception ? { exception } : {}), ...(backfill ? { backfill } : {}), updatedAt: ctx.now }, exceptionPending }
    })
    // After the commit: the region's counters are shared (store/counters.ts). A back-fill alone moves no special-case figure.
    const { inspection } = reviewed
    if (reviewed.exceptionPending)
      await bumpCounters(
        ctx.db,
        { deptId: inspection.deptId, region: inspection.region, month: inspection.month },
        { quietExceptions: { pending: -1, [input.verdict]: 1 } },
      )
    return { inspection: toInspectionView(inspection, ctx.now) }
  },
})
