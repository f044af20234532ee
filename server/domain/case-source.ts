import type { InspectionSource, Settings } from '@contract'
import { isCaseSource } from './legitimate-source'

/**
 * Case sources carry a reference (SPEC §2 rule 15): a check-in or back-fill whose source is
 * a complaint, referral, monitoring warning or company request names its number. Case
 * sources are not capped (rule 5), so one soon after a cap refusal is flagged `after_cap`.
 */

const DAY_MS = 86_400_000

/** A problem with the source reference, in words a person acts on; null when fine. */
export function sourceRefProblem(source: InspectionSource, sourceRef: string | undefined): string | null {
  if (!isCaseSource(source)) return null
  const ref = sourceRef?.trim() ?? ''
  if (!ref) return '投诉举报、移送线索、监测预警或企业申请入企，须填写来源编号（投诉、移送、预警或申请的编号）'
  return null
}

/** Cap refusals kept on a company's gate: department → the latest refusal's instant. */
export type CapRefusals = Record<string, number>

/** Whether a case-sourced check-in by `deptId` at `now` comes within `afterCapDays` after a FREQUENCY_CAP refusal of that department. */
export function isAfterCap(
  refusals: CapRefusals | undefined,
  checkIn: { deptId: string; source: InspectionSource; now: number },
  settings: Pick<Settings, 'caseSource'>,
): boolean {
  if (!isCaseSource(checkIn.source)) return false
  const at = refusals && Object.prototype.hasOwnProperty.call(refusals, checkIn.deptId) ? refusals[checkIn.deptId] : undefined
  return at !== undefined && at <= checkIn.now && checkIn.now - at <= settings.caseSource.afterCapDays * DAY_MS
}

/** The refusals still inside the window at `now` (the gate keeps no more than the rule needs), with `deptId`'s refusal at `now` when given. */
export function prunedRefusals(refusals: CapRefusals | undefined, now: number, settings: Pick<Settings, 'caseSource'>, refused?: string): CapRefusals {
  const out: CapRefusals = {}
  for (const [deptId, at] of Object.entries(refusals ?? {})) if (now - at <= settings.caseSource.afterCapDays * DAY_MS) out[deptId] = at
  if (refused) out[refused] = now
  return out
}
