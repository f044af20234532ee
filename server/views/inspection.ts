import type { Inspection, InspectionResult, Plan } from '@contract'
import { departmentsOf, resultOf } from '../domain/joint'
import type { InspectionRecord, PlanRecord } from '../domain/inspection-records'
import { effectiveStatus } from '../domain/result-deadline'

/** Stored plans and inspections → the shapes answers carry. */

export function toPlanView(p: PlanRecord): Plan {
  return {
    id: p._id,
    deptId: p.deptId,
    region: p.region,
    title: p.title,
    kind: p.kind,
    items: [...p.items],
    basis: p.basis,
    companyIds: [...p.companyIds],
    from: p.from,
    to: p.to,
    status: p.status,
    submittedBy: p.submittedBy,
    submittedAt: p.submittedAt,
    ...(p.review ? { review: { ...p.review } } : {}),
  }
}

/** The people and places a visit (an inspection or a service visit) shows alike. */
export interface VisitHeadRecord {
  _id: string
  companyId: string
  companyName: string
  deptId: string
  deptName: string
  region: string
  officerIds: string[]
  officerNames: string[]
}

export function visitHead(r: VisitHeadRecord) {
  return {
    id: r._id,
    companyId: r.companyId,
    companyName: r.companyName,
    deptId: r.deptId,
    deptName: r.deptName,
    region: r.region,
    officerIds: [...r.officerIds],
    officerNames: [...r.officerNames],
  }
}

/** A visit's rating state; the score only when `score` (the rated company, supervisors): departments see aggregates (rule 9). */
export const ratingStateView = <S extends string>(rating: { state: S; score?: number }, score = false): { state: S; score?: number } =>
  score || rating.score === undefined ? { ...rating } : { state: rating.state }

/**
 * `now` turns an open inspection past its deadline into `overdue` on read (the scheduler may
 * not have run yet). The rating's score is shown only to the rated company (`score: true`):
 * departments see ratings only as aggregates (SPEC rule 9), supervisors in the rating itself.
 */
export function toInspectionView(r: InspectionRecord, now: number, opts: { score?: boolean } = {}): Inspection {
  return {
    ...visitHead(r),
    source: r.source,
    ...(r.sourceRef ? { sourceRef: r.sourceRef } : {}),
    ...(r.planId ? { planId: r.planId } : {}),
    ...(r.exception ? { exception: { ...r.exception } } : {}),
    deptIds: departmentsOf(r),
    joint: !!r.joint,
    ...(r.joins?.length ? { joins: r.joins.map(({ deptRegion: _r, planKind: _k, ...j }) => ({ ...j, flags: [...j.flags] })) } : {}),
    results: departmentsOf(r).flatMap((deptId) => {
      const res = resultOf<InspectionResult>(r, deptId)
      return res ? [{ ...res, deptId }] : []
    }),
    ...(r.backfill
      ? {
          backfill: {
            reason: r.backfill.reason,
            recordedAt: r.backfill.recordedAt,
            review: r.backfill.review,
            ...(r.backfill.reviewComment ? { reviewComment: r.backfill.reviewComment } : {}),
            ...(r.backfill.reviewedAt ? { reviewedAt: r.backfill.reviewedAt } : {}),
          },
        }
      : {}),
    ...(r.withdrawal ? { withdrawal: { ...r.withdrawal } } : {}),
    capCounted: r.capCounted,
    checkInAt: r.checkInAt,
    date: r.date,
    month: r.month,
    ...(r.location ? { location: { ...r.location } } : {}),
    ...(r.distanceM !== undefined ? { distanceM: r.distanceM } : {}),
    flags: [...r.flags],
    status: effectiveStatus(r, now),
    dueAt: r.dueAt,
    ...(r.result ? { result: { ...r.result } } : {}),
    rating: ratingStateView(r.rating, opts.score),
  }
}
