import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { userIdFor } from '../../platform/ids'
import type { DepartmentRecord, OfficerRecord } from '../../domain/records'
import { consumeCode, refuseWrongBind, typedUsableCode } from '../../store/bind-codes'
import { callerOpenid } from '../../access/caller'
import { officerSnapshot } from '../../store/officer-snapshot'
import { refuseIfTooManyBindFailures } from '../../store/rate-limits'
import { refuseRoleConflict, saveUser } from '../../store/users'
import { toUserView } from '../../views/account'
import { findOne, readDoc } from '../../store/docs'

/**
 * An officer binds their WeChat account to their certificate with the bind code the
 * admin gave them. A wrong certificate number, name or code gets one answer (FORBIDDEN)
 * that does not say which part was wrong, so nobody can probe who holds which
 * certificate; each such failure counts toward the hourly limit.
 */
const WRONG = '执法证号、姓名或绑定码不正确，请核对后重试'

export const bindOfficer = action('account', 'bindOfficer', {
  access: 'anyone',
  async handle(input, ctx) {
    const openid = callerOpenid(ctx)
    await refuseIfTooManyBindFailures(ctx)
    const officer = await findOne<OfficerRecord>(ctx.db, 'officers', { certNo: input.certNo })
    if (!officer || officer.name !== input.name) return refuseWrongBind(ctx, WRONG)
    const me = ctx.caller.user
    // Retrying a bind that already succeeded (weak network) answers the same user.
    if (me?.officerId === officer._id) return { user: toUserView(me) }
    refuseRoleConflict(me?.roles ?? [], 'officer')
    const code = await typedUsableCode(ctx, 'officer', officer._id, input.code, WRONG)
    if (me?.officerId) fail('CONFLICT', '该微信号已绑定另一张执法证，不能再绑定；如需更换请联系管理员')
    const userId = userIdFor(openid)
    if (officer.userId && officer.userId !== userId) fail('CONFLICT', '该执法证已绑定其他微信号；如需更换请联系管理员')

    const user = await ctx.db.runTransaction(async (tx) => {
      await consumeCode(ctx, tx, code._id, userId)
      const current = (await readDoc<OfficerRecord>(tx, 'officers', officer._id)) ?? officer
      if (current.userId && current.userId !== userId) fail('CONFLICT', '该执法证已绑定其他微信号；如需更换请联系管理员')
      // The user carries a copy of the certificate and department for the gate (read inside
      // the transaction, as the certificate is: a change committing beside this bind is seen).
      const dept = await readDoc<DepartmentRecord>(tx, 'departments', current.deptId)
      const saved = await saveUser(
        ctx,
        tx,
        openid,
        {
          addRole: 'officer',
          name: current.name,
          deptId: current.deptId,
          officerId: current._id,
          ...(dept ? { officer: officerSnapshot(current, dept) } : {}),
        },
        current.name,
      )
      await tx
        .collection('officers')
        .doc(officer._id)
        .update({ data: { userId, updatedAt: ctx.now } })
      await audit(ctx, { action: 'account.bindOfficer', target: `officers/${officer._id}`, details: { userId, bindCodeId: code._id } }, tx)
      return saved
    })
    return { user: toUserView(user) }
  },
})
