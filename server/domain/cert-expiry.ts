import { endOfChinaDay } from './china-time'

/** `certExpiresAt` as typed: epoch ms or ISO (already an instant), or a date = valid through that China day. */
export const certExpiryInstant = (value: number | string, tz: string): number => (typeof value === 'number' ? value : endOfChinaDay(value, tz))
