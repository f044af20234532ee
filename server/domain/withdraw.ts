import type { Settings } from '@contract'
import { anyResult } from './joint'

/**
 * Withdraw 撤回 (SPEC §2 rule 18): an officer on the inspection takes a wrong scan back
 * within `withdraw.windowMinutes` of the check-in, before any result, with a reason. The
 * inspection is kept (`withdrawn`) and leaves the company's cap and repeated counts.
 */

export type WithdrawProblem = 'withdrawn' | 'has_result' | 'too_late'

export function withdrawProblem(
  i: { checkInAt: number; status: string; result?: unknown; joins?: Array<{ result?: unknown }>; backfill?: unknown },
  now: number,
  settings: Pick<Settings, 'withdraw'>,
): WithdrawProblem | null {
  if (i.status === 'withdrawn') return 'withdrawn'
  if (anyResult(i)) return 'has_result'
  // A back-fill is recorded after the fact: its window runs from when it was recorded, not from the stated time.
  if (now > withdrawDeadline(i, settings)) return 'too_late'
  return null
}

/** The last instant the inspection can be withdrawn. */
export function withdrawDeadline(i: { checkInAt: number; backfill?: unknown }, settings: Pick<Settings, 'withdraw'>): number {
  const from = (i.backfill as { recordedAt?: number } | undefined)?.recordedAt ?? i.checkInAt
  return from + settings.withdraw.windowMinutes * 60_000
}
