import type { CounterFigures } from '../store/counters'
import { flattenFigures, zeroFigures } from './dept-figures'
import { ratedDepartments } from './ratings'

/**
 * Recounting the per-region-department-month figures from the records (the consistency
 * check of ARCHITECTURE rule 6). Each `count*` adds one record to the tally of the
 * counters entry it belongs to (the company's county, the department, the month), by the same month rules as the writes
 * (store/counters.ts): an inspection's check-in month; a rating's `month` (a service visit's too); a complaint's
 * `counterKey`; a confirmed unscanned visit's month (its alert's `counted`).
 */

export interface TallyEntry {
  region: string
  deptId: string
  month: string
  figures: CounterFigures
}

/** Where a figure is kept: the department's entry of the counters document of a region and month. */
export interface TallyPlace {
  region: string
  deptId: string
  month: string
}

/** `tallyKey(place)` → figures (one department's entry of one counters document). */
export type Tally = Map<string, TallyEntry>

export const tallyKey = (p: TallyPlace): string => `${p.region}_${p.deptId}_${p.month}`

function entry(tally: Tally, place: TallyPlace): CounterFigures {
  const id = tallyKey(place)
  let e = tally.get(id)
  if (!e) {
    e = { region: place.region, deptId: place.deptId, month: place.month, figures: zeroFigures() }
    tally.set(id, e)
  }
  return e.figures
}

export interface InspectionFacts {
  region: string
  deptId: string
  month: string
  status: string
  result?: { outcome?: string } | unknown
  flags: string[]
  exception?: { review: 'pending' | 'justified' | 'unjustified' }
  backfill?: unknown
  /** The departments that joined (rule 14): each counts the visit once, with its own special case and result. */
  joins?: Array<{ deptId: string; exception?: { review: 'pending' | 'justified' | 'unjustified' }; result?: unknown }>
}

/**
 * One inspection, once per department on it (rule 14). A withdrawn one (rule 18) counts as
 * `withdrawn` instead of an inspection, and not as repeated; its special case still waits
 * for review. The red light is per department without a result.
 */
export function countInspection(tally: Tally, r: InspectionFacts): void {
  const parts = [{ deptId: r.deptId, exception: r.exception, result: r.result, lead: true }, ...(r.joins ?? []).map((j) => ({ ...j, lead: false }))]
  for (const p of parts) {
    const f = entry(tally, { region: r.region, deptId: p.deptId, month: r.month })
    if (r.status === 'withdrawn') f.withdrawn++
    else f.inspections++
    if (p.exception) f.quietExceptions[p.exception.review]++
    if (r.status === 'overdue' && !p.result) f.overdue++
    if (p.result) f.results++
    if ((p.result as { outcome?: string } | undefined)?.outcome === 'no_penalty') f.noPenalty++
    if (p.lead && r.status !== 'withdrawn' && r.flags.includes('repeated')) f.repeated++
    if (p.lead && r.backfill) f.backfills++
  }
}

/** A service visit (rule 19) counts for its department in its month. */
export function countServiceVisit(tally: Tally, v: TallyPlace): void {
  entry(tally, v).serviceVisits++
}

/** A rating counts in its month for each department of the visit it rates (rule 14): an inspection's as `ratings`, a service visit's (rule 19) as `serviceRatings`. */
export function countRating(
  tally: Tally,
  r: TallyPlace & { score: number; deptIds?: string[] },
  badAtMost: number,
  figure: 'ratings' | 'serviceRatings' = 'ratings',
): void {
  for (const deptId of ratedDepartments(r)) {
    const f = entry(tally, { region: r.region, deptId, month: r.month })[figure]
    f.count++
    f.sum += r.score
    if (r.score <= badAtMost) f.bad++
  }
}

/** A complaint counts only when it names a department (`counterKey`). */
export function countComplaint(tally: Tally, c: { counterKey?: TallyPlace; status: string; overdue?: boolean }): void {
  if (!c.counterKey) return
  const f = entry(tally, c.counterKey)
  f.complaints.received++
  if (c.status !== 'closed') {
    f.complaints.open++
    if (c.overdue) f.complaints.overdue++
  }
}

/**
 * An unscanned visit counts once a supervisor confirmed it (SPEC §6): its alert keeps the
 * counters entry the confirmation added to (`counted`: the department it names, the
 * visit's month). One that names only a free-text department counts nowhere.
 */
export function countUnscanned(tally: Tally, alert: { kind: string; handling?: { confirmed?: boolean }; counted?: TallyPlace }): void {
  if (alert.kind !== 'unscanned' || !alert.handling?.confirmed || !alert.counted) return
  entry(tally, alert.counted).unscanned++
}

export interface FigureDifference {
  /** The counters entry (`tallyKey`): `depts.<deptId>` of the counters document of its region and month. */
  counterId: string
  region: string
  deptId: string
  month: string
  figure: string
  kept: number
  recounted: number
}

/**
 * Every figure where the kept counters and the recount disagree. `skip` names figures not
 * compared (e.g. `capRefusals`: a refusal leaves no record to recount). A counters
 * entry missing for a recounted key compares as all zeros, and vice versa.
 */
export function diffTallies(kept: Tally, recounted: Tally, skip: readonly string[] = []): FigureDifference[] {
  const out: FigureDifference[] = []
  const ids = [...new Set([...kept.keys(), ...recounted.keys()])].sort()
  for (const id of ids) {
    const k = kept.get(id)
    const r = recounted.get(id)
    const kf = flattenFigures(k?.figures ?? zeroFigures())
    const rf = flattenFigures(r?.figures ?? zeroFigures())
    for (const figure of Object.keys(kf)) {
      if (skip.some((s) => figure === s || figure.startsWith(s + '.'))) continue
      if (kf[figure] !== rf[figure])
        out.push({ counterId: id, region: (k ?? r)!.region, deptId: (k ?? r)!.deptId, month: (k ?? r)!.month, figure, kept: kf[figure], recounted: rf[figure] })
    }
  }
  return out
}
