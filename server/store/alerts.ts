import type { AlertHandling, AlertKind } from '@contract'
import { afterCommit, type Database, type DocData } from '../platform/db'
import { newId } from '../platform/ids'
import { cityOf } from '../domain/scope'
import { fieldsOf, isDatabase, readDoc, type Writer } from './docs'
import { bumpOpenNow, isCountedAlert } from './open-now'

/**
 * Alerts for supervisors (`alerts`): one document per thing that needs a look. `region`
 * is where it happened (the company's county for inspections); `city` lets a city-wide
 * supervisor query by equality. Raise it in the transaction of the write it is about.
 *
 * Status (rule 21): `resolved: false` is open, `true` handled — by a supervisor
 * (`handling`, supervision.handleAlert) or by the record it is about (a reviewed special
 * case). `resolved` stays the stored field the indexes query by; answers say `status`.
 *
 * The open alerts of each kind are kept per region for the dashboard (store/open-now.ts):
 * `raiseAlert` adds one when it opens an alert, `closeAlert` takes it away, each after the
 * commit of the transaction they write in.
 */

export const ALERTS = 'alerts'

export interface AlertInput {
  kind: AlertKind
  /** The record it is about: `inspections/<id>`, `ratings/<id>`, `serviceRatings/<visitId>`, `ledger/<id>`, `complaints/<id>`. */
  ref: string
  at: number
  region: string
  deptId?: string
  /** Every department the alert concerns, `deptId` first (a joint inspection's bad rating). */
  deptIds?: string[]
  companyId?: string
  summary?: string
  /** bad_rating: the follow-up is due by then (the scheduler raises follow_up_overdue after it). */
  dueAt?: number
  /**
   * The caller adds this new alert to its region's open count itself, folded into the
   * figures it bumps after its commit (openInspection: one `update` for both). Only for a
   * new id (never `alertIdFor`).
   */
  countedByCaller?: boolean
  /**
   * A fixed id makes raising idempotent (a retried job overwrites the same alert), e.g.
   * `alertIdFor('overdue', ref)`. Default: a new random id.
   */
  id?: string
}

export interface AlertRecord {
  _id: string
  kind: AlertKind
  ref: string
  at: number
  region: string
  city: string
  deptId?: string
  deptIds?: string[]
  companyId?: string
  summary?: string
  resolved: boolean
  dueAt?: number
  handling?: AlertHandling
  /** unscanned, confirmed: the counters entry its confirmation added to (for the recount). */
  counted?: { deptId: string; region: string; month: string }
}

/** A deterministic alert id for "one alert of this kind per record". */
export const alertIdFor = (kind: AlertKind, ref: string): string => `${kind}_${ref.replace(/[^A-Za-z0-9_-]/g, '_')}`.slice(0, 120)

/**
 * The id of the one alert of `kind` about a department's review case 特殊情形 (rule 14):
 * the leading department's is the inspection's (`alertIdFor(kind, 'inspections/<id>')`), a
 * joined department's is keyed by its place among the joins (short enough for an id). The
 * alert's `ref` stays the inspection.
 */
export function caseAlertId(kind: AlertKind, inspection: { _id: string; joins?: Array<{ deptId: string }> }, c: { lead: boolean; deptId: string }): string {
  if (c.lead) return alertIdFor(kind, `inspections/${inspection._id}`)
  return alertIdFor(kind, `j${(inspection.joins ?? []).findIndex((j) => j.deptId === c.deptId) + 1}/${inspection._id}`)
}

/**
 * Writes the alert (in `tx` when given a transaction) and answers the stored record. With
 * a fixed id it first reads what is there (one more call): only an alert that was absent
 * or handled becomes a newly open one, counted once however often it is raised.
 */
export async function raiseAlert(w: Writer, alert: AlertInput): Promise<AlertRecord> {
  const record: AlertRecord = {
    _id: alert.id ?? newId('al'),
    kind: alert.kind,
    ref: alert.ref,
    at: alert.at,
    region: alert.region,
    city: cityOf(alert.region),
    deptId: alert.deptId,
    ...(alert.deptIds ? { deptIds: [...alert.deptIds] } : {}),
    companyId: alert.companyId,
    summary: alert.summary,
    resolved: false,
    ...(alert.dueAt !== undefined ? { dueAt: alert.dueAt } : {}),
  }
  const counted = isCountedAlert(record.kind) && !alert.countedByCaller
  const before = counted && alert.id !== undefined ? await readDoc<AlertRecord>(w, ALERTS, record._id) : null
  await w
    .collection(ALERTS)
    .doc(record._id)
    .set({ data: fieldsOf(record) })
  if (counted && (!before || before.resolved)) await countOpen(w, record, 1)
  return record
}

/** Marks an open alert handled (`resolved: true` and `data`) and takes it from the open count. */
export async function closeAlert(w: Writer, alert: Pick<AlertRecord, '_id' | 'kind' | 'region'>, data: DocData): Promise<void> {
  await w
    .collection(ALERTS)
    .doc(alert._id)
    .update({ data: { ...data, resolved: true } })
  if (isCountedAlert(alert.kind)) await countOpen(w, alert, -1)
}

/** The region's open count of the kind, moved after the commit (straight away when written outside a transaction). */
async function countOpen(w: Writer, alert: Pick<AlertRecord, 'kind' | 'region'>, by: number): Promise<void> {
  const bump = (db: Database) => bumpOpenNow(db, alert.region, { alerts: { [alert.kind]: by } })
  if (isDatabase(w)) await bump(w)
  else afterCommit(w, bump)
}
