import dayjs from 'dayjs'
import utc from 'dayjs/plugin/utc'
import type { Settings } from '@contract'
import { addChinaDays } from './china-time'

dayjs.extend(utc)

/**
 * Date ranges of the monitoring-point ledger (SPEC §2.11) and its Excel export: calendar
 * dates only (China dates, no zone involved).
 */

/** A visit a company adds by hand (SPEC §6) is dated today or at most `ledger.maxBackdateDays` days before. */
export function manualEntryDateProblem(date: string, today: string, settings: Pick<Settings, 'ledger'>): 'future' | 'too_old' | null {
  if (date > today) return 'future'
  if (date < addChinaDays(today, -settings.ledger.maxBackdateDays)) return 'too_old'
  return null
}

/** True when `to` is at most one year after `from` (2026-01-01 … 2026-12-31 is one year; … 2027-01-01 is not). */
export function withinOneYear(from: string, to: string): boolean {
  const lastAllowed = dayjs.utc(from).add(1, 'year').subtract(1, 'day').format('YYYY-MM-DD')
  return to <= lastAllowed
}

/** The months 'YYYY-MM' from the month of `from` through the month of `to`, in order. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = []
  let m = dayjs.utc(from.slice(0, 7) + '-01')
  const last = to.slice(0, 7)
  while (m.format('YYYY-MM') <= last) {
    out.push(m.format('YYYY-MM'))
    m = m.add(1, 'month')
  }
  return out
}

/** '2026-12' → '2026年12月' (the sheet name of a month). */
/** `2026年12月`: a month as people write it (sheet names, report titles). */
export const monthTitle = (month: string): string => `${month.slice(0, 4)}年${Number(month.slice(5, 7))}月`
