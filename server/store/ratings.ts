import type { Rating } from '@contract'

/**
 * Ratings 好差评 (`ratings/<inspectionId>`: one per inspection, SPEC §2.9). Who rated is
 * kept only as `raterKey`, a keyed hash (domain/pseudonyms): departments see aggregates
 * (the counters), never a rating, and nobody reading the database sees who rated.
 */

export const RATINGS = 'ratings'

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
