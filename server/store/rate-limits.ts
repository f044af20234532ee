import type { Ctx } from '../platform/context'
import { fail } from '../platform/errors'
import { readDoc } from './docs'

/**
 * Rate limits per caller and clock hour, in `rateLimits/<kind>_<who>_<hour>` (the hourly
 * clean-up drops expired buckets by `expiresAt`). Every bucket is read and bumped in one
 * transaction, so concurrent calls never lose a count.
 * - `lookup`: every token look-up (verifyOfficer, inspectionForRating, rate) counts, good or
 *   bad, so tokens cannot be tried in bulk (`settings.limits.tokenLookupsPerHour`).
 * - `bind`: failed bind attempts, so an 8-character code cannot be guessed
 *   (`settings.limits.bindAttemptsPerHour`).
 */

const HOUR_MS = 3_600_000
const RATE_LIMITS = 'rateLimits'

type BucketKind = 'lookup' | 'bind'
interface Bucket {
  _id: string
  count: number
}

const bucketOf = (ctx: Ctx, kind: BucketKind) => {
  const hour = Math.floor(ctx.now / HOUR_MS)
  const who = ctx.caller.user?._id ?? ctx.caller.openid
  return { id: `${kind}_${who}_${hour}`, expiresAt: (hour + 1) * HOUR_MS }
}

/** Adds one to the caller's bucket unless it already holds `limit`; answers whether it was added. */
async function take(ctx: Ctx, kind: BucketKind, limit: number): Promise<boolean> {
  const { id, expiresAt } = bucketOf(ctx, kind)
  return ctx.db.runTransaction(async (tx) => {
    const bucket = await readDoc<Bucket>(tx, RATE_LIMITS, id)
    const count = bucket?.count ?? 0
    if (count >= limit) return false
    if (bucket)
      await tx
        .collection(RATE_LIMITS)
        .doc(id)
        .update({ data: { count: count + 1 } })
    else
      await tx
        .collection(RATE_LIMITS)
        .doc(id)
        .set({ data: { kind, count: 1, expiresAt } })
    return true
  })
}

/** Counts a token look-up; RATE_LIMITED past the hourly limit. */
export async function countTokenLookup(ctx: Ctx): Promise<void> {
  const limit = ctx.settings.limits.tokenLookupsPerHour
  if (!(await take(ctx, 'lookup', limit))) fail('RATE_LIMITED', `查询次数过多（每小时 ${limit} 次），请一小时后再试`)
}

/** RATE_LIMITED when the caller has used up this hour's failed bind attempts. */
export async function refuseIfTooManyBindFailures(ctx: Ctx): Promise<void> {
  const bucket = await readDoc<Bucket>(ctx.db, RATE_LIMITS, bucketOf(ctx, 'bind').id)
  if (bucket && bucket.count >= ctx.settings.limits.bindAttemptsPerHour) fail('RATE_LIMITED', '绑定尝试次数过多，请一小时后再试')
}

/** Counts a failed bind attempt (never refused here: the next attempt is). */
export async function countBindFailure(ctx: Ctx): Promise<void> {
  await take(ctx, 'bind', Number.MAX_SAFE_INTEGER)
}
