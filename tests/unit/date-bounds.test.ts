/**
 * The date pickers' bounds (src/lib/date-bounds.ts) from what whoami answers at Asia/Shanghai
 * edges, checked against the server's own rules: the first and last dates a picker offers
 * are accepted, the day before and the day after are refused. Also the year in a date's label.
 */
import { defaultSettings, Settings, type RuleSettings } from '@contract'
import { accountHandlers } from '@server/handlers/account'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import { rectifyByProblem } from '@server/domain/rectify-by'
import { backfillTimeProblem } from '@server/domain/backfill'
import { withdrawProblem } from '@server/domain/withdraw'
import { manualEntryDateProblem, withinOneYear } from '@server/domain/ledger-range'
import {
  backfillBounds,
  backfillTimeEnd,
  clampDate,
  ledgerEntryBounds,
  ledgerExportBounds,
  ledgerExportDefault,
  ledgerExportWithFrom,
  planBounds,
  planDefault,
  rectifyByBounds,
  withFrom,
  withdrawStillOpen,
} from '@/lib/date-bounds'
import { addDays, addYears, chinaInstantOf, dateLabel } from '@/lib/china-time'
import { createFakeDb } from './fake-db'
import { inProcessPlatform } from '../helpers/platform'

/** whoami at `now` with `stored` settings: the server's China date, time and rules, as a page gets them. */
async function whoamiAt(now: number, stored: Record<string, unknown> = {}) {
  clearSettingsCache()
  const db = createFakeDb()
  if (Object.keys(stored).length) await db.collection('system').doc('settings').set({ data: stored })
  const res = await dispatch('account', accountHandlers, { action: 'whoami' }, inProcessPlatform(db, 'someone', now))
  if (!res.ok) throw new Error(res.error.message)
  const data = res.data as { today: { date: string; time: string }; rules: RuleSettings }
  return { today: data.today.date, time: data.today.time, rules: data.rules }
}

const at = (iso: string) => Date.parse(iso)
const chinaInstant = chinaInstantOf

/** Just before and at midnight in Beijing across a year's end, on a leap day, and mid-afternoon. */
const EDGES = ['2026-12-31T15:59:30Z', '2026-12-31T16:00:00Z', '2028-02-28T16:30:00Z', '2026-06-15T07:00:00Z']
const OTHER_CITY = {
  result: { dueDays: 5, maxRectifyDays: 30 },
  backfill: { maxDays: 1, minReasonLength: 10 },
  ledger: { maxBackdateDays: 7, manualPerDay: 3 },
}

describe('date pickers offer exactly what the server accepts', () => {
  for (const iso of EDGES) {
    for (const [city, stored] of [
      ['Ganzhou', {}],
      ['another city', OTHER_CITY],
    ] as const) {
      it(`at ${iso} (${city})`, async () => {
        const now = at(iso)
        const day = await whoamiAt(now, stored)
        const settings: Settings = Settings.parse(stored)
        // whoami hands the page the city's own numbers.
        expect(day.rules).toMatchObject({ result: settings.result, backfill: settings.backfill, ledger: settings.ledger })

        const rectify = rectifyByBounds(day.today, day.rules)
        expect(rectifyByProblem(rectify.start!, now, settings)).toBeNull()
        expect(rectifyByProblem(addDays(rectify.start!, -1), now, settings)).toBe('not_after_today')
        expect(rectifyByProblem(rectify.end!, now, settings)).toBeNull()
        expect(rectifyByProblem(addDays(rectify.end!, 1), now, settings)).toBe('too_far')

        const backfill = backfillBounds(day.today, day.rules)
        expect(backfillTimeProblem(chinaInstant(backfill.start!, '00:00'), now, settings)).toBeNull()
        expect(backfillTimeProblem(chinaInstant(addDays(backfill.start!, -1), '23:59'), now, settings)).toBe('too_old')
        // The latest time offered on today is the server's minute now; the next minute is in the future.
        const lastTime = backfillTimeEnd(backfill.end!, day.today, day.time)!
        expect(backfillTimeProblem(chinaInstant(backfill.end!, lastTime), now, settings)).toBeNull()
        expect(backfillTimeProblem(chinaInstant(backfill.end!, lastTime) + 60_000, now, settings)).toBe('future')
        expect(backfillTimeEnd(addDays(day.today, -1), day.today, day.time)).toBeUndefined()

        const ledger = ledgerEntryBounds(day.today, day.rules)
        expect(manualEntryDateProblem(ledger.start!, day.today, settings)).toBeNull()
        expect(manualEntryDateProblem(addDays(ledger.start!, -1), day.today, settings)).toBe('too_old')
        expect(manualEntryDateProblem(ledger.end!, day.today, settings)).toBeNull()
        expect(manualEntryDateProblem(addDays(ledger.end!, 1), day.today, settings)).toBe('future')
      })
    }
  }

  it('takes the day from the server, not from the machine running the page', async () => {
    // 00:30 on 1 January 2027 in Beijing is still 31 December in UTC.
    const day = await whoamiAt(at('2026-12-31T16:30:00Z'))
    expect(day).toMatchObject({ today: '2027-01-01', time: '00:30' })
    expect(rectifyByBounds(day.today, day.rules)).toEqual({ start: '2027-01-02', end: addDays('2027-01-01', defaultSettings().result.maxRectifyDays) })
    expect(backfillBounds(day.today, day.rules)).toEqual({ start: addDays('2027-01-01', -defaultSettings().backfill.maxDays), end: '2027-01-01' })
  })
})

