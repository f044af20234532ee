import type { Ctx } from '../../platform/context'
import { fail } from '../../platform/errors'
import { readDoc } from '../../store/docs'

/**
 * Token look-ups (verifyOfficer, inspectionForRating, rate) per caller per clock hour, in
 * `rateLimits/lookup_<user id>_<hour>`. Every look-up counts, good or bad, so tokens
 * cannot be tried in bulk; past `settings.limits.tokenLookupsPerHour` the caller is
 * refused until the next hour. Read and bump in one transaction (no lost counts).
 */

const HOUR_MS = 3_600_000

export async function countTokenLookup(ctx: Ctx): Promise<void> {
  const who = ctx.caller.user?._id ?? ctx.caller.openid
  const hour = Math.floor(ctx.now / HOUR_MS)
  const id = `lookup_${who}_${hour}`
  const limit = ctx.settings.limits.tokenLookupsPerHour
  const allowed = await ctx.db.runTransaction(async (tx) => {
    const bucket = await readDoc<{ _id: string; count: number }>(tx, 'rateLimits', id)
    const count = bucket?.count ?? 0
    if (count >= limit) return false
    if (bucket) await tx.collection('rateLimits').doc(id).update({ data: { count: count + 1 } })
    else await tx.collection('rateLimits').doc(id).set({ data: { kind: 'lookup', count: 1, expiresAt: (hour + 1) * HOUR_MS } })
    return true
  })
  if (!allowed) fail('RATE_LIMITED', `查询次数过多（每小时 ${limit} 次），请一小时后再试`)
}
