import type { Output, ServiceVisit } from '@contract'
import type { ServiceVisitRecord } from '../domain/inspection-records'
import { ratingStateView, visitHead } from './inspection'

type CompanyServiceVisit = Output<'enterprise', 'serviceVisits'>['items'][number]

/** A stored service visit → the officer's answer; the score only with `score` (rule 9). */
export function toServiceVisitView(r: ServiceVisitRecord, opts: { score?: boolean } = {}): ServiceVisit {
  return {
    ...visitHead(r),
    at: r.at,
    date: r.date,
    purpose: r.purpose,
    ...(r.note ? { note: r.note } : {}),
    distanceM: r.distanceM,
    flags: [...r.flags],
    rating: ratingStateView(r.rating, opts.score),
  }
}

/** A stored service visit → what the visited company sees: no distance or flags (those are for supervisors), with its own score and until when it can rate. */
export function toCompanyServiceVisitView(r: ServiceVisitRecord, rating: { now: number; rateUntil: number }): CompanyServiceVisit {
  const { officerIds: _ids, region: _region, ...head } = visitHead(r)
  return {
    ...head,
    at: r.at,
    date: r.date,
    purpose: r.purpose,
    ...(r.note ? { note: r.note } : {}),
    rating: { ...r.rating, canRate: r.rating.state !== 'rated' && rating.now <= rating.rateUntil, rateUntil: rating.rateUntil },
  }
}
