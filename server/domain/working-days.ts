import { getDayDetail, isWorkday } from 'chinese-days'
import type { Settings } from '@contract'

/**
 * Due dates in Chinese working days (rules 9, 10, 21). Public holidays and make-up working
 * days come from the maintained `chinese-days` calendar; for a year it does not know yet,
 * the settings (`calendar.years`, entered from the State Council's notice) add them, and
 * they win over the library for the dates they name. Past everything known, only weekends
 * are days off — so supervisors are warned before that day comes (`calendarWarning`).
 */

export type CalendarSettings = Settings['calendar']
const NO_CALENDAR: CalendarSettings = { years: [], warnDaysBefore: 60 }

const DAY_MS = 86_400_000
const toMs = (date: string): number => Date.parse(`${date}T00:00:00Z`)
const toDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10)

/** Date sets of the settings' calendar, built once per settings object. */
const indexed = new WeakMap<CalendarSettings, { holidays: Set<string>; workdays: Set<string> }>()
function index(calendar: CalendarSettings) {
  let got = indexed.get(calendar)
  if (!got) {
    got = { holidays: new Set(calendar.years.flatMap((y) => y.holidays)), workdays: new Set(calendar.years.flatMap((y) => y.workdays)) }
    indexed.set(calendar, got)
  }
  return got
}

export function isChinaWorkday(date: string, calendar: CalendarSettings = NO_CALENDAR): boolean {
  const { holidays, workdays } = index(calendar)
  if (holidays.has(date)) return false
  if (workdays.has(date)) return true
  return isWorkday(date)
}

/** The China date that is `n` working days after `date` (the day itself not counted). */
export function addWorkingDays(date: string, n: number, calendar: CalendarSettings = NO_CALENDAR): string {
  let ms = toMs(date)
  for (let left = n; left > 0; ) {
    ms += DAY_MS
    if (isChinaWorkday(toDate(ms), calendar)) left--
  }
  return toDate(ms)
}

let libraryLastYear: number | null = null
/** The last year whose holidays the library knows (its National Day is a holiday there). */
export function libraryKnowsThrough(): number {
  if (libraryLastYear === null) {
    let y = 2004
    while (/国庆/.test(getDayDetail(`${y + 1}-10-01`).name)) y++
    libraryLastYear = y
  }
  return libraryLastYear
}

/** The last China date whose holidays are known: 31 December of the last year the library or the settings cover. */
export function calendarKnownUntil(calendar: CalendarSettings = NO_CALENDAR): string {
  const year = Math.max(libraryKnowsThrough(), ...calendar.years.map((y) => y.year))
  return `${year}-12-31`
}

/**
 * A warning for supervisors from `calendar.warnDaysBefore` days before the known calendar
 * ends (and after it), or null.
 */
export function calendarWarning(today: string, calendar: CalendarSettings = NO_CALENDAR): string | null {
  const until = calendarKnownUntil(calendar)
  const daysLeft = Math.round((toMs(until) - toMs(today)) / DAY_MS)
  if (daysLeft > calendar.warnDaysBefore) return null
  const next = Number(until.slice(0, 4)) + 1
  const [, m, d] = until.split('-').map(Number)
  const when = daysLeft >= 0 ? `只到${until.slice(0, 4)}年${m}月${d}日` : `已于${until.slice(0, 4)}年${m}月${d}日用完`
  return `法定节假日日历${when}：请系统管理员按国务院办公厅${next}年节假日安排的通知，在设置中录入${next}年的放假日期和调休上班日期；未录入前，投诉办理和差评回访期限只按周末计算。`
}
