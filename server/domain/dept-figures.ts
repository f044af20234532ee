import type { DeptFigures, HiddenFigure } from '@contract'
import type { CounterFigures } from '../store/counters'

/**
 * What a viewer of the dashboard and the monthly 通报 sees of the kept figures
 * (SPEC §2.9, §2.10, §3 dashboard). Plain functions of the counters and the settings.
 */

export type FiguresViewer = 'supervisor' | 'deptAdmin'

export type { HiddenFigure }

/** All-zero figures (a department with no counters entry this month). */
export function zeroFigures(): CounterFigures {
  return {
    inspections: 0,
    quietExceptions: { pending: 0, justified: 0, unjustified: 0 },
    overdue: 0,
    results: 0,
    ratings: { count: 0, sum: 0, bad: 0 },
    complaints: { received: 0, open: 0, overdue: 0 },
    unscanned: 0,
    repeated: 0,
    capRefusals: 0,
    noPenalty: 0,
    backfills: 0,
    withdrawn: 0,
    serviceVisits: 0,
    serviceRatings: { count: 0, sum: 0, bad: 0 },
  }
}

/** A figure's place in the figures: `inspections`, or `ratings` + `sum`. */
type FigurePath = readonly [string] | readonly [string, string]

/** Every figure's path, in the order of `zeroFigures`. */
const FIGURE_PATHS: FigurePath[] = Object.entries(zeroFigures()).flatMap(([k, v]): FigurePath[] =>
  typeof v === 'number' ? [[k]] : Object.keys(v as object).map((sub): FigurePath => [k, sub]),
)

/** The number at `path` of (possibly partial) figures; undefined when absent. */
function figureAt(f: Partial<CounterFigures> | null | undefined, path: FigurePath): number | undefined {
  const top = (f as Record<string, unknown> | null | undefined)?.[path[0]]
  const v = path.length === 1 ? top : (top as Record<string, unknown> | undefined)?.[path[1]]
  return typeof v === 'number' ? v : undefined
}

/** The figures' shape: each top-level figure, with its sub-figures when it has any (hot path: no per-figure closures or spreads). */
const SHAPE: Array<readonly [string, readonly string[] | null]> = Object.entries(zeroFigures()).map(
  ([k, v]) => [k, typeof v === 'number' ? null : Object.keys(v as object)] as const,
)

type Loose = Record<string, unknown> | null | undefined
const num = (v: unknown): number => (typeof v === 'number' ? v : 0)

/** Figures whose every figure is `a`'s plus `b`'s (missing = 0); `b` absent: `a`'s alone. */
function combined(a: Loose, b: Loose): CounterFigures {
  const out: Record<string, unknown> = {}
  for (const [k, subs] of SHAPE) {
    const x = a?.[k]
    const y = b?.[k]
    if (subs === null) {
      out[k] = num(x) + num(y)
      continue
    }
    const o: Record<string, number> = {}
    for (const sub of subs) o[sub] = num((x as Loose)?.[sub]) + num((y as Loose)?.[sub])
    out[k] = o
  }
  return out as unknown as CounterFigures
}

/** Adds `entry`'s figures (a stored, possibly partial entry) into `into`, in place: the sums over many documents allocate nothing per entry. */
export function addInto(into: CounterFigures, entry: Partial<CounterFigures> | null | undefined): CounterFigures {
  const target = into as unknown as Record<string, unknown>
  const from = entry as Loose
  if (!from) return into
  for (const [k, subs] of SHAPE) {
    const y = from[k]
    if (y === undefined) continue
    if (subs === null) target[k] = (target[k] as number) + num(y)
    else {
      const o = target[k] as Record<string, number>
      for (const sub of subs) o[sub] += num((y as Loose)?.[sub])
    }
  }
  return into
}

/** A department's stored counters entry, with any figure it lacks as 0 (a partial or missing entry). */
export const figuresOf = (doc: Partial<CounterFigures> | null | undefined): CounterFigures => combined(doc as Loose, null)

