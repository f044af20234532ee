import type { PlanKind, Settings } from '@contract'
import { chinaYear } from './china-time'

/**
 * The frequency cap (SPEC §2.5; 国办发〔2024〕54号): planned checks of the counted kinds
 * (Ganzhou: routine, campaign) by one department on one company, per China calendar
 * year (default 2). Case-sourced checks and quiet-period special cases are not counted.
 */

/** The China calendar year the cap of a check-in at `now` is counted in. */
export const capYear = (now: number, settings: Pick<Settings, 'timezone'>): number => chinaYear(now, settings.timezone)

export function countsTowardCap(
  checkIn: { source: string; planKind?: PlanKind | null; hasSpecialCase: boolean },
  settings: Pick<Settings, 'frequencyCap'>,
): boolean {
  if (checkIn.source !== 'plan' || checkIn.hasSpecialCase || !checkIn.planKind) return false
  return settings.frequencyCap.countedKinds.includes(checkIn.planKind)
}

/** Whether one more counted check-in is refused, given those already counted this year. */
export const capReached = (used: number, settings: Pick<Settings, 'frequencyCap'>): boolean => used >= settings.frequencyCap.perDeptCompanyYear
