import type { Settings } from '@contract'
import type { Ctx } from '../platform/context'
import type { Database } from '../platform/db'
import { chinaMonth } from '../domain/china-time'
import type { FigureDifference } from '../domain/counter-recount'
import { monthsEnding } from '../domain/dept-figures'
import { bumpMonthFigures, type CounterIncrements } from '../store/counters'
import { incrementDoc, readDoc } from '../store/docs'
import { newOpenNowDoc, OPEN_NOW } from '../store/open-now'
import { checkCounterConsistency, checkOpenNow, type ConsistencyReport, type OpenFigure } from '../store/recount'
import type { JobResult } from '.'

/** Differences listed in one run's answer and log line (the count is always complete). */
const MAX_LISTED = 50

/**
 * The counter consistency check: recounts this month's and last month's
 * per-department figures from the records and compares them with the kept counters
 * (store/recount.ts). Differences are reported — in the run's answer (`consistency`) and
 * as a `counter_mismatch` error in the log. Two months keep an hourly run's cost bounded
 * by recent records; older months do not change except by a late result, rating or
 * complaint, which lands in the record's own month and is checked while recent.
 *
 * The open-now figures (store/open-now.ts) are checked and repaired the same way, all of
 * them (they hold only what is open now, so the recount never reads the history).
 *
 * Counters are bumped after their transaction commits (store/counters.ts), so a crash in
 * between leaves a figure off by the one record. Such a difference is repaired here once
 * two consecutive runs have seen it (`repairDrift`): a bump still on its way between a
 * commit and its `_.inc` (milliseconds) is never mistaken for one.
 */
export async function checkCounters(ctx: Ctx): Promise<JobResult> {
  const months = monthsEnding(chinaMonth(ctx.now, ctx.settings.timezone), 2)
  const { report, repaired } = await repairDrift(ctx.db, ctx.settings, months, ctx.now)
  const open = await repairOpenNow(
    ctx.db,
    ctx.settings.city.regions.map((r) => r.code),
    ctx.now,
  )
  if (open.differences.length)
    ctx.log.error('open_now_mismatch', { requestId: ctx.requestId, differences: open.differences.length, first: open.differences.slice(0, MAX_LISTED) })
  if (open.repaired.length) ctx.log.info('open_now_repaired', { requestId: ctx.requestId, repaired: open.repaired.slice(0, MAX_LISTED) })
  if (!report.ok) {
    ctx.log.error('counter_mismatch', {
      requestId: ctx.requestId,
      months,
      differences: report.differences.length,
      first: report.differences.slice(0, MAX_LISTED),
    })
  }
  if (repaired.length) ctx.log.info('counter_repaired', { requestId: ctx.requestId, repaired: repaired.slice(0, MAX_LISTED) })
  return {
    consistency: summarize(report),
    openNow: { differences: open.differences.slice(0, MAX_LISTED), differenceCount: open.differences.length, repaired: open.repaired.length },
  }
}

/** Where the differences of the last run are kept: `system/counterDrift`. */
const DRIFT_DOC = 'counterDrift'

interface Drift {
  region: string
  deptId: string
  month: string
  figure: string
  /** recounted − kept */
  by: number
}

const driftKey = (d: { region: string; deptId: string; month: string; figure: string }) => `${d.region}|${d.deptId}|${d.month}|${d.figure}`

/**
 * Checks the months, then repairs every difference the previous run saw too, by the part
 * both runs saw (same sign, the smaller size), with `_.inc` on the department's entry of
 * the counters of the region where the records are; keeps what is left for the next run. Answers the report of the
 * check (before the repair) and the repairs made.
 */