/** Figure by figure sum (the month's totals, a trend point). */
export const addFigures = (a: CounterFigures, b: CounterFigures): CounterFigures => combined(a as unknown as Loose, b as unknown as Loose)

export const sumFigures = (list: CounterFigures[]): CounterFigures => list.reduce(addFigures, zeroFigures())

/** The average score, two decimals; null below the aggregate threshold (SPEC §2.9: at least 5 ratings). */
export function ratingAverage(ratings: { count: number; sum: number }, minCountForAggregate: number): number | null {
  if (ratings.count === 0 || ratings.count < minCountForAggregate) return null
  return Math.round((ratings.sum / ratings.count) * 100) / 100
}

/**
 * Kept figures → the contract's DeptFigures for a viewer. Everyone gets `avg: null` below
 * the threshold. A department admin additionally never sees complaint figures (only
 * supervisors see anything of complaints, SPEC §2.10) nor, below the threshold, the bad
 * count (with one or two ratings it would tell which company rated badly); withheld
 * figures read 0 (null for the average) and are named in `hidden`, which pages show as withheld.
 */
export function presentFigures(f: CounterFigures, viewer: FiguresViewer, minCountForAggregate: number): DeptFigures {
  const below = (kind: 'ratings' | 'serviceRatings') => f[kind].count < minCountForAggregate
  const hidden: HiddenFigure[] = []
  if (below('ratings') && f.ratings.count > 0) hidden.push('ratings.avg')
  if (viewer === 'deptAdmin') {
    hidden.push('complaints')
    if (below('ratings')) hidden.push('ratings.bad')
  }
  // Service visits' ratings (rule 19) are withheld by the same rule as the inspections' (none: nothing to withhold).
  if (below('serviceRatings') && f.serviceRatings.count > 0) {
    hidden.push('serviceRatings.avg')
    if (viewer === 'deptAdmin') hidden.push('serviceRatings.bad')
  }
  return {
    inspections: f.inspections,
    quietExceptions: { ...f.quietExceptions },
    overdue: f.overdue,
    ratings: {
      count: f.ratings.count,
      avg: ratingAverage(f.ratings, minCountForAggregate),
      bad: hidden.includes('ratings.bad') ? 0 : f.ratings.bad,
    },
    complaints: hidden.includes('complaints') ? { open: 0, overdue: 0 } : { open: f.complaints.open, overdue: f.complaints.overdue },
    unscanned: f.unscanned,
    repeated: f.repeated,
    capRefusals: f.capRefusals,
    noPenalty: f.noPenalty,
    backfills: f.backfills,
    withdrawn: f.withdrawn,
    serviceVisits: f.serviceVisits,
    serviceRatings: {
      count: f.serviceRatings.count,
      avg: ratingAverage(f.serviceRatings, minCountForAggregate),
      bad: hidden.includes('serviceRatings.bad') ? 0 : f.serviceRatings.bad,
    },
    ...(hidden.length ? { hidden } : {}),
  }
}

/** The `n` months ending at `month` (inclusive), oldest first: ('2026-02', 3) → 2025-12, 2026-01, 2026-02. */
export function monthsEnding(month: string, n: number): string[] {
  const [y, m] = month.split('-').map(Number)
  const out: string[] = []
  for (let i = n - 1; i >= 0; i--) {
    const index = y * 12 + (m - 1) - i
    out.push(`${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`)
  }
  return out
}

/** The month after `month`: '2026-12' → '2027-01'. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number)
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`
}

/** The figures as flat `path → value` pairs, e.g. `ratings.sum` (for comparing two sets figure by figure). */
export function flattenFigures(f: CounterFigures): Record<string, number> {
  return Object.fromEntries(FIGURE_PATHS.map((p) => [p.join('.'), figureAt(f, p)!]))
}
