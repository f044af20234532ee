import type { Ctx } from '../platform/context'
import { audit } from '../platform/audit'
import type { InspectionRecord } from '../domain/inspection-records'
import { alertIdFor, raiseAlert } from '../store/alerts'
import { bumpCounters } from '../store/counters'
import { readDoc } from '../store/docs'
import { departmentsWithoutResult } from '../domain/joint'
import { remindOverdue } from '../notices'
import { sweepPastDue } from './past-due'
import type { JobResult } from '.'

/**
 * The red light 红灯 (SPEC §2.8): open inspections past their deadline become overdue,
 * each in its own small transaction (status, alert, audit); after the commit its
 * departments' overdue figures and a reminder to each of its officers.
 */
export async function markOverdueInspections(ctx: Ctx): Promise<JobResult> {
  const _ = ctx.db.command
  let reminders = 0
  const marked = await sweepPastDue<InspectionRecord>(
    ctx,
    'inspections',
    { status: 'open', dueAt: _.lt(ctx.now) },
    async (tx, id) => {
      const current = await readDoc<InspectionRecord>(tx, 'inspections', id)
      // A joint inspection stays open until every department has recorded (rule 14).
      if (!current || current.status !== 'open' || departmentsWithoutResult(current).length === 0 || !(current.dueAt < ctx.now)) return null
      await tx
        .collection('inspections')
        .doc(current._id)
        .update({ data: { status: 'overdue', overdueAt: ctx.now, updatedAt: ctx.now } })
      const ref = `inspections/${current._id}`
      await raiseAlert(tx, {
        id: alertIdFor('overdue', ref),
        kind: 'overdue',
        ref,
        at: ctx.now,
        region: current.region,
        deptId: current.deptId,
        companyId: current.companyId,
        summary: `${current.deptName} 对 ${current.companyName} 的检查（${current.date}）逾期未录入结果`,
      })
      await audit(ctx, { action: 'scheduler.overdueInspection', target: ref, details: { dueAt: current.dueAt } }, tx)
      return current
    },
    async (changed) => {
      // After the commit: the region's counters are shared (store/counters.ts).
      // A red light for each department still without its result (rule 14: per department).
      for (const deptId of departmentsWithoutResult(changed))
        await bumpCounters(ctx.db, { deptId, region: changed.region, month: changed.month }, { overdue: 1 })
      reminders += await remindOverdue(ctx, changed)
    },
  )
  return { overdueInspections: marked, reminders }
}
