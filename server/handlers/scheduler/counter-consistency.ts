import type { Ctx } from '../../platform/context'
import { chinaMonth } from '../../domain/china-time'
import { monthsEnding } from '../../domain/dept-figures'
import { checkCounterConsistency, type ConsistencyReport } from '../../store/recount'
import type { JobResult } from './jobs'

/** Differences listed in one run's answer and log line (the count is always complete). */
const MAX_LISTED = 50

/**
 * The counter consistency check: recounts this month's and last month's
 * per-department figures from the records and compares them with the kept counters
 * (store/recount.ts). Differences are reported — in the run's answer (`consistency`) and
 * as a `counter_mismatch` error in the log — never fixed. Two months keep an hourly run's
 * cost bounded by recent records; older months do not change except by a late result,
 * rating or complaint, which lands in the record's own month and is checked while recent.
 */
export async function checkCounters(ctx: Ctx): Promise<JobResult> {
  const months = monthsEnding(chinaMonth(ctx.now, ctx.settings.timezone), 2)
  const report = await checkCounterConsistency(ctx.db, ctx.settings, { months })
  if (!report.ok) {
    ctx.log.error('counter_mismatch', { requestId: ctx.requestId, months, differences: report.differences.length, first: report.differences.slice(0, MAX_LISTED) })
  }
  return { consistency: summarize(report) }
}

export interface ConsistencySummary extends Omit<ConsistencyReport, 'differences'> {
  differences: ConsistencyReport['differences']
  /** How many differences in all (only the first 50 are listed). */
  differenceCount: number
}

function summarize(report: ConsistencyReport): ConsistencySummary {
  return { ...report, differences: report.differences.slice(0, MAX_LISTED), differenceCount: report.differences.length }
}
