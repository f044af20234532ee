/**
 * Display of instants and dates in China time (UTC+8, no DST), whatever the phone's time
 * zone. Instants are epoch ms; dates are China dates `YYYY-MM-DD` as the server sends them.
 */

const CHINA_OFFSET_MS = 8 * 3600 * 1000
const pad = (n: number) => String(n).padStart(2, '0')

function parts(ms: number) {
  const d = new Date(ms + CHINA_OFFSET_MS)
  return { y: d.getUTCFullYear(), m: d.getUTCMonth() + 1, d: d.getUTCDate(), h: d.getUTCHours(), min: d.getUTCMinutes() }
}

/** `12月12日 10:05` */
export function chinaDateTime(ms: number): string {
  const p = parts(ms)
  return `${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`
}

/** `2026年12月12日 10:05` */
export function chinaLongDateTime(ms: number): string {
  const p = parts(ms)
  return `${p.y}年${p.m}月${p.d}日 ${pad(p.h)}:${pad(p.min)}`
}

/** `2026年12月12日` */
export function chinaLongDate(ms: number): string {
  const p = parts(ms)
  return `${p.y}年${p.m}月${p.d}日`
}

/** `12月25日` of an instant. */
export function chinaMonthDay(ms: number): string {
  const p = parts(ms)
  return `${p.m}月${p.d}日`
}

/** The instant a person in China means by a date and a time (`HH:mm`). */
export const chinaInstantOf = (date: string, time: string): number => Date.parse(`${date}T${time}:00+08:00`)

/** `YYYY-MM-DD` of the China day `ms` falls in. */
export function chinaDateOf(ms: number): string {
  const p = parts(ms)
  return `${p.y}-${pad(p.m)}-${pad(p.d)}`
}

/** `YYYY-MM-DD` → `12月25日` */
export function monthDayOf(date: string): string {
  const m = /^\d{4}-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${Number(m[1])}月${Number(m[2])}日` : date
}

/** `YYYY-MM-DD` → `2026年12月12日` */
export function longDate(date: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : date
}

/** A China date as people read it: `12月25日` in the year of `today`, `2027年1月5日` in another (or with no `today`). */
export function dateLabel(date: string, today: string): string {
  return /^\d{4}-/.test(today) && date.slice(0, 4) === today.slice(0, 4) ? monthDayOf(date) : longDate(date)
}

/** Calendar arithmetic on China dates (no zone involved): `addDays('2026-12-31', 1)` → `2027-01-01`. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const t = new Date(Date.UTC(y, m - 1, d + days))
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
}

/** The same day `years` years on; a 29 February with no match falls on the 28th (`2028-02-29` + 1 → `2029-02-28`). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number)
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate()
  return `${y + years}-${pad(m)}-${pad(Math.min(d, last))}`
}

/** `YYYY-MM` of a China date `YYYY-MM-DD`. */
export const monthOf = (date: string) => date.slice(0, 7)

/** The last China date of a month: `2026-02` → `2026-02-28`. */
export function lastDateOfMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${pad(days)}`
}
