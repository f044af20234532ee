import type { Role } from '@contract'
import type { Ctx, UserRecord } from '../platform/context'
import type { Transaction } from '../platform/db'
import { fail } from '../platform/errors'
import { userIdFor } from '../platform/ids'
import { roleConflict } from '../domain/separation-of-duties'
import { fieldsOf, readDoc } from './docs'

/** Writing `users/<userIdFor(openid)>`: one document per WeChat account, roles accumulate. */

export type UserChanges = Partial<Pick<UserRecord, 'name' | 'deptId' | 'companyId' | 'region' | 'officerId' | 'officer'>> & { addRole: Role }

const ROLE_NAMES: Record<Role, string> = {
  officer: '执法人员',
  enterprise: '企业联系人',
  deptAdmin: '执法单位管理员',
  supervisor: '监督人员',
  admin: '系统管理员',
}

/** SPEC §6 separation of duties: CONFLICT when `adding` may not be held beside one of `held`. */
export function refuseRoleConflict(held: readonly Role[], adding: Role): void {
  const clash = roleConflict(held, adding)
  if (clash) fail('CONFLICT', `该微信账号已是${ROLE_NAMES[clash]}，不能同时担任${ROLE_NAMES[adding]}（监督与执法须分离）`, { held: clash, adding })
}

/** Creates or updates the user of `openid` inside `tx`; answers the stored record. */
export async function saveUser(ctx: Ctx, tx: Transaction, openid: string, changes: UserChanges, defaultName: string): Promise<UserRecord> {
  const id = userIdFor(openid)
  const existing = await readDoc<UserRecord>(tx, 'users', id)
  const { addRole, ...fields } = changes
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined))
  const roles = existing?.roles ?? []
  refuseRoleConflict(roles, addRole)
  const user: UserRecord = {
    _id: id,
    openid,
    name: existing?.name ?? defaultName,
    createdAt: existing?.createdAt ?? ctx.now,
    ...existing,
    ...defined,
    roles: roles.includes(addRole) ? roles : [...roles, addRole],
    updatedAt: ctx.now,
  }
  await tx
    .collection('users')
    .doc(id)
    .set({ data: fieldsOf(user) })
  return user
}
