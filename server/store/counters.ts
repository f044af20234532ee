import type { Database } from '../platform/db'
import { cityOf } from '../domain/scope'
import { figuresOf, zeroFigures } from '../domain/dept-figures'
import { incrementDoc } from './docs'
import { bumpOpenNow, type OpenNowIncrements } from './open-now'

/**
 * Per-department-per-month figures (ARCHITECTURE rule 6), kept by the writes that change
 * them, one document per region and month:
 *
 *   counters/<region>_<YYYY-MM> = { region, city, month, depts: { <deptId>: CounterFigures }, updatedAt? }
 *
 * `region` is the company's county, where the inspection happened (SPEC §3: a county means
 * where the company is, on every page), so a county's dashboard counts exactly the
 * inspections its lists show, a city department's visits included. A
 * department's entry may be partial or missing: readers take it through `figuresOf`
 * (zeros for what is absent). The dashboard reads one document per region and month
 * whatever the number of inspections or departments; the hourly scheduler creates the
 * documents of this month and the next ahead (scheduler/counters-ahead.ts), so a write
 * is one `update` with `_.inc`.
 *
 * Which month a figure belongs to: the month of the record it is about (an inspection's
 * check-in month for inspections, exceptions, results, overdue; a rating's month (a service visit's too); a
 * complaint's month of receipt; a ledger entry's date). Decrements go to the same month
 * (and region) as the increment they undo, so a figure never goes negative.
 */

export interface CounterKey {
  deptId: string
  /** The company's region (county): the document the figures are kept in. */
  region: string
  /** 'YYYY-MM' (China month). */
  month: string
}

export interface CounterFigures {
  inspections: number
  quietExceptions: { pending: number; justified: number; unjustified: number }
  /** Red lights: inspections past their result deadline without a result. */
  overdue: number
  /** Results recorded. */
  results: number
  /** `sum` of scores, so the average is sum / count; `bad` = scores ≤ settings.rating.badAtMost. */
  ratings: { count: number; sum: number; bad: number }
  /** `received` ever; `open` = not yet closed; `overdue` = open past their due date. */
  complaints: { received: number; open: number; overdue: number }
  unscanned: number
  repeated: number
  capRefusals: number
  /** `no_penalty` results (rule 20), back-filled visits (rule 17), withdrawn visits (rule 18), service visits (rule 19). */
  noPenalty: number
  backfills: number
  withdrawn: number
  serviceVisits: number
  /** Ratings of service visits (rule 19), kept apart from the inspections' `ratings`. */
  serviceRatings: { count: number; sum: number; bad: number }
}

/** A stored counters document: the figures of the departments of one region in one month. */
export interface CounterRecord {
  _id: string
  /** The companies' region (county). */
  region: string
  city: string
  month: string
  /** deptId → figures; an entry may lack figures (or be absent): read it with `deptFigures`. */
  depts: Record<string, Partial<CounterFigures>>
  updatedAt?: number
}

/** What to add to each figure (negative to take away). Absent = unchanged. */
export interface CounterIncrements {
  inspections?: number
  quietExceptions?: Partial<CounterFigures['quietExceptions']>
  overdue?: number
  results?: number
  ratings?: Partial<CounterFigures['ratings']>
  complaints?: Partial<CounterFigures['complaints']>
  unscanned?: number
  repeated?: number
  capRefusals?: number
  noPenalty?: number
  backfills?: number
  withdrawn?: number
  serviceVisits?: number
  serviceRatings?: Partial<CounterFigures['serviceRatings']>
}

export const COUNTERS = 'counters'

/** The id of the counters document of a region and month. */
export const counterId = (region: string, month: string): string => `${region}_${month}`

/** All-zero figures (declared once, in the domain). */
export const emptyFigures = zeroFigures

/** A new counters document (without `_id`): the region's, no department figures yet. */
export function newCounterDoc(region: string, month: string, depts: CounterRecord['depts'] = {}, updatedAt?: number): Omit<CounterRecord, '_id'> {
  return { region, city: cityOf(region), month, depts, ...(updatedAt !== undefined ? { updatedAt } : {}) }
}

/** One department's figures in a counters document, zeros where absent. */
export const deptFigures = (record: Pick<CounterRecord, 'depts'> | null | undefined, deptId: string): CounterFigures => figuresOf(record?.depts?.[deptId])

/**
 * Adds `inc` to the figures of (deptId, month): one plain `update` of the region's
 * document with `_.inc` on `depts.<deptId>.<figure>` (store/docs.ts incrementDoc: no read;
 * the document is created when missing, which the scheduler makes rare). Never inside a
 * transaction: the document is shared by every department of the region, so writing it in
 * a transaction would make every concurrent transaction of the county conflict on it
 * (docs/decisions.md). Callers bump after their transaction commits; a crash in between
 * leaves a figure short, which the hourly consistency job repairs
 * (scheduler/counter-consistency.ts).
 *
 * The figures that are also open now (red lights, special cases waiting for review) move
 * the region's "open now" document by the same amount (store/open-now.ts): one more
 * `update`, only when they change; `openAlerts` (the caller's new alerts, raised with
 * `countedByCaller`) go into that same update.
 */
export async function bumpCounters(db: Database, key: CounterKey, inc: CounterIncrements, openAlerts?: OpenNowIncrements['alerts']): Promise<void> {
  // Two documents, sent together: one round trip of latency.
  await Promise.all([
    bumpMonthFigures(db, key, inc),
    bumpOpenNow(db, key.region, {
      deptId: key.deptId,
      overdue: inc.overdue ?? 0,
      pendingExceptions: inc.quietExceptions?.pending ?? 0,
      ...(openAlerts ? { alerts: openAlerts } : {}),
    }),
  ])
}

/** The month's figures only (the consistency job's repair: the open-now figures are repaired on their own). */
export async function bumpMonthFigures(db: Database, key: CounterKey, inc: CounterIncrements): Promise<void> {
  const flat = flatIncrements(inc).map(([path, by]): [string[], number] => [['depts', key.deptId, ...path], by])
  await incrementDoc(db, COUNTERS, counterId(key.region, key.month), flat, () => newCounterDoc(key.region, key.month, { [key.deptId]: zeroFigures() }))
}

/** Figure paths (['quietExceptions', 'pending']) and what to add to them. */
type Flat = Array<[string[], number]>

function flatIncrements(inc: CounterIncrements): Flat {
  const out: Flat = []
  for (const [k, v] of Object.entries(inc)) {
    if (typeof v === 'number') {
      if (v !== 0) out.push([[k], v])
    } else if (v && typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v as Record<string, number | undefined>)) if (typeof v2 === 'number' && v2 !== 0) out.push([[k, k2], v2])
    }
  }
  return out
}
