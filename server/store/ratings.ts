import type { Rating, ServiceRating, Settings } from '@contract'
import { ruleWords } from '@rule-words'
import type { Ctx } from '../platform/context'
import type { Database } from '../platform/db'
import type { InspectionRecord } from '../domain/inspection-records'
import { isBadRating, ratedDepartments, SCORE_LABELS } from '../domain/ratings'
import { alertIdFor, raiseAlert } from './alerts'
import { bumpCounters } from './counters'
import type { Writer } from './docs'

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
  /** The leading department. */
  deptId: string
  /** Every department of the visit, `deptId` first (rule 14; absent on a one-department visit's older ratings: `[deptId]`). */
  deptIds?: string[]
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

/** `serviceRatings/<visitId>`: a service visit's rating, kept like an inspection's (one department). */
export interface ServiceRatingRecord extends Omit<RatingRecord, 'inspectionId' | 'deptIds' | 'tokenId' | 'fromList'> {
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
    ...(r.deptIds ? { deptIds: [...r.deptIds] } : {}),
    region: r.region,
    month: r.month,
    score: r.score,
    tags: [...r.tags],
    ...(r.comment ? { comment: r.comment } : {}),
    ratedAt: r.ratedAt,
    ...(r.followUpDueAt !== undefined ? { followUpDueAt: r.followUpDueAt } : {}),
  }
}

/**
 * Books a committed rating in the figures of each department of the visit (its month,
 * where the company is): the company rated the one visit several departments made, so
 * each counts it (rule 14). After the commit: the counters are shared (store/counters.ts).
 */
export async function bookRating(db: Database, r: RatingRecord | ServiceRatingRecord, settings: Pick<Settings, 'rating'>): Promise<void> {
  const bad = isBadRating(r.score, settings) ? 1 : 0
  // A service visit's rating (rule 19) is counted apart, as `serviceRatings`.
  const figure = 'visitId' in r ? 'serviceRatings' : 'ratings'
  for (const deptId of ratedDepartments(r)) await bumpCounters(db, { deptId, region: r.region, month: r.month }, { [figure]: { count: 1, sum: r.score, bad } })
}

/** What a bad rating's alert names: the visit as the company saw it. */
export interface RatedVisit extends Pick<InspectionRecord, 'region' | 'deptId' | 'deptName' | 'companyId' | 'companyName' | 'date'> {
  joins?: InspectionRecord['joins']
  /** How the visit reads in the alert: 检查, or 入企服务（政策宣讲）. */
  what: string
}

/**
 * A bad rating's alert (rules 9, 21): one per rating, naming every department of the visit
 * (`deptIds`), so one follow-up answers the company; raised in the rating's transaction.
 * `ref` is the rating (`ratings/<inspectionId>` or `serviceRatings/<visitId>`).
 */
export async function raiseBadRatingAlert(
  tx: Writer,
  ctx: Pick<Ctx, 'now' | 'settings'>,
  visit: RatedVisit,
  r: RatingRecord | ServiceRatingRecord,
  ref: string,
): Promise<void> {
  const deptIds = ratedDepartments(r)
  const names = [visit.deptName, ...(visit.joins ?? []).filter((j) => deptIds.includes(j.deptId)).map((j) => j.deptName)]
  const who = names.length > 1 ? `${names.join('、')} 对 ${visit.companyName} 的联合检查` : `${visit.deptName} 对 ${visit.companyName} 的${visit.what}`
  await raiseAlert(tx, {
    id: alertIdFor('bad_rating', ref),
    kind: 'bad_rating',
    ref,
    at: ctx.now,
    region: visit.region,
    deptId: visit.deptId,
    ...(deptIds.length > 1 ? { deptIds } : {}),
    companyId: visit.companyId,
    ...(r.followUpDueAt !== undefined ? { dueAt: r.followUpDueAt } : {}),
    summary: `${who}（${visit.date}）获差评：${r.score} 分（${SCORE_LABELS[r.score]}），${ruleWords(ctx.settings).badRatingFollowUp}`,
  })
}
