import { z } from 'zod'

/** Shared building blocks of the contract: dates, instants, ids, places. */

export const Id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '只能包含字母、数字、下划线和连字符')
export type Id = z.infer<typeof Id>

function isCalendarDate(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number)
  return y >= 1970 && d <= new Date(Date.UTC(y, m, 0)).getUTCDate()
}

/** A calendar date in China (Asia/Shanghai), `YYYY-MM-DD`. */
export const ChinaDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, '日期格式应为 YYYY-MM-DD')
  // A day that exists (no 02-30), from 1970 on: the rules turn dates into instants ≥ 0.
  .refine(isCalendarDate, '日期不存在（或早于 1970 年）')
export type ChinaDate = z.infer<typeof ChinaDate>

/** A calendar month in China, `YYYY-MM`. */
export const Month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM')
/** A month asked for: from 1971 on (its figures and trend, a year back, stay in the epoch, as dates do). */
export const MonthInput = Month.refine((m) => m >= '1971-01', '月份不能早于 1971 年')
export type Month = z.infer<typeof Month>

/** An instant: UTC epoch milliseconds. Input also accepts an ISO 8601 string. */
export const Instant = z.number().int().min(0).max(8.64e15)
export const InstantInput = z.union([Instant, z.iso.datetime({ offset: true }).transform((s) => Date.parse(s))])

/** Free text typed by a person: trimmed, bounded. */
export const text = (max: number, min = 1) => z.string().trim().min(min).max(max)

/** A county code (6 digits, e.g. 360702) or the city code (4 digits, e.g. 3607). */
export const RegionCode = z.string().regex(/^\d{4}(\d{2})?$/, '地区代码应为 4 位（市）或 6 位（县区）')
export type RegionCode = z.infer<typeof RegionCode>

export const LatLng = z.object({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
})
export type LatLng = z.infer<typeof LatLng>

export const GeoFix = LatLng.extend({ accuracy: z.number().min(0).max(100000) })
export type GeoFix = z.infer<typeof GeoFix>

export const Scale = z.enum(['large', 'medium', 'small', 'micro'])
export type Scale = z.infer<typeof Scale>

export const Role = z.enum(['officer', 'enterprise', 'deptAdmin', 'supervisor', 'admin'])
export type Role = z.infer<typeof Role>

/** Pagination cursor: opaque to the client. */
export const Cursor = z.string().max(200)

/** An image as a data URL (emulator) or a cloud fileID / temp URL (cloud). */
export const ImageRef = z.string()

/** A WeChat mini-program code's payload: the scene (≤ 32 visible chars) and page path. */
export const Scene = z
  .string()
  .min(1)
  .max(32)
  .regex(/^[\x21-\x7e]+$/, 'scene 只能包含可见 ASCII 字符')
  .refine((s) => !s.includes('%'), 'scene 不能包含 %')
export const CodePayload = z.object({ scene: Scene, path: z.string() })
