import type { Settings } from '@contract'
import { addChinaDays, chinaDate, chinaMonth, dayOfMonth, daysInMonth } from './china-time'

/**
 * The quiet production period 安静生产期 (SPEC §2.1): on days firstDay–lastDay of each
 * China month, departments do not enter companies in scope. When a month is shorter
 * than lastDay (lastDay 31 in February), the window ends on the month's last day.
 * A window whose first day falls after the month's end (or after lastDay) is empty.
 */

export interface QuietPeriodStatus {
  /** Today in the zone, 'YYYY-MM-DD'. */
  date: string
  active: boolean
  firstDay: number
  lastDay: number
  scope: 'park' | 'all'
  /** The window's last date this month while active, else null. */
  windowEnd: string | null
}

export function quietPeriodStatus(now: number, settings: Pick<Settings, 'quietPeriod' | 'timezone'>): QuietPeriodStatus {
  const { enabled, firstDay, lastDay, scope } = settings.quietPeriod
  const tz = settings.timezone
  const month = chinaMonth(now, tz)
  const lastDayThisMonth = Math.min(lastDay, daysInMonth(month))
  const day = dayOfMonth(now, tz)
  const active = enabled && firstDay <= lastDayThisMonth && day >= firstDay && day <= lastDayThisMonth
  return {
    date: chinaDate(now, tz),
    active,
    firstDay,
    lastDay,
    scope,
    windowEnd: active ? `${month}-${String(lastDayThisMonth).padStart(2, '0')}` : null,
  }
}

/** Whether the quiet period covers this company at all (`park` → only companies in a park). */
export function quietPeriodAppliesTo(company: { inPark: boolean }, settings: Pick<Settings, 'quietPeriod'>): boolean {
  return settings.quietPeriod.scope === 'all' || company.inPark
}

/** Whether entering this company now needs a special case (特殊情形). */
export function quietPeriodBlocks(now: number, company: { inPark: boolean }, settings: Pick<Settings, 'quietPeriod' | 'timezone'>): boolean {
  return quietPeriodStatus(now, settings).active && quietPeriodAppliesTo(company, settings)
}

/**
 * How a plan's dates meet the quiet period (the facts a reviewer weighs): of the days
 * from..to (China dates, inclusive), how many fall inside the monthly window and how many
 * outside, where a company in scope may be entered without a special case.
 */
export function quietDaysBetween(from: string, to: string, settings: Pick<Settings, 'quietPeriod'>): { days: number; quietDays: number; openDays: number } {
  const { enabled, firstDay, lastDay } = settings.quietPeriod
  let days = 0
  let quietDays = 0
  for (let date = from; date <= to && days < 3660; date = addChinaDays(date, 1)) {
    days++
    const day = Number(date.slice(8, 10))
    if (enabled && day >= firstDay && day <= Math.min(lastDay, daysInMonth(date.slice(0, 7)))) quietDays++
  }
  return { days, quietDays, openDays: days - quietDays }
}
