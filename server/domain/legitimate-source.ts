import type { InspectionSource } from '@contract'

/**
 * A legitimate source 合法来源 (SPEC §2.2, measure 3): an approved plan of the officer's
 * department that covers this company on this China date, or a case source, or a
 * quiet-period special case. Otherwise the check-in is refused (PLAN_REQUIRED).
 */

export const CASE_SOURCES: readonly InspectionSource[] = ['complaint', 'referral', 'monitoring', 'enterprise_request']

export const isCaseSource = (source: InspectionSource): boolean => CASE_SOURCES.includes(source)

export interface PlanLike {
  deptId: string
  status: string
  companyIds: string[]
  from: string
  to: string
}

/** Whether an approved plan of `deptId` names `companyId` and its window holds `date` (inclusive). */
export function planCovers(plan: PlanLike, deptId: string, companyId: string, date: string): boolean {
  return plan.status === 'approved' && plan.deptId === deptId && plan.companyIds.includes(companyId) && plan.from <= date && date <= plan.to
}

export type SourceVerdict = { ok: true; basis: 'plan' | 'case' | 'special_case' } | { ok: false; reason: 'no_plan' | 'plan_not_covering' }

/**
 * `plan` is the plan the check-in names (or found for it), null when none. A special
 * case stands in for a plan (SPEC §2.2); a named plan that does not cover is still a
 * refusal, because the officer picked the wrong one.
 */
export function legitimateSource(
  checkIn: { source: InspectionSource; hasSpecialCase: boolean; planNamed: boolean },
  plan: PlanLike | null,
  at: { deptId: string; companyId: string; date: string },
): SourceVerdict {
  if (checkIn.planNamed && (!plan || !planCovers(plan, at.deptId, at.companyId, at.date))) return { ok: false, reason: 'plan_not_covering' }
  if (isCaseSource(checkIn.source)) return { ok: true, basis: 'case' }
  if (plan && planCovers(plan, at.deptId, at.companyId, at.date)) return { ok: true, basis: 'plan' }
  if (checkIn.hasSpecialCase) return { ok: true, basis: 'special_case' }
  return { ok: false, reason: 'no_plan' }
}
