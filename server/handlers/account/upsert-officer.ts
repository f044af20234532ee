import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { newId } from '../../platform/ids'
import type { Ctx } from '../../platform/context'
import type { DepartmentRecord, OfficerRecord } from '../../domain/records'
import { issueCode, usableCodeIds } from '../../store/bind-codes'
import { boundUser } from '../../access/caller'
import { certExpiryInstant } from '../../domain/cert-expiry'
import { rewriteOfficerSnapshot } from '../../store/officer-snapshot'
import { toOfficerView } from '../../views/account'
import { findOne, readDoc, readOrFail, setDoc } from '../../store/docs'

/**
 * Creates an officer (answering their bind code once) or corrects one. Correcting an
 * officer no WeChat user is bound to yet, who has no usable code left (a seeded officer,
 * or one whose code expired, was voided or used up), issues a fresh single-use code; a
 * still-usable code is kept, so a correction never voids the code just handed out. A
 * bound officer gets bindCode null. A department admin manages only their own
 * department's officers, and cannot move an officer out of it. Certificate numbers are unique.
 */
export const upsertOfficer = action('account', 'upsertOfficer', {
  access: ['admin', 'deptAdmin'],
  async handle(input, ctx) {
    const isAdmin = boundUser(ctx).roles.includes('admin')
    refuseOtherDepartment(ctx, isAdmin, input.deptId)
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', input.deptId)
    if (!dept) fail('NOT_FOUND', '没有找到该执法单位')
    const sameCert = await findOne<OfficerRecord>(ctx.db, 'officers', { certNo: input.certNo })
    if (sameCert && sameCert._id !== input.id)
      fail('CONFLICT', `执法证号 ${input.certNo} 已登记给「${sameCert.name}」`, { field: 'certNo', officerId: sameCert._id })
    const certExpiresAt = certExpiryInstant(input.certExpiresAt, ctx.settings.timezone)
    const usableCodes = input.id ? await usableCodeIds(ctx, input.id) : []

    const { officer, bindCode } = await ctx.db.runTransaction(async (tx) => {
      const existing = input.id ? await readOrFail<OfficerRecord>(tx, 'officers', input.id, '没有找到该执法人员') : null
      if (existing) refuseOtherDepartment(ctx, isAdmin, existing.deptId)
      const record: OfficerRecord = {
        _id: existing?._id ?? newId('off'),
        deptId: input.deptId,
        name: input.name,
        certNo: input.certNo,
        certExpiresAt,
        certStatus: existing?.certStatus ?? 'valid',
        ...(existing?.certStatusReason ? { certStatusReason: existing.certStatusReason } : {}),
        ...(existing?.userId ? { userId: existing.userId } : {}),
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }
      await setDoc(tx, 'officers', record)
      // A bound officer's user follows: the copy of the certificate and department the gate
      // reads (rewritten whole on every correction), a change of name, and the department
      // when the user's mirrors the officer's (a department admin of another one keeps theirs).
      await rewriteOfficerSnapshot(ctx, tx, record, (user) => ({
        ...(existing && existing.name !== record.name ? { name: record.name } : {}),
        ...(existing && existing.deptId !== record.deptId && (!user.deptId || user.deptId === existing.deptId) ? { deptId: record.deptId } : {}),
      }))
      const needsCode = !existing || (!existing.userId && usableCodes.length === 0)
      const code = needsCode ? await issueCode(ctx, tx, 'officer', record._id) : null
      await audit(
        ctx,
        {
          action: 'account.upsertOfficer',
          target: `officers/${record._id}`,
          details: { created: !existing, deptId: record.deptId, certNo: record.certNo, certExpiresAt, bindCodeIssued: code !== null },
        },
        tx,
      )
      return { officer: record, bindCode: code }
    })
    return { officer: toOfficerView(officer), bindCode }
  },
})

function refuseOtherDepartment(ctx: Ctx, isAdmin: boolean, deptId: string): void {
  if (!isAdmin && boundUser(ctx).deptId !== deptId) fail('FORBIDDEN', '执法单位管理员只能管理本单位的执法人员')
}
