import { AlertKind } from '@contract'
import type { Database, DocData } from '../platform/db'
import { cityOf } from '../domain/scope'
import { incrementDoc, type Increments } from './docs'
import { readAllPages } from './paging'

/**
 * What is open now, per region (ARCHITECTURE rule 6: the dashboard reads kept figures, it
 * never counts records): one document per county, whatever the month the things began.
 *
 *   openNow/<region> = { region, city, depts: { <deptId>: { overdue, pendingExceptions } }, alerts: { <kind>: n } }
 *
 * `region` is where the company is (as in the counters). Per department: the red lights
 * (a department's part of an inspection past its deadline without its result) and the
 * special cases waiting for review; they move with the month figures of the same names
 * (store/counters.ts bumpCounters: the overdue job +1, a late result −1, a check-in or
 * back-fill with a special case +1, its review −1), so each is the sum of its month figure
 * over all months. Per kind: the open alerts (`resolved: false`) of the kinds stored as
 * alerts (COUNTED_ALERT_KINDS), moved by `raiseAlert` when it opens one and by
 * `closeAlert`. Every move is an `_.inc` after the commit; the hourly consistency job
 * recounts and repairs them (`recountOpenNow`, jobs/counter-consistency.ts).
 */

export const OPEN_NOW = 'openNow'

/**
 * Kinds whose open alerts are counted here: the red light's and the pending special
 * case's open state lives on the inspection (its `depts` figures above), not the alert.
 */
export const COUNTED_ALERT_KINDS: AlertKind[] = AlertKind.options.filter((k) => k !== 'overdue' && k !== 'pending_exception')

export const isCountedAlert = (kind: AlertKind): boolean => COUNTED_ALERT_KINDS.includes(kind)

export interface OpenDeptFigures {
  overdue: number
  pendingExceptions: number
}

export interface OpenNowRecord {
  _id: string
  region: string
  city: string
  /** deptId → figures; an entry or figure may be absent (zero). */
  depts: Record<string, Partial<OpenDeptFigures>>
  /** kind → open alerts; absent = zero. */
  alerts: Partial<Record<AlertKind, number>>
  updatedAt?: number
}

/** What to add (negative to take away). */
export interface OpenNowIncrements {
  deptId?: string
  overdue?: number
  pendingExceptions?: number
  alerts?: Partial<Record<AlertKind, number>>
}

export const newOpenNowDoc = (region: string): Omit<OpenNowRecord, '_id'> => ({ region, city: cityOf(region), depts: {}, alerts: {} })

/** Adds to the region's open-now figures: one `update` with `_.inc`, no read (store/docs.ts incrementDoc). */
export async function bumpOpenNow(db: Database, region: string, inc: OpenNowIncrements): Promise<void> {
  const paths: Increments = []
  if (inc.deptId) {
    if (inc.overdue) paths.push([['depts', inc.deptId, 'overdue'], inc.overdue])
    if (inc.pendingExceptions) paths.push([['depts', inc.deptId, 'pendingExceptions'], inc.pendingExceptions])
  }
  for (const [kind, by] of Object.entries(inc.alerts ?? {})) if (by) paths.push([['alerts', kind], by])
  await incrementDoc(db, OPEN_NOW, region, paths, () => newOpenNowDoc(region))
}

/** The open-now documents of a scope (`{ region }` or `{ city }`): one page (a city has ≈ 20 counties). */
export const readOpenNow = (db: Database, scopeWhere: DocData): Promise<OpenNowRecord[]> => readAllPages<OpenNowRecord>(db, OPEN_NOW, scopeWhere)

/** The red lights open now in those documents: every department's, or one department's wherever its visits were. */
export function openOverdue(docs: OpenNowRecord[], deptId?: string): number {
  return sumDepts(docs, 'overdue', deptId)
}

/** The special cases waiting for review in those documents. */
export const openPendingExceptions = (docs: OpenNowRecord[]): number => sumDepts(docs, 'pendingExceptions')

/** Open alerts by counted kind (zeros included) in those documents. */
export function openAlertsByKind(docs: OpenNowRecord[]): Record<string, number> {
  const out: Record<string, number> = Object.fromEntries(COUNTED_ALERT_KINDS.map((k) => [k, 0]))
  for (const d of docs) for (const k of COUNTED_ALERT_KINDS) out[k] += d.alerts?.[k] ?? 0
  return out
}

function sumDepts(docs: OpenNowRecord[], figure: keyof OpenDeptFigures, deptId?: string): number {
  let n = 0
  for (const d of docs) for (const [id, f] of Object.entries(d.depts ?? {})) if (deptId === undefined || id === deptId) n += f?.[figure] ?? 0
  return n
}
