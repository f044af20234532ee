import type { Ctx } from '../../platform/context'
import { fail } from '../../platform/errors'
import { parseScene } from '../../domain/gate-code'
import type { CompanyRecord, DepartmentRecord, OfficerRecord } from '../../domain/records'
import { readDoc } from '../../store/docs'

/** The calling officer, their department, and the company a scanned gate code names. */

export async function callerOfficer(ctx: Ctx): Promise<{ officer: OfficerRecord; dept: DepartmentRecord }> {
  const officerId = ctx.caller.user?.officerId
  if (!officerId) return fail('FORBIDDEN', '您的账号未绑定执法证，请先绑定')
  const officer = await readDoc<OfficerRecord>(ctx.db, 'officers', officerId)
  if (!officer) return fail('FORBIDDEN', '没有找到您的执法人员信息，请联系本单位管理员')
  const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', officer.deptId)
  if (!dept) return fail('NOT_FOUND', '没有找到您所在的执法单位')
  return { officer, dept }
}

export async function companyOfScene(ctx: Ctx, scene: string): Promise<CompanyRecord> {
  const companyId = parseScene(scene)
  if (!companyId) return fail('NOT_FOUND', '这不是企检码：请扫描企业门口张贴的企检码')
  const company = await readDoc<CompanyRecord>(ctx.db, 'companies', companyId)
  return company ?? fail('NOT_FOUND', '没有找到该企业，企检码可能已失效')
}
