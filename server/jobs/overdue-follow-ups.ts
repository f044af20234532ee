import type { Ctx } from '../platform/context'
import { MAX_GET } from '../platform/db'
import { audit } from '../platform/audit'
import { chinaDate } from '../domain/china-time'
import { alertIdFor, ALERTS, raiseAlert, type AlertRecord } from '../store/alerts'
import { readByIds } from '../store/paging'
import type { JobResult } from '.'

/** Bound on one run's work; the next hourly run picks up the rest. */
const MAX_PAGES = 20

/**
 * Rule 21: a bad rating not followed up by its due date (settings.rating.followUpWorkingDays
 * Chinese working days after the rating, kept on its alert as `dueAt`) raises
 * `follow_up_overdue`, once (a fixed id; one already raised, handled or not, is left as it
 * is). Handling the bad rating's alert (supervision.handleAlert) stops it. Pages through the
 * open bad ratings past due, oldest first, by `dueAt`.
 */
export async function raiseOverdueFollowUps(ctx: Ctx): Promise<JobResult> {
  const _ = ctx.db.command
  let raised = 0
  let after = -1
  for (let page = 0; page < MAX_PAGES; page++) {
    const got = await ctx.db
      .collection(ALERTS)
      .where({ kind: 'bad_rating', resolved: false, dueAt: _.gt(after).and(_.lt(ctx.now)) })
      .orderBy('dueAt', 'asc')
      .limit(MAX_GET)
      .get()
    const batch = got.data as unknown as AlertRecord[]
    const twins = new Set(
      (
        await readByIds<AlertRecord>(
          ctx.db,
          ALERTS,
          batch.map((a) => alertIdFor('follow_up_overdue', a.ref)),
        )
      ).map((a) => a._id),
    )
    for (const a of batch) {
      const id = alertIdFor('follow_up_overdue', a.ref)
      if (twins.has(id)) continue
      await ctx.db.runTransaction(async (tx) => {
        await raiseAlert(tx, {
          id,
          kind: 'follow_up_overdue',
          ref: a.ref,
          at: ctx.now,
          region: a.region,
          ...(a.deptId ? { deptId: a.deptId } : {}),
          ...(a.deptIds ? { deptIds: a.deptIds } : {}),
          ...(a.companyId ? { companyId: a.companyId } : {}),
          dueAt: a.dueAt,
          summary: `差评回访已超过期限 ${chinaDate(a.dueAt!, ctx.settings.timezone)}：${a.summary ?? ''}`,
        })
        await audit(ctx, { action: 'scheduler.followUpOverdue', target: `alerts/${id}`, details: { ref: a.ref, dueAt: a.dueAt } }, tx)
      })
      raised++
    }
    if (batch.length < MAX_GET) break
    after = batch[batch.length - 1].dueAt!
  }
  return { overdueFollowUps: raised }
}