describe('the withdraw form is offered while the server would accept it', () => {
  for (const [city, stored] of [
    ['Ganzhou', {}],
    ['another city', { withdraw: { windowMinutes: 45, minReasonLength: 10 } }],
  ] as const) {
    it(`(${city}) until the window's last minute by the server's clock, from the recording of a back-fill`, async () => {
      const settings: Settings = Settings.parse(stored)
      const checkInAt = at('2026-12-31T15:40:00Z')
      const window = settings.withdraw.windowMinutes * 60_000
      for (const now of [checkInAt + window, checkInAt + window + 60_000]) {
        const day = await whoamiAt(now, stored)
        const open = { checkInAt, status: 'open' }
        expect(withdrawStillOpen(open, day)).toBe(withdrawProblem(open, now, settings) === null)
      }
      const late = await whoamiAt(checkInAt + window + 60_000, stored)
      expect(withdrawStillOpen({ checkInAt, backfill: { recordedAt: checkInAt + window } }, late)).toBe(true)
      expect(withdrawStillOpen({ checkInAt }, null)).toBe(true)
    })
  }
})

describe('plan and export periods', () => {
  it('a plan begins today or later and never ends before it begins', () => {
    const today = '2026-12-27'
    expect(planDefault(today)).toEqual({ from: '2026-12-27', to: '2026-12-31' })
    const b = planBounds({ from: '2027-01-04', to: '2027-01-29' }, today)
    expect(b.from).toEqual({ start: today })
    expect(b.to).toEqual({ start: '2027-01-04', end: undefined })
    // Moving the first day past the last takes the last day along.
    expect(withFrom({ from: '2027-01-04', to: '2027-01-10' }, '2027-02-01')).toEqual({ from: '2027-02-01', to: '2027-02-01' })
    expect(withFrom({ from: '2027-01-04', to: '2027-01-10' }, '2027-01-06')).toEqual({ from: '2027-01-06', to: '2027-01-10' })
  })

  it('the ledger export offers at most a year and nothing after today, as the server accepts', () => {
    const today = '2026-12-27'
    const range = ledgerExportDefault('2025-03-01', today)
    expect(range).toEqual({ from: '2025-12-28', to: today })
    expect(withinOneYear(range.from, range.to)).toBe(true)
    expect(withinOneYear(addDays(range.from, -1), range.to)).toBe(false)
    expect(ledgerExportDefault('2026-11-02', today)).toEqual({ from: '2026-11-02', to: today })
    for (const from of ['2025-06-30', '2024-02-29', '2026-01-01']) {
      const to = ledgerExportBounds({ from, to: from }, today).to
      expect(to.start).toBe(from)
      expect(withinOneYear(from, to.end!)).toBe(true)
      if (to.end! < today) expect(withinOneYear(from, addDays(to.end!, 1))).toBe(false)
    }
    // A first day a year before the last takes the last day back within the year.
    expect(ledgerExportWithFrom({ from: '2026-06-01', to: '2026-12-20' }, '2025-01-10', today)).toEqual({ from: '2025-01-10', to: '2026-01-09' })
  })

  it('clamps a date into its bounds', () => {
    expect(clampDate('2026-12-04', { start: '2026-12-28', end: '2027-06-25' })).toBe('2026-12-28')
    expect(clampDate('2027-07-01', { start: '2026-12-28', end: '2027-06-25' })).toBe('2027-06-25')
    expect(clampDate('2027-01-01', {})).toBe('2027-01-01')
  })
})

describe('dates as people read them', () => {
  it('says the year only when it is not this year', () => {
    expect(dateLabel('2026-12-05', '2026-12-27')).toBe('12月5日')
    expect(dateLabel('2027-01-05', '2026-12-27')).toBe('2027年1月5日')
    expect(dateLabel('2024-12-05', '2026-12-27')).toBe('2024年12月5日')
    // Just after midnight on New Year's Day in Beijing, yesterday is last year.
    expect(dateLabel('2026-12-31', '2027-01-01')).toBe('2026年12月31日')
    expect(dateLabel('2027-01-05', '')).toBe('2027年1月5日')
  })

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addDays('2028-03-01', -1)).toBe('2028-02-29')
    expect(addDays('2027-01-01', -180)).toBe('2026-07-05')
    expect(addYears('2028-02-29', 1)).toBe('2029-02-28')
    expect(addYears('2026-12-27', -1)).toBe('2025-12-27')
  })
})
