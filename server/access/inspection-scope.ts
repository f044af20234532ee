import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import { fail } from '../platform/errors'
import type { InspectionRecord } from '../domain/inspection-records'
import { departmentsOf } from '../domain/joint'
import { regionCovers } from '../domain/scope'
import { supervisorScope, whereRegion } from './supervisor-scope'

/**
 * Whose inspections (and service visits) a caller of the supervision function may read (SPEC §3 inspections):
 * a supervisor those of their region (where the company is; `region` narrows it, a region
 * outside their own is FORBIDDEN), a department admin those of their department, the
 * joint inspections it joined included (rule 14; anywhere; `region` narrows to a county,
 * another department is FORBIDDEN).
 */
export type InspectionReader = { kind: 'supervisor'; where: DocData } | { kind: 'deptAdmin'; deptId: string; where: DocData }

export function inspectionReader(ctx: Ctx, region?: string, deptField: 'deptIds' | 'deptId' = 'deptIds'): InspectionReader {
  const user = ctx.caller.user!
  if (user.roles.includes('supervisor')) return { kind: 'supervisor', where: supervisorScope(ctx, region).where }
  const deptId = user.deptId ?? fail('FORBIDDEN', '您的账号未绑定执法单位')
  // `deptIds` lists every department on an inspection, the leading one first (an array field
  // matches any element); a service visit has one department, `deptId`.
  return { kind: 'deptAdmin', deptId, where: { [deptField]: deptId, ...(region ? whereRegion(region) : {}) } }
}

/** A department admin naming another department in a search: FORBIDDEN (`what`: 检查, 入企服务). */
export function assertOwnDepartment(reader: InspectionReader, deptId: string | undefined, what: string): void {
  if (reader.kind === 'deptAdmin' && deptId !== undefined && deptId !== reader.deptId) fail('FORBIDDEN', `执法单位管理员只能查看本单位的${what}`)
}

/** The China-date range `from`–`to` (inclusive, either open) of a search, on the field `date`. */
export function whereDates(ctx: Ctx, from: string | undefined, to: string | undefined): DocData[] {
  const _ = ctx.db.command
  if (from && to) return [{ date: _.gte(from).and(_.lte(to)) }]
  if (from) return [{ date: _.gte(from) }]
  if (to) return [{ date: _.lte(to) }]
  return []
}

/** Whether the caller may open this inspection (FORBIDDEN otherwise: it exists, but not for them). */
export function assertMayRead(ctx: Ctx, reader: InspectionReader, r: InspectionRecord): void {
  if (reader.kind === 'deptAdmin') {
    if (!departmentsOf(r).includes(reader.deptId)) fail('FORBIDDEN', '这次检查不是本单位的，无法查看')
    return
  }
  const own = ctx.caller.user?.region
  if (!own || !regionCovers(own, r.region)) fail('FORBIDDEN', '这次检查不在您的监督辖区内')
}
