import type { Settings } from '@contract'
import { chinaDate, endOfChinaDay } from './china-time'
import { addWorkingDays } from './working-days'

/** Ratings 好差评 (SPEC §2.9): what counts as bad, and when its follow-up is due. */

export const isBadRating = (score: number, settings: Pick<Settings, 'rating'>): boolean => score <= settings.rating.badAtMost

/** The end of the China day `rating.followUpWorkingDays` working days after the rating. */
export function ratingFollowUpDueAt(ratedAt: number, settings: Pick<Settings, 'rating' | 'timezone'> & Partial<Pick<Settings, 'calendar'>>): number {
  return endOfChinaDay(addWorkingDays(chinaDate(ratedAt, settings.timezone), settings.rating.followUpWorkingDays, settings.calendar), settings.timezone)
}

/** The departments a rating counts for: every department of the visit, the leading one first (rule 14). */
export const ratedDepartments = (r: { deptId: string; deptIds?: string[] }): string[] => (r.deptIds?.length ? [...r.deptIds] : [r.deptId])

export const SCORE_LABELS: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '一般', 2: '不满意', 1: '非常不满意' }

/** Whether a rating token is past its expiry at `now` (expiry instant itself still valid). */
export const tokenExpired = (expiresAt: number, now: number): boolean => now > expiresAt
