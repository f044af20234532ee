import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { CompanyRecord } from '../../domain/records'
import { issueCode, usableCodeIds } from '../../store/bind-codes'
import { readDoc } from '../../store/docs'

/** A new single-use bind code for a company; its earlier unused codes become void. */
export const issueEnterpriseCode = action('account', 'issueEnterpriseCode', {
  access: ['admin'],
  async handle(input, ctx) {
    const company = await readDoc<CompanyRecord>(ctx.db, 'companies', input.companyId)
    if (!company) fail('NOT_FOUND', '没有找到该企业')
    const previous = await usableCodeIds(ctx, input.companyId)
    const bindCode = await ctx.db.runTransaction(async (tx) => {
      for (const id of previous)
        await tx
          .collection('bindCodes')
          .doc(id)
          .update({ data: { voidedAt: ctx.now } })
      const code = await issueCode(ctx, tx, 'enterprise', input.companyId)
      await audit(ctx, { action: 'account.issueEnterpriseCode', target: `companies/${input.companyId}`, details: { voided: previous.length } }, tx)
      return code
    })
    return { bindCode }
  },
})
