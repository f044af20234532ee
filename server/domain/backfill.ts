import type { Settings } from '@contract'
import { addChinaDays, chinaDate } from './china-time'

/**
 * Back-fill 补录 (SPEC §2 rule 17): a visit the gate could not see, recorded afterwards with
 * the real check-in time — not in the future, and on a China day at most `backfill.maxDays`
 * days before today (Ganzhou default 3: on the 14th, visits of the 11th to today).
 */

export type BackfillTimeProblem = 'future' | 'too_old'

export function backfillTimeProblem(checkInAt: number, now: number, settings: Pick<Settings, 'backfill' | 'timezone'>): BackfillTimeProblem | null {
  if (checkInAt > now) return 'future'
  const earliest = addChinaDays(chinaDate(now, settings.timezone), -settings.backfill.maxDays)
  if (chinaDate(checkInAt, settings.timezone) < earliest) return 'too_old'
  return null
}
