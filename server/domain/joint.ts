import type { InspectionResult, Settings } from '@contract'
import { joinWindowEnd } from './team'

/**
 * Joint inspections 综合查一次 (SPEC §2 rule 14) and the late join (rule 16). An inspection
 * lists its departments (`deptIds`, the leading one first); each records its own result,
 * which needs at least `team.minOfficers` officers on the inspection, at least one of the
 * department's own. The inspection closes when every department has recorded.
 */

export interface TeamLike {
  deptId: string
  deptIds?: string[]
  officerIds: string[]
  /** Each officer's department, parallel to `officerIds` (absent on records from before joint inspections: all the leading department's). */
  officerDeptIds?: string[]
  companyId: string
  checkInAt: number
  status: string
  result?: unknown
  joins?: Array<{ deptId: string; result?: unknown }>
}

/** The departments on an inspection, the leading one first. */
export const departmentsOf = (i: Pick<TeamLike, 'deptId' | 'deptIds'>): string[] => (i.deptIds && i.deptIds.length ? [...i.deptIds] : [i.deptId])

/** The department of each officer on the inspection. */
export const officerDepartments = (i: Pick<TeamLike, 'deptId' | 'officerIds' | 'officerDeptIds'>): string[] =>
  i.officerIds.map((_, k) => i.officerDeptIds?.[k] ?? i.deptId)

/** When each officer came on the inspection, parallel to `officerIds` (older records: the check-in for all). */
export const joinTimes = (i: { officerIds: string[]; checkInAt: number; officerJoinedAt?: number[] }): number[] =>
  i.officerIds.map((_, k) => i.officerJoinedAt?.[k] ?? i.checkInAt)

/** A department's result on the inspection, if recorded. */
export function resultOf<R = InspectionResult>(i: Pick<TeamLike, 'deptId' | 'result' | 'joins'>, deptId: string): R | undefined {
  if (deptId === i.deptId) return i.result as R | undefined
  return i.joins?.find((j) => j.deptId === deptId)?.result as R | undefined
}

/** Whether any department has recorded a result. */
export const anyResult = (i: { result?: unknown; joins?: Array<{ result?: unknown }> }): boolean => !!i.result || (i.joins ?? []).some((j) => !!j.result)

/** The departments still without a result (their red light runs, rule 8). */
export const departmentsWithoutResult = (i: Pick<TeamLike, 'deptId' | 'deptIds' | 'result' | 'joins'>): string[] =>
  departmentsOf(i).filter((d) => !resultOf(i, d))

/** Why `deptId` cannot record its result yet (null: it can): too few officers, or none of its own. */
export function deptResultProblem(i: TeamLike, deptId: string, settings: Pick<Settings, 'team'>): 'too_few' | 'none_own' | null {
  if (new Set(i.officerIds).size < settings.team.minOfficers) return 'too_few'
  if (!officerDepartments(i).includes(deptId)) return 'none_own'
  return null
}

export type SameDeptJoin = 'join' | 'late_join' | null

/**
 * A second officer of a department already on the inspection (rules 4, 16): joins inside
 * the join window, and after it (flagged `late_join`) until the department's result is
 * recorded, so an inspection is never stuck for want of a second scan.
 */
export function sameDeptJoin(
  open: TeamLike,
  scan: { deptId: string; companyId: string; now: number; officerId?: string },
  settings: Pick<Settings, 'team'>,
): SameDeptJoin {
  if (open.companyId !== scan.companyId || open.status === 'closed' || open.status === 'withdrawn') return null
  if (!departmentsOf(open).includes(scan.deptId) || resultOf(open, scan.deptId)) return null
  if (scan.now < open.checkInAt) return null
  if (scan.now <= joinWindowEnd(open.checkInAt, settings)) return 'join'
  // An officer already on it who scans after the window starts a new visit (as before late joins existed).
  return scan.officerId && open.officerIds.includes(scan.officerId) ? null : 'late_join'
}

/**
 * Another department joins (rule 14): the inspection is at the same company, open, inside
 * the join window and without any result yet, and the department is not on it already.
 * Null when it may join, else why not (in words for the officer).
 */
export function jointJoinProblem(open: TeamLike, scan: { deptId: string; companyId: string; now: number }, settings: Pick<Settings, 'team'>): string | null {
  if (open.companyId !== scan.companyId) return '所选检查不在这家企业，请重新扫码'
  if (open.status === 'withdrawn') return '所选检查已撤回，不能加入'
  if (open.status === 'closed' || anyResult(open)) return '所选检查已录入结果，不能再加入；请另行入企检查'
  if (scan.now < open.checkInAt || scan.now > joinWindowEnd(open.checkInAt, settings)) return '所选检查已超过联合检查的加入时限；请另行入企检查'
  return null
}

/** The departments whose red light is on (rule 8, per department): an overdue inspection's departments still without a result. */
export const overdueDepartments = (i: Pick<TeamLike, 'deptId' | 'deptIds' | 'result' | 'joins' | 'status'>): string[] =>
  i.status === 'overdue' ? departmentsWithoutResult(i) : []
