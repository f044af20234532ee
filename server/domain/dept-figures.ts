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

/** A department's stored counters entry, with any figure it lacks as 0 (a partial or missing entry). */
export function figuresOf(doc: Partial<CounterFigures> | null | undefined): CounterFigures {
  const z = zeroFigures()
  if (!doc) return z
  return {
    inspections: doc.inspections ?? 0,
    quietExceptions: { ...z.quietExceptions, ...(doc.quietExceptions ?? {}) },
    overdue: doc.overdue ?? 0,
    results: doc.results ?? 0,
    ratings: { ...z.ratings, ...(doc.ratings ?? {}) },
    complaints: { ...z.complaints, ...(doc.complaints ?? {}) },
    unscanned: doc.unscanned ?? 0,
    repeated: doc.repeated ?? 0,
    capRefusals: doc.capRefusals ?? 0,
    noPenalty: doc.noPenalty ?? 0,
    backfills: doc.backfills ?? 0,
    withdrawn: doc.withdrawn ?? 0,
    serviceVisits: doc.serviceVisits ?? 0,
    serviceRatings: { ...z.serviceRatings, ...(doc.serviceRatings ?? {}) },
  }
}

/** Figure by figure sum (the month's totals, a trend point). */
export function addFigures(a: CounterFigures, b: CounterFigures): CounterFigures {
  return {
    inspections: a.inspections + b.inspections,
    quietExceptions: {
      pending: a.quietExceptions.pending + b.quietExceptions.pending,
      justified: a.quietExceptions.justified + b.quietExceptions.justified,
      unjustified: a.quietExceptions.unjustified + b.quietExceptions.unjustified,
    },
    overdue: a.overdue + b.overdue,
    results: a.results + b.results,
    ratings: { count: a.ratings.count + b.ratings.count, sum: a.ratings.sum + b.ratings.sum, bad: a.ratings.bad + b.ratings.bad },
    complaints: {
      received: a.complaints.received + b.complaints.received,
      open: a.complaints.open + b.complaints.open,
      overdue: a.complaints.overdue + b.complaints.overdue,
    },
    unscanned: a.unscanned + b.unscanned,
    repeated: a.repeated + b.repeated,
    capRefusals: a.capRefusals + b.capRefusals,
    noPenalty: a.noPenalty + b.noPenalty,
    backfills: a.backfills + b.backfills,
    withdrawn: a.withdrawn + b.withdrawn,
    serviceVisits: a.serviceVisits + b.serviceVisits,
    serviceRatings: {
      count: a.serviceRatings.count + b.serviceRatings.count,
      sum: a.serviceRatings.sum + b.serviceRatings.sum,
      bad: a.serviceRatings.bad + b.serviceRatings.bad,
    },
  }
}

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

/** The figures as flat `path → value` pairs (for comparing two sets figure by figure). */
export function flattenFigures(f: CounterFigures): Record<string, number> {
  return {
    inspections: f.inspections,
    'quietExceptions.pending': f.quietExceptions.pending,
    'quietExceptions.justified': f.quietExceptions.justified,
    'quietExceptions.unjustified': f.quietExceptions.unjustified,
    overdue: f.overdue,
    results: f.results,
    'ratings.count': f.ratings.count,
    'ratings.sum': f.ratings.sum,
    'ratings.bad': f.ratings.bad,
    'complaints.received': f.complaints.received,
    'complaints.open': f.complaints.open,
    'complaints.overdue': f.complaints.overdue,
    unscanned: f.unscanned,
    repeated: f.repeated,
    capRefusals: f.capRefusals,
    noPenalty: f.noPenalty,
    backfills: f.backfills,
    withdrawn: f.withdrawn,
    serviceVisits: f.serviceVisits,
    'serviceRatings.count': f.serviceRatings.count,
    'serviceRatings.sum': f.serviceRatings.sum,
    'serviceRatings.bad': f.serviceRatings.bad,
  }
}
