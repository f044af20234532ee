import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import { fail } from '../platform/errors'
import { isCityRegion, normalizeRegion, regionCovers } from '../domain/scope'
import { readOrFail } from '../store/docs'

/**
 * A supervisor's reach (SPEC §3: "a supervisor whose region is a county sees only that
 * county"). `where` selects records by equality on `city` (a city supervisor) or `region`
 * (a county), the fields every scoped collection keeps.
 */
export interface SupervisorScope {
  /** The region looked at (the supervisor's own, or a county of their city). */
  region: string
  where: DocData
}

export const whereRegion = (region: string): DocData => (isCityRegion(region) ? { city: normalizeRegion(region) } : { region: normalizeRegion(region) })

/**
 * The caller's scope, narrowed to `requested` when given. Asking for a region outside
 * one's own is FORBIDDEN (a county supervisor cannot look at another county or the city).
 */
export function supervisorScope(ctx: Ctx, requested?: string): SupervisorScope {
  const own = ctx.caller.user?.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
  const scope = normalizeRegion(own)
  if (requested === undefined) return { region: scope, where: whereRegion(scope) }
  const target = normalizeRegion(requested)
  if (!regionCovers(scope, target)) fail('FORBIDDEN', '该地区不在您的监督辖区内')
  return { region: target, where: whereRegion(target) }
}

/** Whether a record of `region` is within the caller's supervision scope. */
export function inScope(ctx: Ctx, region: string): boolean {
  const own = ctx.caller.user?.region
  return !!own && regionCovers(own, region)
}

/**
 * A record a supervisor acts on: NOT_FOUND (`missing`) when it does not exist, FORBIDDEN
 * (`outside`) when its region is not within the caller's scope.
 */
export async function readInScope<T extends { _id: string; region: string }>(
  ctx: Ctx,
  collection: string,
  id: string,
  words: { missing: string; outside: string },
): Promise<T> {
  const record = await readOrFail<T>(ctx.db, collection, id, words.missing)
  if (!inScope(ctx, record.region)) fail('FORBIDDEN', words.outside)
  return record
}