export async function repairDrift(db: Database, settings: Settings, months: string[], now: number): Promise<{ report: ConsistencyReport; repaired: Drift[] }> {
  const report = await checkCounterConsistency(db, settings, { months })
  const previous = new Map(
    (((await readDoc<{ _id: string; drift?: Drift[] }>(db, 'system', DRIFT_DOC))?.drift ?? []) as Drift[]).map((d) => [driftKey(d), d.by]),
  )
  const repaired: Drift[] = []
  const left: Drift[] = []
  for (const d of report.differences as FigureDifference[]) {
    const by = d.recounted - d.kept
    const fix = seenTwice(by, previous.get(driftKey(d)) ?? 0)
    const place = { region: d.region, deptId: d.deptId, month: d.month }
    if (fix) {
      await bumpMonthFigures(db, place, incrementOf(d.figure, fix))
      repaired.push({ ...place, figure: d.figure, by: fix })
    }
    if (by - fix) left.push({ ...place, figure: d.figure, by: by - fix })
  }
  await keepDrift(db, DRIFT_DOC, left, previous.size > 0, now)
  return { report, repaired }
}

/** Keeps what is left for the next run in `system/<id>` (nothing is written when there was and is nothing). */
async function keepDrift(db: Database, id: string, left: unknown[], hadPrevious: boolean, now: number): Promise<void> {
  if (left.length || hadPrevious)
    await db
      .collection('system')
      .doc(id)
      .set({ data: { drift: left, at: now } })
}

/** The part of a difference `by` that the previous run saw too (`before`): same sign, the smaller size; else 0. */
const seenTwice = (by: number, before: number): number => (Math.sign(by) === Math.sign(before) ? Math.sign(by) * Math.min(Math.abs(by), Math.abs(before)) : 0)

/** Where the open-now differences of the last run are kept: `system/openNowDrift`. */
const OPEN_DRIFT_DOC = 'openNowDrift'

/**
 * The open-now figures (store/open-now.ts: red lights, pending special cases, open alerts
 * by kind, per county) recounted from what is open and compared with the kept documents;
 * a difference two consecutive runs have seen is repaired by the part both saw, with
 * `_.inc` on the region's document (as `repairDrift` does for the months). Answers every
 * difference found (before the repair) and the repairs made.
 */
export async function repairOpenNow(db: Database, regions: string[], now: number): Promise<{ differences: OpenFigure[]; repaired: OpenDrift[] }> {
  const differences = await checkOpenNow(db, regions)
  const stored = (await readDoc<{ _id: string; drift?: OpenDrift[] }>(db, 'system', OPEN_DRIFT_DOC))?.drift ?? []
  const previous = new Map(stored.map((d) => [`${d.region}|${d.figure}`, d.by]))
  const repaired: OpenDrift[] = []
  const left: OpenDrift[] = []
  for (const d of differences) {
    const by = d.recounted - d.kept
    const fix = seenTwice(by, previous.get(`${d.region}|${d.figure}`) ?? 0)
    if (fix) {
      await incrementDoc(db, OPEN_NOW, d.region, [[d.figure.split('.'), fix]], () => newOpenNowDoc(d.region))
      repaired.push({ region: d.region, figure: d.figure, by: fix })
    }
    if (by - fix) left.push({ region: d.region, figure: d.figure, by: by - fix })
  }
  await keepDrift(db, OPEN_DRIFT_DOC, left, previous.size > 0, now)
  return { differences, repaired }
}

interface OpenDrift {
  region: string
  figure: string
  /** recounted − kept */
  by: number
}

/** `{ quietExceptions: { pending: n } }` for the figure 'quietExceptions.pending'. */
function incrementOf(figure: string, by: number): CounterIncrements {
  const [head, leaf] = figure.split('.')
  return (leaf ? { [head]: { [leaf]: by } } : { [head]: by }) as CounterIncrements
}

export interface ConsistencySummary extends Omit<ConsistencyReport, 'differences'> {
  differences: ConsistencyReport['differences']
  /** How many differences in all (only the first 50 are listed). */
  differenceCount: number
}

function summarize(report: ConsistencyReport): ConsistencySummary {
  return { ...report, differences: report.differences.slice(0, MAX_LISTED), differenceCount: report.differences.length }
}
