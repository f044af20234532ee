import type { InspectionSource, Settings } from '@contract'
import { isCaseSource } from './legitimate-source'

/**
 * Repeated inspections 重复检查 (SPEC §2.6, measure 2): a company checked in `threshold`
 * times or more within `windowDays` (any departments; case-sourced check-ins excluded)
 * is repeated. The window is counted in 24-hour days back from the new check-in.
 */

export const repeatedWindowStart = (now: number, settings: Pick<Settings, 'repeated'>): number => now - settings.repeated.windowDays * 86_400_000

/** How many earlier check-ins (not case-sourced) of the company fall in the window. */
export function priorCountInWindow(
  prior: ReadonlyArray<{ checkInAt: number; source: InspectionSource }>,
  now: number,
  settings: Pick<Settings, 'repeated'>,
): number {
  const start = repeatedWindowStart(now, settings)
  return prior.filter((p) => !isCaseSource(p.source) && p.checkInAt >= start && p.checkInAt <= now).length
}

/** Whether a new check-in with `source` makes the company repeated. */
export function isRepeated(
  prior: ReadonlyArray<{ checkInAt: number; source: InspectionSource }>,
  checkIn: { now: number; source: InspectionSource },
  settings: Pick<Settings, 'repeated'>,
): boolean {
  if (isCaseSource(checkIn.source)) return false
  return priorCountInWindow(prior, checkIn.now, settings) + 1 >= settings.repeated.threshold
}
