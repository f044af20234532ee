import type { DeptFigures } from '@contract'
import type { DocData, Transaction } from '../platform/db'
import { cityOf } from '../domain/scope'
import { zeroFigures } from '../domain/dept-figures'
import { isDatabase, readDoc, type Writer } from './docs'

/**
 * Per-department-per-month figures (ARCHITECTURE rule 6): `counters/<deptId>_<YYYY-MM>`,
 * kept by the writes that change them, so the dashboard reads one document per
 * department and month whatever the number of inspections.
 *
 * Which month a figure belongs to: the month of the record it is about (an inspection's
 * check-in month for inspections, exceptions, results, overdue; a rating's month; a
 * complaint's month of receipt; a ledger entry's date). Decrements go to the same month
 * as the increment they undo, so a figure never goes negative.
 */

export interface CounterKey {
  deptId: string
  /** The department's region (the dashboard filters by it). */
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
}

export interface CounterRecord extends CounterKey, CounterFigures {
  _id: string
  city: string
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
}

export const COUNTERS = 'counters'

export const counterId = (deptId: string, month: string): string => `${deptId}_${month}`

/** All-zero figures (declared once, in the domain). */
export const emptyFigures = zeroFigures

/**
 * Adds `inc` to the figures of (deptId, month). With a transaction it joins it: reads the
 * document, then sets the full document when missing, else updates the changed figures
 * with their new values (read and write in the same transaction, so no increment is
 * lost). With the database it runs its own small transaction. Zero increments write nothing.
 */
export async function bumpCounters(w: Writer, key: CounterKey, inc: CounterIncrements): Promise<void> {
  const flat = flatIncrements(inc)
  if (flat.length === 0) return
  if (isDatabase(w)) await w.runTransaction((tx) => bumpInTx(tx, key, flat))
  else await bumpInTx(w, key, flat)
}

async function bumpInTx(tx: Transaction, key: CounterKey, flat: Array<[string[], number]>): Promise<void> {
  const id = counterId(key.deptId, key.month)
  const existing = await readDoc<CounterRecord>(tx, COUNTERS, id)
  const figures = { ...emptyFigures(), ...(existing ? stripKey(existing) : {}) } as unknown as Record<string, unknown>
  for (const k of ['quietExceptions', 'ratings', 'complaints']) figures[k] = { ...(emptyFigures() as unknown as Record<string, object>)[k], ...(figures[k] as object) }
  const data: DocData = {}
  for (const [path, by] of flat) {
    const value = addAt(figures, path, by)
    setAt(data, path, value)
  }
  if (!existing) {
    await tx.collection(COUNTERS).doc(id).set({ data: { deptId: key.deptId, region: key.region, city: cityOf(key.region), month: key.month, ...figures } })
  } else {
    await tx.collection(COUNTERS).doc(id).update({ data })
  }
}

function stripKey(record: CounterRecord): Partial<CounterFigures> {
  const { _id, deptId: _d, region: _r, city: _c, month: _m, updatedAt: _u, ...figures } = record
  return figures
}

/** The figures of one counters document in the contract's shape (average, not sum). */
export function toDeptFigures(record: CounterFigures | null): DeptFigures {
  const f = { ...emptyFigures(), ...(record ?? {}) }
  return {
    inspections: f.inspections,
    quietExceptions: { ...f.quietExceptions },
    overdue: f.overdue,
    ratings: { count: f.ratings.count, avg: f.ratings.count > 0 ? f.ratings.sum / f.ratings.count : null, bad: f.ratings.bad },
    complaints: { open: f.complaints.open, overdue: f.complaints.overdue },
    unscanned: f.unscanned,
    repeated: f.repeated,
    capRefusals: f.capRefusals,
  }
}

function flatIncrements(inc: CounterIncrements): Array<[string[], number]> {
  const out: Array<[string[], number]> = []
  for (const [k, v] of Object.entries(inc)) {
    if (typeof v === 'number') {
      if (v !== 0) out.push([[k], v])
    } else if (v && typeof v === 'object') {
      for (const [k2, v2] of Object.entries(v as Record<string, number | undefined>)) if (typeof v2 === 'number' && v2 !== 0) out.push([[k, k2], v2])
    }
  }
  return out
}

function addAt(obj: Record<string, unknown>, path: string[], by: number): number {
  let cur = obj
  for (const seg of path.slice(0, -1)) cur = cur[seg] as Record<string, unknown>
  const last = path[path.length - 1]
  const value = ((cur[last] as number) ?? 0) + by
  cur[last] = value
  return value
}

function setAt(obj: Record<string, unknown>, path: string[], value: unknown): void {
  let cur = obj
  for (const seg of path.slice(0, -1)) cur = (cur[seg] ??= {}) as Record<string, unknown>
  cur[path[path.length - 1]] = value
}
