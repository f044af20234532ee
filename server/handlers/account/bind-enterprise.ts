import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { userIdFor } from '../../platform/ids'
import type { CompanyRecord } from '../../domain/records'
import { consumeCode, refuseWrongBind, typedUsableCode } from '../../store/bind-codes'
import { callerOpenid } from '../../access/caller'
import { refuseIfTooManyBindFailures } from '../../store/rate-limits'
import { saveUser } from '../../store/users'
import { refuseInvalidUscc } from '../../access/uscc-input'
import { toUserView } from '../../views/account'
import { fieldsOf, findOne, readDoc } from '../../store/docs'
import { withContact } from '../../store/messages'

/**
 * A company contact binds to their company with its USCC and the bind code the admin
 * issued. A malformed USCC is a typing error (INVALID_INPUT, not counted); an unknown
 * company or a wrong code gets one answer (FORBIDDEN) and counts toward the hourly limit.
 */
const WRONG = '统一社会信用代码或绑定码不正确，请核对后重试'

export const bindEnterprise = action('account', 'bindEnterprise', {
  access: 'anyone',
  async handle(input, ctx) {
    const openid = callerOpenid(ctx)
    refuseInvalidUscc(input.uscc)
    await refuseIfTooManyBindFailures(ctx)
    const company = await findOne<CompanyRecord>(ctx.db, 'companies', { uscc: input.uscc })
    if (!company) return refuseWrongBind(ctx, WRONG)
    const me = ctx.caller.user
    if (me?.companyId === company._id && me.roles.includes('enterprise')) return { user: toUserView(me) }
    const code = await typedUsableCode(ctx, 'enterprise', company._id, input.code, WRONG)
    if (me?.companyId) fail('CONFLICT', '该微信号已绑定另一家企业；一个微信号只能绑定一家企业')

    const userId = userIdFor(openid)
    const user = await ctx.db.runTransaction(async (tx) => {
      await consumeCode(ctx, tx, code._id, userId)
      const saved = await saveUser(ctx, tx, openid, { addRole: 'enterprise', companyId: company._id, region: company.region }, `${company.name}联系人`)
      // The company keeps its contacts, so a check-in's notice finds them in the document it reads anyway
      // (written whole, as the gate is: the list replaces the old one).
      const current = (await readDoc<CompanyRecord>(tx, 'companies', company._id)) ?? fail('NOT_FOUND', '没有找到该企业')
      await tx
        .collection('companies')
        .doc(company._id)
        .set({ data: fieldsOf({ ...current, contacts: withContact(current.contacts, { userId, openid }) }) })
      await audit(ctx, { action: 'account.bindEnterprise', target: `companies/${company._id}`, details: { userId, bindCodeId: code._id } }, tx)
      return saved
    })
    return { user: toUserView(user) }
  },
})
