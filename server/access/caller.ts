import type { Role } from '@contract'
import type { Ctx, UserRecord } from '../platform/context'
import { fail } from '../platform/errors'
import type { DepartmentRecord } from '../domain/records'
import { readDoc } from '../store/docs'

/** What the caller is allowed to see and change, beyond the role check of `access`. */

export const hasRole = (ctx: Ctx, role: Role): boolean => ctx.caller.user?.roles.includes(role) ?? false

/** The bound user; the dispatcher has already refused unbound callers for non-'anyone' actions. */
export function boundUser(ctx: Ctx): UserRecord {
  return ctx.caller.user ?? fail('UNAUTHENTICATED')
}

/** The caller's openid, required to bind. */
export function callerOpenid(ctx: Ctx): string {
  return ctx.caller.openid || fail('UNAUTHENTICATED', '无法识别您的微信身份，请重新进入小程序')
}

/**
 * The region a non-admin roster reader is limited to: a supervisor's own region, a
 * department admin's department's region. null = no limit (admin).
 */
export async function rosterScope(ctx: Ctx): Promise<string | null> {
  const user = boundUser(ctx)
  if (user.roles.includes('admin')) return null
  if (user.roles.includes('supervisor')) return user.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
  if (user.roles.includes('deptAdmin') && user.deptId) {
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', user.deptId)
    if (dept) return dept.region
  }
  return fail('FORBIDDEN')
}
