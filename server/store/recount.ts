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
import { COUNTED_ALERT_KINDS, OPEN_NOW, type OpenNowRecord } from './open-now'
import { overdueDepartments } from '../domain/joint'

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

/** One figure of an open-now document: `depts.<deptId>.overdue`, `depts.<deptId>.pendingExceptions` or `alerts.<kind>`. */
export interface OpenFigure {
  region: string
  /** The dot path inside the region's document. */
  figure: string
  kept: number
  recounted: number
}

/** `region|figure` → value. */
type OpenTally = Map<string, { region: string; figure: string; n: number }>

function add(tally: OpenTally, region: string, figure: string, by: number): void {
  const key = `${region}|${figure}`
  const before = tally.get(key)
  tally.set(key, { region, figure, n: (before?.n ?? 0) + by })
}

/**
 * The open-now figures recounted from the records (store/open-now.ts): the red lights of
 * the overdue inspections (each department without its result), the special cases waiting
 * for review (the leading department's and each joining department's), and one count of
 * the open alerts per region and counted kind (regions of the settings and of the kept
 * documents). Reads only what is open now, never the history.
 */
export async function recountOpenNow(db: Database, regions: string[]): Promise<OpenTally> {
  const tally: OpenTally = new Map()
  await forEachPage<InspectionRecord>(db, 'inspections', { status: 'overdue' }, (page) => {
    for (const r of page) for (const deptId of overdueDepartments(r)) add(tally, r.region, `depts.${deptId}.overdue`, 1)
  })
  await forEachPage<InspectionRecord>(db, 'inspections', { 'exception.review': 'pending' }, (page) => {
    for (const r of page) add(tally, r.region, `depts.${r.deptId}.pendingExceptions`, 1)
  })
  await forEachPage<InspectionRecord>(db, 'inspections', { 'joins.exception.review': 'pending' }, (page) => {
    for (const r of page) for (const j of r.joins ?? []) if (j.exception?.review === 'pending') add(tally, r.region, `depts.${j.deptId}.pendingExceptions`, 1)
  })
  for (const region of [...new Set(regions)].sort()) {
    const counts = await Promise.all(
      COUNTED_ALERT_KINDS.map(async (kind) => [kind, (await db.collection(ALERTS).where({ region, resolved: false, kind }).count()).total] as const),
    )
    for (const [kind, n] of counts) if (n) add(tally, region, `alerts.${kind}`, n)
  }
  return tally
}

/** The kept open-now figures, every region's. */
export async function keptOpenNow(db: Database): Promise<{ tally: OpenTally; regions: string[] }> {
  const tally: OpenTally = new Map()
  const regions: string[] = []
  await forEachPage<OpenNowRecord>(db, OPEN_NOW, {}, (page) => {
    for (const d of page) {
      regions.push(d.region)
      for (const [deptId, f] of Object.entries(d.depts ?? {}))
        for (const [figure, n] of Object.entries(f ?? {})) if (typeof n === 'number') add(tally, d.region, `depts.${deptId}.${figure}`, n)
      for (const [kind, n] of Object.entries(d.alerts ?? {})) if (typeof n === 'number') add(tally, d.region, `alerts.${kind}`, n)
    }
  })
  return { tally, regions }
}

/** Every open-now figure where the kept document and the recount disagree. */
export async function checkOpenNow(db: Database, settingsRegions: string[]): Promise<OpenFigure[]> {
  const kept = await keptOpenNow(db)
  const recounted = await recountOpenNow(db, [...settingsRegions, ...kept.regions])
  const out: OpenFigure[] = []
  for (const key of new Set([...kept.tally.keys(), ...recounted.keys()])) {
    const k = kept.tally.get(key)
    const r = recounted.get(key)
    const place = (k ?? r)!
    if ((k?.n ?? 0) !== (r?.n ?? 0)) out.push({ region: place.region, figure: place.figure, kept: k?.n ?? 0, recounted: r?.n ?? 0 })
  }
  return out.sort((a, b) => a.region.localeCompare(b.region) || a.figure.localeCompare(b.figure))
}
