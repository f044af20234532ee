import type { Settings } from '@contract'
import { addChinaDays, chinaDate } from './china-time'

/** The rectification date of a result (SPEC §2 rule 20): a China date after today, at most `result.maxRectifyDays` ahead. */
export function rectifyByProblem(rectifyBy: string, now: number, settings: Pick<Settings, 'result' | 'timezone'>): 'not_after_today' | 'too_far' | null {
  const today = chinaDate(now, settings.timezone)
  if (rectifyBy <= today) return 'not_after_today'
  if (rectifyBy > addChinaDays(today, settings.result.maxRectifyDays)) return 'too_far'
  return null
}
