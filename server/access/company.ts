import type { Ctx } from '../platform/context'
import { fail } from '../platform/errors'
import type { CompanyRecord } from '../domain/records'
import { readDoc } from '../store/docs'

/** The company the calling enterprise user is bound to (`user.companyId`). */
export async function callerCompany(ctx: Ctx): Promise<CompanyRecord> {
  const companyId = ctx.caller.user?.companyId
  if (!companyId) return fail('FORBIDDEN', '您的账号未绑定企业，请先绑定')
  const company = await readDoc<CompanyRecord>(ctx.db, 'companies', companyId)
  return company ?? fail('NOT_FOUND', '没有找到您绑定的企业，请联系管理员')
}

/** A monitoring-point company (SPEC §2.11): only these keep a ledger. */
export async function callerMonitoringPoint(ctx: Ctx): Promise<CompanyRecord> {
  const company = await callerCompany(ctx)
  if (!company.monitoringPoint) fail('FORBIDDEN', '台账仅适用于监测点企业；贵企业不是监测点，检查记录请在“检查记录”中查看')
  return company
}
