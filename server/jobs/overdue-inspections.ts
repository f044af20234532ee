import type { Ctx } from '../platform/context'
import { MAX_GET } from '../platform/db'
import { audit } from '../platform/audit'
import type { InspectionRecord } from '../domain/inspection-records'
import { alertIdFor, raiseAlert } from '../store/alerts'
import { bumpCounters } from '../store/counters'
import { readDoc } from '../store/docs'
import { departmentsWithoutResult } from '../domain/joint'
import { remindOverdue } from '../notices'
import type { JobResult } from '.'

/** Bound on one run's work; the next hourly run picks up the rest. */
const MAX_PAGES = 20

/**
 * The red light 红灯 (SPEC §2.8): open inspections past their deadline become overdue.
 * Each one in its own small transaction (status, counter, alert, audit), so a retried or
 * overlapping run never counts one twice; then a reminder to each of its officers.
 */
export async function markOverdueInspections(ctx: Ctx): Promise<JobResult> {
  const _ = ctx.db.command
  let marked = 0
  let reminders = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const got = await ctx.db
      .collection('inspections')
      .where({ status: 'open', dueAt: _.lt(ctx.now) })
      .orderBy('dueAt', 'asc')
      .limit(MAX_GET)
      .get()
    const batch = got.data as unknown as InspectionRecord[]
    let progressed = 0
    for (const candidate of batch) {
      const changed = await ctx.db.runTransaction(async (tx) => {
        const current = await readDoc<InspectionRecord>(tx, 'inspections', candidate._id)
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
      })
      if (!changed) continue
      // After the commit: the region's counters are shared (store/counters.ts).
      // A red light for each department still without its result (rule 14: per department).
      for (const deptId of departmentsWithoutResult(changed))
        await bumpCounters(ctx.db, { deptId, region: changed.region, month: changed.month }, { overdue: 1 })
      progressed++
      marked++
      reminders += await remindOverdue(ctx, changed)
    }
    if (batch.length < MAX_GET || progressed === 0) break
  }
  return { overdueInspections: marked, reminders }
}
