import type { Rating, ServiceRating } from '@contract'

/**
 * Ratings 好差评 (`ratings/<inspectionId>`: one per inspection, SPEC §2.9; a service
 * visit's in `serviceRatings/<visitId>`, rule 19, counted apart as `serviceRatings`). Who rated is
 * kept only as `raterKey`, a keyed hash (domain/pseudonyms): departments see aggregates
 * (the counters), never a rating, and nobody reading the database sees who rated.
 */

export const RATINGS = 'ratings'
export const SERVICE_RATINGS = 'serviceRatings'

export interface RatingRecord {
  _id: string
  inspectionId: string
  companyId: string
  deptId: string
  /** The company's region (where it happened): supervisors' scope. */
  region: string
  month: string
  score: number
  tags: string[]
  comment?: string
  ratedAt: number
  followUpDueAt?: number
  raterKey: string
  /** The rating code used; absent when rated from the company's list. */
  tokenId?: string
  fromList?: boolean
}

/** `serviceRatings/<visitId>`: a service visit's rating, kept like an inspection's. */
export interface ServiceRatingRecord extends Omit<RatingRecord, 'inspectionId' | 'tokenId' | 'fromList'> {
  visitId: string
}

export function toServiceRatingView(r: ServiceRatingRecord): ServiceRating {
  const { inspectionId: _none, ...common } = toRatingView({ ...r, inspectionId: r.visitId })
  return { ...common, visitId: r.visitId }
}

export function toRatingView(r: RatingRecord): Rating {
  return {
    id: r._id,
    inspectionId: r.inspectionId,
    companyId: r.companyId,
    deptId: r.deptId,
    region: r.region,
    month: r.month,
    score: r.score,
    tags: [...r.tags],
    ...(r.comment ? { comment: r.comment } : {}),
    ratedAt: r.ratedAt,
    ...(r.followUpDueAt !== undefined ? { followUpDueAt: r.followUpDueAt } : {}),
  }
}
