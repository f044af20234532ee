import type { Complaint, ComplaintCategory, ComplaintStatus } from '@contract'
import { isComplaintOverdue } from '../domain/complaints'
import type { Database } from '../platform/db'
import type { InspectionRecord } from '../domain/inspection-records'
import type { CounterKey } from './counters'
import { readByIds } from './paging'

/**
 * Complaints 投诉举报 (`complaints/<id>`, SPEC §2.10). Who complained is never stored in
 * the clear when anonymous: `ownerKey` (a keyed hash of the user id) lets the complainant
 * list their own, `notifyTo` (their openid, sealed) lets the functions tell them about
 * progress. `complainantName` is kept only for a named complaint. Only supervisors read
 * complaints (supervision.complaints); the complainant reads their own
 * (enterprise.complaints); no department- or officer-facing answer includes them.
 */

export const COMPLAINTS = 'complaints'

export interface ComplaintEventRecord {
  at: number
  action: 'received' | 'accept' | 'reply' | 'close'
  text: string
}

export interface ComplaintRecord {
  _id: string
  companyId: string
  companyName: string
  /** The company's region (county): supervisors' scope. */
  region: string
  city: string
  inspectionId?: string
  /** The complained-about department, when the complaint is about an inspection. */
  deptId?: string
  deptName?: string
  category: ComplaintCategory
  content: string
  anonymous: boolean
  complainantName?: string
  ownerKey: string
  /** The complainant's openid, sealed (see domain/pseudonyms); absent when unknown. */
  notifyTo?: string
  status: ComplaintStatus
  receivedAt: number
  dueAt: number
  overdue: boolean
  overdueAt?: number
  closedAt?: number
  timeline: ComplaintEventRecord[]
  /** The China date of the inspection complained about. */
  inspectionDate?: string
  /** A call-back number, only on a named complaint. */
  phone?: string
  replyRating?: { satisfied: boolean; comment?: string; at: number }
  /**
   * The counters document this complaint is counted in (the department's entry where the company is, month of
   * receipt). Absent for a general complaint: it names no department, so it is kept out of
   * the per-department figures (supervisors see it in their complaint list).
   */
  counterKey?: CounterKey
  /** The supervisor who accepted it (only they move it on). */
  assignee?: { id: string; name: string }
  createdAt: number
  updatedAt: number
}

export const OPEN_STATUSES: ComplaintStatus[] = ['received', 'accepted', 'replied']

/**
 * The answer shape. `audience` decides what of the person shows: the complainant sees
 * their own name; a supervisor sees it only when the complaint is not anonymous. Keys,
 * sealed openids and counter keys never leave the server. `overdue` is also true for an
 * open complaint past due that the scheduler has not marked yet.
 */
export function toComplaintView(c: ComplaintRecord, now: number, audience: 'owner' | 'supervisor'): Complaint & { deptName?: string } {
  const showName = c.complainantName !== undefined && (audience === 'owner' || !c.anonymous)
  return {
    id: c._id,
    companyId: c.companyId,
    companyName: c.companyName,
    region: c.region,
    ...(c.inspectionId ? { inspectionId: c.inspectionId } : {}),
    ...(c.deptId ? { deptId: c.deptId } : {}),
    ...(c.deptName ? { deptName: c.deptName } : {}),
    category: c.category,
    content: c.content,
    anonymous: c.anonymous,
    ...(showName ? { complainantName: c.complainantName } : {}),
    status: c.status,
    receivedAt: c.receivedAt,
    dueAt: c.dueAt,
    overdue: c.overdue || isComplaintOverdue(c, now),
    timeline: c.timeline.map((e) => ({ at: e.at, action: e.action, text: e.text })),
    ...(c.inspectionDate ? { inspectionDate: c.inspectionDate } : {}),
    ...(c.phone && !c.anonymous ? { phone: c.phone } : {}),
    ...(c.replyRating ? { replyRating: { ...c.replyRating } } : {}),
    ...(audience === 'supervisor' && c.assignee ? { assignee: { ...c.assignee } } : {}),
  }
}

/**
 * Supervisors' complaints with the visit each is about (company, department, date,
 * officers) instead of an id: one read of the inspections they name.
 */
export async function withVisits<T extends { inspectionId?: string }>(
  db: Database,
  complaints: T[],
): Promise<Array<T & { visit?: { companyName: string; deptName: string; date: string; officerNames: string[] } }>> {
  const ids = complaints.map((c) => c.inspectionId).filter((id): id is string => !!id)
  if (ids.length === 0) return complaints
  const visits = new Map((await readByIds<InspectionRecord>(db, 'inspections', ids)).map((r) => [r._id, r]))
  return complaints.map((c) => {
    const r = c.inspectionId ? visits.get(c.inspectionId) : undefined
    return r ? { ...c, visit: { companyName: r.companyName, deptName: r.deptName, date: r.date, officerNames: [...r.officerNames] } } : c
  })
}
