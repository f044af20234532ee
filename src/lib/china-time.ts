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

/** `YYYY-MM` of a China date `YYYY-MM-DD`. */
export const monthOf = (date: string) => date.slice(0, 7)

/** The last China date of a month: `2026-02` → `2026-02-28`. */
export function lastDateOfMonthOf(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${pad(days)}`
}
