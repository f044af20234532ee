import type { Ctx } from '../platform/context'
import { audit } from '../platform/audit'
import { chinaDate } from '../domain/china-time'
import { COMPLAINT_CATEGORY_LABELS } from '../domain/complaints'
import { alertIdFor, raiseAlert } from '../store/alerts'
import { COMPLAINTS, OPEN_STATUSES, type ComplaintRecord } from '../store/complaints'
import { bumpCounters } from '../store/counters'
import { readDoc } from '../store/docs'
import { sweepPastDue } from './past-due'
import type { JobResult } from '.'

/**
 * Complaints not closed by their due date (SPEC §2.10): each marked `overdue` in its own
 * small transaction with the department's overdue figure (general complaints have none),
 * a `complaint_overdue` alert (fixed id: a retried run overwrites, never duplicates) and
 * the audit event. The alert says which complaint, never what it says or who filed it.
 */
export async function markOverdueComplaints(ctx: Ctx): Promise<JobResult> {
  const _ = ctx.db.command
  const marked = await sweepPastDue<ComplaintRecord>(
    ctx,
    COMPLAINTS,
    { status: _.in(OPEN_STATUSES), dueAt: _.lt(ctx.now), overdue: false },
    async (tx, id) => {
      const current = await readDoc<ComplaintRecord>(tx, COMPLAINTS, id)
      if (!current || current.overdue || current.status === 'closed' || !(current.dueAt < ctx.now)) return null
      await tx
        .collection(COMPLAINTS)
        .doc(current._id)
        .update({ data: { overdue: true, overdueAt: ctx.now, updatedAt: ctx.now } })
      const ref = `${COMPLAINTS}/${current._id}`
      await raiseAlert(tx, {
        id: alertIdFor('complaint_overdue', ref),
        kind: 'complaint_overdue',
        ref,
        at: ctx.now,
        region: current.region,
        ...(current.deptId ? { deptId: current.deptId } : {}),
        companyId: current.companyId,
        summary: `投诉（${COMPLAINT_CATEGORY_LABELS[current.category] ?? current.category}，${chinaDate(current.receivedAt, ctx.settings.timezone)} 收到）已超过办理期限 ${chinaDate(current.dueAt, ctx.settings.timezone)}`,
      })
      await audit(ctx, { action: 'scheduler.overdueComplaint', target: ref, details: { dueAt: current.dueAt } }, tx)
      return current
    },
    async (changed) => {
      // After the commit: the region's counters are shared (store/counters.ts).
      if (changed.counterKey) await bumpCounters(ctx.db, changed.counterKey, { complaints: { overdue: 1 } })
    },
  )
  return { overdueComplaints: marked }
}
