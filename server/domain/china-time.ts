import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/**
 * China-day arithmetic. Cloud functions run in UTC, so every rule that speaks of "today",
 * "this month" or "day 25" computes the day in the configured zone on purpose.
 * Instants are UTC epoch ms; calendar dates are 'YYYY-MM-DD' strings.
 */

export const DEFAULT_TIMEZONE = 'Asia/Shanghai'

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/

/**
 * dayjs's zone conversion goes through Intl and costs tens of microseconds; one request
 * asks for the same instant several times (date, month, year, day of month), so the last
 * few conversions are kept. dayjs values are immutable: sharing them is safe.
 */
const recent = new Map<string, dayjs.Dayjs>()
const inZone = (ms: number, tz: string): dayjs.Dayjs => {
  const key = `${ms}|${tz}`
  let d = recent.get(key)
  if (!d) {
    d = dayjs(ms).tz(tz)
    if (recent.size >= 16) recent.delete(recent.keys().next().value as string)
    recent.set(key, d)
  }
  return d
}

/** The calendar date of an instant in the zone, 'YYYY-MM-DD'. */
export const chinaDate = (ms: number, tz: string = DEFAULT_TIMEZONE): string => inZone(ms, tz).format('YYYY-MM-DD')

/** The calendar month of an instant in the zone, 'YYYY-MM'. */
export const chinaMonth = (ms: number, tz: string = DEFAULT_TIMEZONE): string => inZone(ms, tz).format('YYYY-MM')

/** The calendar year of an instant in the zone. */
export const chinaYear = (ms: number, tz: string = DEFAULT_TIMEZONE): number => inZone(ms, tz).year()

/** Day of the month (1–31) of an instant in the zone. */
export const dayOfMonth = (ms: number, tz: string = DEFAULT_TIMEZONE): number => inZone(ms, tz).date()

/** The number of days in a month 'YYYY-MM' (pure calendar, no zone involved). */
export const daysInMonth = (month: string): number => dayjs.utc(`${month}-01`).daysInMonth()

/** The last date of a month 'YYYY-MM', e.g. '2028-02' → '2028-02-29'. */
export const lastDateOfMonth = (month: string): string => `${month}-${String(daysInMonth(month)).padStart(2, '0')}`

/** Date arithmetic on calendar dates (no zone involved): addChinaDays('2026-12-31', 1) → '2027-01-01'. */
export const addChinaDays = (date: string, days: number): string => {
  assertDate(date)
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD')
}

/** The first instant of a calendar date in the zone (00:00:00.000 local). */
export const startOfChinaDay = (date: string, tz: string = DEFAULT_TIMEZONE): number => {
  assertDate(date)
  return dayjs.tz(date, tz).valueOf()
}

/** The last millisecond of a calendar date in the zone (23:59:59.999 local). */
export const endOfChinaDay = (date: string, tz: string = DEFAULT_TIMEZONE): number => startOfChinaDay(addChinaDays(date, 1), tz) - 1

/** The last millisecond of the month an instant falls in, in the zone. */
export const endOfChinaMonth = (ms: number, tz: string = DEFAULT_TIMEZONE): number => endOfChinaDay(lastDateOfMonth(chinaMonth(ms, tz)), tz)

function assertDate(date: string): void {
  if (!DATE_PATTERN.test(date) || !dayjs.utc(date).isValid() || dayjs.utc(date).format('YYYY-MM-DD') !== date) {
    throw new RangeError(`not a calendar date: ${date}`)
  }
}

/** `YYYY-MM-DD HH:mm` in China (for the words of a message). */
export const chinaDateTime = (ms: number, tz: string = DEFAULT_TIMEZONE): string => inZone(ms, tz).format('YYYY-MM-DD HH:mm')
