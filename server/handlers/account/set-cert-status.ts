import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { DepartmentRecord, OfficerRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { boundUser } from '../../access/caller'
import { rewriteOfficerSnapshot } from '../../store/officer-snapshot'
import { toOfficerView } from '../../views/account'
import { readDoc } from '../../store/docs'

/**
 * Suspends, revokes or restores a certificate, with the reason on record. A supervisor
 * may do so only for officers of departments in their region.
 */
export const setCertStatus = action('account', 'setCertStatus', {
  access: ['admin', 'supervisor'],
  async handle(input, ctx) {
    const user = boundUser(ctx)
    const officer = await readDoc<OfficerRecord>(ctx.db, 'officers', input.officerId)
    if (!officer) fail('NOT_FOUND', '没有找到该执法人员')
    // SPEC §6: nobody changes their own certificate's status.
    if (user.officerId === input.officerId || officer!.userId === user._id) fail('FORBIDDEN', '不能更改本人执法证的状态，请由其他管理员或监督人员办理')
    if (!user.roles.includes('admin')) {
      const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', officer!.deptId)
      if (!dept || !user.region || !regionCovers(user.region, dept.region)) fail('FORBIDDEN', '该执法人员不在您的监督辖区内')
    }
    const updated = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<OfficerRecord>(tx, 'officers', input.officerId)
      if (!current) return fail('NOT_FOUND', '没有找到该执法人员')
      const next: OfficerRecord = { ...current, certStatus: input.status, certStatusReason: input.reason, updatedAt: ctx.now }
      await tx
        .collection('officers')
        .doc(current._id)
        .update({ data: { certStatus: input.status, certStatusReason: input.reason, updatedAt: ctx.now } })
      // The bound user's copy, which the gate checks (the reason is not copied).
      await rewriteOfficerSnapshot(ctx, tx, next)
      await audit(
        ctx,
        { action: 'account.setCertStatus', target: `officers/${current._id}`, details: { from: current.certStatus, to: input.status, reason: input.reason } },
        tx,
      )
      return next
    })
    return { officer: toOfficerView(updated) }
  },
})
