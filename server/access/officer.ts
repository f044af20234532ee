import type { Ctx, OfficerSnapshot } from '../platform/context'
import { fail } from '../platform/errors'
import { parseScene } from '../domain/gate-code'
import type { CompanyRecord, DepartmentRecord, OfficerRecord } from '../domain/records'
import { readDoc } from '../store/docs'

/** The calling officer, their department, and the company a scanned gate code names. */

/** What the gate needs of the calling officer: who, and the certificate to check (certificateState). */
export type GateOfficer = Pick<OfficerRecord, '_id' | 'name' | 'deptId' | 'certStatus' | 'certExpiresAt' | 'certNo'>
/** What the gate needs of their department. */
export type GateDepartment = Pick<DepartmentRecord, '_id' | 'name' | 'region'>

/**
 * Who is scanning, from the copy on the caller's user document (OfficerSnapshot), which
 * the dispatcher has already read: no database call. A user bound before the copy existed
 * (or whose copy names another officer) falls back to reading the officer and department.
 */
export async function callerOfficer(ctx: Ctx): Promise<{ officer: GateOfficer; dept: GateDepartment }> {
  const user = ctx.caller.user
  const officerId = user?.officerId
  if (!officerId) return fail('FORBIDDEN', '您的账号未绑定执法证，请先绑定')
  const copy = user.officer
  if (copy && copy.officerId === officerId && isComplete(copy)) {
    return {
      officer: {
        _id: copy.officerId,
        name: copy.name,
        deptId: copy.deptId,
        certStatus: copy.certStatus,
        certExpiresAt: copy.certExpiresAt,
        certNo: copy.certNo,
      },
      dept: { _id: copy.deptId, name: copy.deptName, region: copy.deptRegion },
    }
  }
  return callerOfficerRecords(ctx)
}

/**
 * The calling officer's and department's documents themselves (the certificate card shows
 * what the copy leaves out: the reason of a status, the department's field, the dates).
 */
export async function callerOfficerRecords(ctx: Ctx): Promise<{ officer: OfficerRecord; dept: DepartmentRecord }> {
  const officerId = ctx.caller.user?.officerId
  if (!officerId) return fail('FORBIDDEN', '您的账号未绑定执法证，请先绑定')
  const officer = await readDoc<OfficerRecord>(ctx.db, 'officers', officerId)
  if (!officer) return fail('FORBIDDEN', '没有找到您的执法人员信息，请联系本单位管理员')
  const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', officer.deptId)
  if (!dept) return fail('NOT_FOUND', '没有找到您所在的执法单位')
  return { officer, dept }
}

/** Every copied field present (a copy is written whole; anything else is not trusted). */
const isComplete = (c: OfficerSnapshot): boolean =>
  typeof c.name === 'string' &&
  typeof c.certNo === 'string' &&
  typeof c.certStatus === 'string' &&
  typeof c.certExpiresAt === 'number' &&
  typeof c.deptId === 'string' &&
  typeof c.deptName === 'string' &&
  typeof c.deptRegion === 'string'

export async function companyOfScene(ctx: Ctx, scene: string): Promise<CompanyRecord> {
  const companyId = parseScene(scene)
  if (!companyId) return fail('NOT_FOUND', '这不是企检码：请扫描企业门口张贴的企检码')
  const company = await readDoc<CompanyRecord>(ctx.db, 'companies', companyId)
  return company ?? fail('NOT_FOUND', '没有找到该企业，企检码可能已失效')
}
