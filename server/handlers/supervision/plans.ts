import type { DocData } from '../../platform/db'
import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { PlanRecord } from '../../domain/inspection-records'
import { isCityRegion, normalizeRegion } from '../../domain/scope'
import { toPlanView } from '../inspection/views'

/**
 * Plans, newest first (at most 100): a department admin sees their own department's;
 * a supervisor those of departments in their region (optionally one department).
 */
export const plans = action('supervision', 'plans', {
  access: ['deptAdmin', 'supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const where: DocData = {}
    if (user.roles.includes('supervisor')) {
      const region = user.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
      const scope = normalizeRegion(region)
      if (isCityRegion(scope)) where.city = scope
      else where.region = scope
      if (input.deptId) where.deptId = input.deptId
    } else {
      if (!user.deptId) fail('FORBIDDEN', '您的账号未绑定执法单位')
      if (input.deptId && input.deptId !== user.deptId) fail('FORBIDDEN', '只能查看本单位的检查计划')
      where.deptId = user.deptId
    }
    if (input.status) where.status = input.status
    const got = await ctx.db.collection('plans').where(where).orderBy('submittedAt', 'desc').limit(MAX_GET).get()
    return { items: (got.data as unknown as PlanRecord[]).map(toPlanView) }
  },
})
