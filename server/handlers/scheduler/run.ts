import { action } from '../../platform/handler'
import { JOBS, type JobResult } from '../../jobs'

/**
 * The hourly run (timer trigger as the system, or an admin on demand): every job in
 * turn; one failing job is logged and does not stop the others.
 */
export const run = action('scheduler', 'run', {
  access: ['admin'],
  async handle(_input, ctx) {
    const totals = { overdueInspections: 0, overdueComplaints: 0, overdueFollowUps: 0, reminders: 0, countersCreated: 0 }
    const failed: string[] = []
    let consistency: JobResult['consistency']
    let openNow: JobResult['openNow']
    for (const job of JOBS) {
      try {
        const r = await job.run(ctx)
        totals.overdueInspections += r.overdueInspections ?? 0
        totals.overdueComplaints += r.overdueComplaints ?? 0
        totals.overdueFollowUps += r.overdueFollowUps ?? 0
        totals.reminders += r.reminders ?? 0
        totals.countersCreated += r.countersCreated ?? 0
        if (r.consistency) consistency = r.consistency
        if (r.openNow) openNow = r.openNow
      } catch (err) {
        failed.push(job.name)
        ctx.log.error('scheduler_job_failed', {
          job: job.name,
          requestId: ctx.requestId,
          error: err instanceof Error ? { message: err.message, stack: err.stack } : String(err),
        })
      }
    }
    return { ...totals, ...(consistency ? { consistency } : {}), ...(openNow ? { openNow } : {}), ...(failed.length ? { failedJobs: failed } : {}) }
  },
})
