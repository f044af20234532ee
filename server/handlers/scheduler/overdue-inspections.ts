import { PAGES } from '@contract'
import type { Ctx } from '../../platform/context'
import { MAX_GET } from '../../platform/db'
import { audit } from '../../platform/audit'
import type { InspectionRecord } from '../../domain/inspection-records'
import type { OfficerRecord } from '../../domain/records'
import { alertIdFor, raiseAlert } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { departmentsWithoutResult } from '../../domain/joint'
import type { JobResult } from './jobs'

export const RECORD_RESULT_PAGE = PAGES.officerRecordResult
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
    const got = await ctx.db.collection('inspections').where({ status: 'open', dueAt: _.lt(ctx.now) }).orderBy('dueAt', 'asc').limit(MAX_GET).get()
    const batch = got.data as unknown as InspectionRecord[]
    let progressed = 0
    for (const candidate of batch) {
      const changed = await ctx.db.runTransaction(async (tx) => {
        const current = await readDoc<InspectionRecord>(tx, 'inspections', candidate._id)
        const missing = current ? departmentsWithoutResult(current) : []
        if (!current || current.status !== 'open' || missing.length === 0 || !(current.dueAt < ctx.now)) return null
        await tx.collection('inspections').doc(current._id).update({ data: { status: 'overdue', overdueAt: ctx.now, updatedAt: ctx.now } })
        // A red light for each department still without its result (rule 14: per department).
        for (const deptId of missing) {
          const region = deptId === current.deptId ? current.deptRegion : (current.joins?.find((j) => j.deptId === deptId)?.deptRegion ?? current.deptRegion)
          await bumpCounters(tx, { deptId, region, month: current.month }, { overdue: 1 })
        }
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
      progressed++
      marked++
      reminders += await remindOfficers(ctx, changed)
    }
    if (batch.length < MAX_GET || progressed === 0) break
  }
  return { overdueInspections: marked, reminders }
}

async function remindOfficers(ctx: Ctx, inspection: InspectionRecord): Promise<number> {
  let sent = 0
  for (const officerId of inspection.officerIds) {
    const officer = await readDoc<OfficerRecord>(ctx.db, 'officers', officerId)
    if (!officer?.userId) continue
    const user = await readDoc<{ _id: string; openid?: string }>(ctx.db, 'users', officer.userId)
    if (!user?.openid) continue
    try {
      await ctx.notify.send({
        touser: user.openid,
        template: 'overdue_reminder',
        page: `${RECORD_RESULT_PAGE}?id=${inspection._id}`,
        data: { company: inspection.companyName, date: inspection.date, dueAt: new Date(inspection.dueAt).toISOString() },
      })
      sent++
    } catch (err) {
      // A refused subscription message (not subscribed, quota) must not stop the run.
      ctx.log.error('reminder_failed', { inspectionId: inspection._id, officerId, error: err instanceof Error ? err.message : String(err) })
    }
  }
  return sent
}
