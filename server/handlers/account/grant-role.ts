import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { DepartmentRecord } from '../../domain/records'
import { saveUser } from '../../store/users'
import { toUserView } from '../../views/account'
import { readDoc } from '../../store/docs'

const ROLE_LABEL = { supervisor: '监督人员', deptAdmin: '执法单位管理员', admin: '系统管理员' } as const

/**
 * Gives a WeChat account (by openid) the supervisor, department admin or admin role,
 * creating its user when needed. A supervisor needs a region; a department admin needs
 * an existing department.
 */
export const grantRole = action('account', 'grantRole', {
  access: ['admin'],
  async handle(input, ctx) {
    if (input.role === 'supervisor' && !input.region) {
      fail('INVALID_INPUT', '监督人员须指定辖区 region（市 4 位或县区 6 位代码）', { field: 'region' })
    }
    if (input.role === 'deptAdmin') {
      if (!input.deptId) fail('INVALID_INPUT', '执法单位管理员须指定所属单位 deptId', { field: 'deptId' })
      const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', input.deptId!)
      if (!dept) fail('INVALID_INPUT', '所指定的执法单位不存在', { field: 'deptId' })
    }
    const user = await ctx.db.runTransaction(async (tx) => {
      const saved = await saveUser(
        ctx,
        tx,
        input.openid,
        {
          addRole: input.role,
          name: input.name,
          ...(input.role === 'supervisor' ? { region: input.region } : {}),
          ...(input.role === 'deptAdmin' ? { deptId: input.deptId } : {}),
        },
        ROLE_LABEL[input.role],
      )
      await audit(
        ctx,
        { action: 'account.grantRole', target: `users/${saved._id}`, details: { role: input.role, region: input.region, deptId: input.deptId } },
        tx,
      )
      return saved
    })
    return { user: toUserView(user) }
  },
})
