import type { RuleSettings } from '@contract'
import { addDays, addYears, chinaInstantOf, lastDateOfMonthOf, monthOf } from './china-time'

/**
 * What the date pickers offer, from the server's China date (whoami's `today`) and the rules'
 * settings — never from the phone's clock, which may be on another day. Both ends are
 * included; a missing end leaves that side open. The server refuses anything outside
 * these bounds on its own (rectifyBy, back-fill time, ledger date, plan dates): the
 * pickers only keep a person from choosing what would be refused.
 */
export type DateBounds = { start?: string; end?: string }

/** 整改期限 (rule 20): a date after today, at most `result.maxRectifyDays` days ahead. */
export const rectifyByBounds = (today: string, rules: Pick<RuleSettings, 'result'>): DateBounds => ({
  start: addDays(today, 1),
  end: addDays(today, rules.result.maxRectifyDays),
})

/** The day of a back-filled visit (rule 17): today or at most `backfill.maxDays` days before. */
export const backfillBounds = (today: string, rules: Pick<RuleSettings, 'backfill'>): DateBounds => ({
  start: rules.backfill ? addDays(today, -rules.backfill.maxDays) : undefined,
  end: today,
})

/** The latest time a back-fill may state on `date`: the server's time now on today, any time on an earlier day. */
export const backfillTimeEnd = (date: string, today: string, now: string): string | undefined => (date === today ? now : undefined)

/** A visit a company adds to its ledger (SPEC §6): today or at most `ledger.maxBackdateDays` days before. */
export const ledgerEntryBounds = (today: string, rules: Pick<RuleSettings, 'ledger'>): DateBounds => ({
  start: rules.ledger ? addDays(today, -rules.ledger.maxBackdateDays) : undefined,
  end: today,
})

/**
 * The bounds of a period's two pickers inside `outer`: `to` never before `from`. Moving
 * `from` past `to` takes `to` along (`withFrom`), so either end can always be chosen.
 */
export const rangeBounds = (range: { from: string; to: string }, outer: DateBounds): { from: DateBounds; to: DateBounds } => ({
  from: outer,
  to: { start: !outer.start || range.from > outer.start ? range.from : outer.start, end: outer.end },
})

/** The period with a new first day; its last day moves along when it would fall before. */
export const withFrom = <R extends { from: string; to: string }>(range: R, from: string): R => ({ ...range, from, to: range.to < from ? from : range.to })

/** The ledger's Excel export (the server's `exportLedger`): up to today, one year at most (`from` … a day before its anniversary). */
export function ledgerExportBounds(range: { from: string; to: string }, today: string): { from: DateBounds; to: DateBounds } {
  const lastOfYear = addDays(addYears(range.from, 1), -1)
  return { from: { end: today }, to: { start: range.from, end: lastOfYear < today ? lastOfYear : today } }
}

/** The export's period with a new first day, its last day kept within the bounds. */
export function ledgerExportWithFrom(range: { from: string; to: string }, from: string, today: string): { from: string; to: string } {
  const moved = withFrom(range, from)
  return { ...moved, to: clampDate(moved.to, ledgerExportBounds(moved, today).to) }
}

/** The export's period as first offered: every entry up to today, trimmed to the last year. */
export function ledgerExportDefault(oldest: string, today: string): { from: string; to: string } {
  const yearAgo = addDays(addYears(today, -1), 1)
  return { from: oldest > yearAgo ? oldest : yearAgo, to: today }
}

/** A plan's period as first offered: from today to the end of this month. */
export const planDefault = (today: string): { from: string; to: string } => ({ from: today, to: lastDateOfMonthOf(monthOf(today)) })

/** A plan's period (measure 3): it begins today or later and ends on or after its first day. */
export const planBounds = (range: { from: string; to: string }, today: string) => rangeBounds(range, { start: today })

/** `date` moved into `bounds` (the nearest end when outside). */
export function clampDate(date: string, bounds: DateBounds): string {
  if (bounds.start && date < bounds.start) return bounds.start
  if (bounds.end && date > bounds.end) return bounds.end
  return date
}

/**
 * Whether a withdrawal can still succeed (SPEC rule 18), by the server's clock: within
 * `withdraw.windowMinutes` of the check-in (of its recording, for a back-fill). Without the
 * server's day or rules the form is offered and the server alone judges.
 */
export function withdrawStillOpen(
  i: { checkInAt: number; backfill?: { recordedAt?: number } },
  day: { today: string; time: string; rules: Pick<RuleSettings, 'withdraw'> | null } | null,
): boolean {
  if (!day?.rules?.withdraw || !day.today) return true
  const from = i.backfill?.recordedAt ?? i.checkInAt
  return chinaInstantOf(day.today, day.time) <= from + day.rules.withdraw.windowMinutes * 60_000
}
