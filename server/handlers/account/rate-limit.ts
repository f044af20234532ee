import type { Ctx } from '../../platform/context'
import { fail } from '../../platform/errors'
import { userIdFor } from '../../platform/ids'
import { getDocOrNull } from './store'

/**
 * Failed bind attempts per openid per clock hour, in `rateLimits/bind_<user id>_<hour>`.
 * Past `settings.limits.bindAttemptsPerHour` failures the caller is refused until the
 * next hour, so an 8-character code cannot be guessed.
 */

const HOUR_MS = 3_600_000

const bucketId = (ctx: Ctx): string => `bind_${userIdFor(ctx.caller.openid)}_${Math.floor(ctx.now / HOUR_MS)}`

export async function refuseIfTooManyBindFailures(ctx: Ctx): Promise<void> {
  const bucket = await getDocOrNull<{ _id: string; count: number }>(ctx.db, 'rateLimits', bucketId(ctx))
  if (bucket && bucket.count >= ctx.settings.limits.bindAttemptsPerHour) {
    fail('RATE_LIMITED', '绑定尝试次数过多，请一小时后再试')
  }
}

export async function countBindFailure(ctx: Ctx): Promise<void> {
  const id = bucketId(ctx)
  const ref = ctx.db.collection('rateLimits').doc(id)
  const existing = await getDocOrNull<{ _id: string; count: number }>(ctx.db, 'rateLimits', id)
  if (existing) await ref.update({ data: { count: ctx.db.command.inc(1) } })
  else await ref.set({ data: { kind: 'bind', count: 1, expiresAt: (Math.floor(ctx.now / HOUR_MS) + 1) * HOUR_MS } })
}
