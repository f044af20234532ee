import type { Settings } from '@contract'
import type { Database, DocData } from '../platform/db'
import {
  countComplaint,
  countInspection,
  countRating,
  countServiceVisit,
  countUnscanned,
  diffTallies,
  tallyKey,
  type FigureDifference,
  type Tally,
} from '../domain/counter-recount'
import { addFigures, figuresOf } from '../domain/dept-figures'
import type { InspectionRecord } from '../domain/inspection-records'
import type { ComplaintRecord } from './complaints'
import { COUNTERS, type CounterRecord } from './counters'
import { ALERTS, type AlertRecord } from './alerts'
import { forEachPage } from './paging'
import { SERVICE_VISITS } from './service-visits'
import { RATINGS, SERVICE_RATINGS, type RatingRecord, type ServiceRatingRecord } from './ratings'

/**
 * The counter consistency check (ARCHITECTURE rule 6): recount the per-department-per-
 * month figures from the records and compare them with the kept `counters` (each
 * department's entry of its region's document, store/counters.ts). It reports; the
 * hourly job repairs only a difference two runs have seen, which is what a crash between
 * a commit and its counters bump leaves (scheduler/counter-consistency.ts). Every read is paged (≤ 100 per get).
 *
 * Not compared: `capRefusals` — a refused check-in leaves no record, only the counter
 * (inspection/check-in.ts), so there is nothing to recount it from.
 */

export const NOT_RECOUNTED = ['capRefusals'] as const

export interface RecountScope {
  /** 'YYYY-MM' months to recount; absent = all history. */
  months?: string[]
}

/** The figures recounted from inspections, service visits, ratings (of both), complaints and ledger entries. */
export async function recountFigures(db: Database, settings: Settings, scope: RecountScope = {}): Promise<Tally> {
  const _ = db.command
  const tally: Tally = new Map()
  const months = scope.months ? [...new Set(scope.months)].sort() : null
  const inMonths = (month: string) => months === null || months.includes(month)
  const byMonth: DocData = months ? { month: _.in(months) } : {}

  await forEachPage<InspectionRecord>(db, 'inspections', byMonth, (page) => {
    for (const r of page) countInspection(tally, r)
  })
  await forEachPage<{ _id: string; region: string; deptId: string; month: string }>(db, SERVICE_VISITS, byMonth, (page) => {
    for (const v of page) countServiceVisit(tally, v)
  })
  await forEachPage<RatingRecord>(db, RATINGS, byMonth, (page) => {
    for (const r of page) countRating(tally, r, settings.rating.badAtMost)
  })
  await forEachPage<ServiceRatingRecord>(db, SERVICE_RATINGS, byMonth, (page) => {
    for (const r of page) countRating(tally, r, settings.rating.badAtMost, 'serviceRatings')
  })
  // A complaint's counters month is its month of receipt (kept in counterKey).
  await forEachPage<ComplaintRecord>(db, 'complaints', months ? { 'counterKey.month': _.in(months) } : {}, (page) => {
    for (const c of page) countComplaint(tally, c)
  })
  // Unscanned visits count once confirmed: the handled unscanned alerts say where.
  await forEachPage<AlertRecord>(db, ALERTS, { kind: 'unscanned', resolved: true }, (page) => {
    for (const a of page) if (a.counted && inMonths(a.counted.month)) countUnscanned(tally, a)
  })
  return tally
}

/** The kept counters of those months (all when absent): each region document's `depts` entries. */
export async function keptFigures(db: Database, scope: RecountScope = {}): Promise<Tally> {
  const tally: Tally = new Map()
  const where: DocData = scope.months ? { month: db.command.in([...new Set(scope.months)]) } : {}
  await forEachPage<CounterRecord>(db, COUNTERS, where, (page) => {
    for (const c of page) {
      for (const [deptId, entry] of Object.entries(c.depts ?? {})) {
        const place = { region: c.region, deptId, month: c.month }
        const key = tallyKey(place)
        const before = tally.get(key)
        tally.set(key, { ...place, figures: before ? addFigures(before.figures, figuresOf(entry)) : figuresOf(entry) })
      }
    }
  })
  return tally
}

export interface ConsistencyReport {
  /** The months checked, or 'all'. */
  months: string[] | 'all'
  /** Counters entries compared (kept or recounted). */
  checked: number
  ok: boolean
  differences: FigureDifference[]
  notCompared: string[]
}

export async function checkCounterConsistency(db: Database, settings: Settings, scope: RecountScope = {}): Promise<ConsistencyReport> {
  const [recounted, kept] = [await recountFigures(db, settings, scope), await keptFigures(db, scope)]
  const differences = diffTallies(kept, recounted, NOT_RECOUNTED)
  return {
    months: scope.months ? [...new Set(scope.months)].sort() : 'all',
    checked: new Set([...kept.keys(), ...recounted.keys()]).size,
    ok: differences.length === 0,
    differences,
    notCompared: [...NOT_RECOUNTED],
  }
}
