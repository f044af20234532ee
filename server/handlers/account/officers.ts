import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { Ctx } from '../../platform/context'
import type { DepartmentRecord, OfficerRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { boundUser } from '../../access/caller'
import { regionCondition } from '../../store/roster-query'
import { toOfficerView } from '../../views/account'
import { findAll, readDoc } from '../../store/docs'

/** Officers per `_id in [...]` query; well under the cloud's limits on an `in` list. */
const DEPT_IDS_PER_QUERY = 50

/**
 * Officers the caller may manage or supervise: an admin any (one department or all); a
 * department admin only their own department; a supervisor those of departments in
 * their region. Sorted by department, then name. `truncated` says a very large roster
 * was cut at 2,000 (ask per department then).
 */
export const officers = action('account', 'officers', {
  access: ['admin', 'supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const user = boundUser(ctx)
    const list = user.roles.includes('admin')
      ? await findAll<OfficerRecord>(ctx.db, 'officers', input.deptId ? { deptId: input.deptId } : {})
      : user.roles.includes('supervisor')
        ? await supervisedOfficers(ctx, user.region, input.deptId)
        : await ownDepartmentOfficers(ctx, user.deptId, input.deptId)
    list.items.sort((a, b) => a.deptId.localeCompare(b.deptId) || a.name.localeCompare(b.name, 'zh-CN'))
    return { items: list.items.map(toOfficerView), ...(list.truncated ? { truncated: true } : {}) }
  },
})

async function ownDepartmentOfficers(ctx: Ctx, ownDeptId: string | undefined, deptId: string | undefined) {
  if (!ownDeptId || (deptId && deptId !== ownDeptId)) fail('FORBIDDEN', '执法单位管理员只能查看本单位的执法人员')
  return findAll<OfficerRecord>(ctx.db, 'officers', { deptId: ownDeptId })
}

async function supervisedOfficers(ctx: Ctx, region: string | undefined, deptId: string | undefined) {
  if (!region) return fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
  if (deptId) {
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', deptId)
    if (!dept || !regionCovers(region, dept.region)) fail('FORBIDDEN', '该执法单位不在您的监督辖区内')
    return findAll<OfficerRecord>(ctx.db, 'officers', { deptId })
  }
  const depts = await findAll<DepartmentRecord>(ctx.db, 'departments', regionCondition(region))
  const ids = depts.items.map((d) => d._id)
  const items: OfficerRecord[] = []
  let truncated = false
  for (let i = 0; i < ids.length; i += DEPT_IDS_PER_QUERY) {
    const chunk = await findAll<OfficerRecord>(ctx.db, 'officers', { deptId: ctx.db.command.in(ids.slice(i, i + DEPT_IDS_PER_QUERY)) })
    items.push(...chunk.items)
    truncated ||= chunk.truncated
  }
  return { items, truncated }
}
