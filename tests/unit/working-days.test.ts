/** The working-day calendar: the library, the years the settings add, and the warning before it runs out (rule 10, 21). */
import { Settings } from '@contract'
import { addWorkingDays, calendarKnownUntil, calendarWarning, isChinaWorkday, libraryKnowsThrough } from '../../server/domain/working-days'
import { complaintDueAt } from '../../server/domain/complaints'
import { endOfChinaDay } from '../../server/domain/china-time'

/** A 2027 as an operator might enter it: Spring Festival off 8–12 February, Saturday 20 February worked. */
const WITH_2027 = Settings.parse({
  calendar: {
    years: [{ year: 2027, holidays: ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'], workdays: ['2027-02-20'] }],
    warnDaysBefore: 60,
  },
}).calendar
const LIBRARY_ONLY = Settings.parse({}).calendar

describe('working days', () => {
  it('takes holidays and make-up days from the library for the years it knows', () => {
    expect(libraryKnowsThrough()).toBe(2026)
    expect(addWorkingDays('2026-09-29', 15)).toBe('2026-10-26')
    expect(isChinaWorkday('2026-10-01')).toBe(false)
  })

  it('knows no 2027 holidays without the settings: only weekends are off', () => {
    expect(addWorkingDays('2027-02-05', 1, LIBRARY_ONLY)).toBe('2027-02-08')
  })

  it('adds the holidays and make-up working days the settings name, and they win over the library', () => {
    expect(addWorkingDays('2027-02-05', 1, WITH_2027)).toBe('2027-02-15')
    expect(isChinaWorkday('2027-02-20', WITH_2027)).toBe(true)
    expect(addWorkingDays('2027-02-19', 1, WITH_2027)).toBe('2027-02-20')
    const override = Settings.parse({ calendar: { years: [{ year: 2026, holidays: [], workdays: ['2026-10-01'] }], warnDaysBefore: 60 } }).calendar
    expect(isChinaWorkday('2026-10-01', override)).toBe(true)
  })

  it('moves a complaint’s due date past a holiday entered in the settings', () => {
    const settings = Settings.parse({ calendar: WITH_2027 })
    const received = Date.parse('2027-01-25T02:00:00Z') // Monday 25 January 2027, 10:00 in Beijing
    expect(complaintDueAt(received, Settings.parse({}))).toBe(endOfChinaDay('2027-02-15'))
    // 8–12 February off, Saturday 20 February worked: the 15th working day is that Saturday.
    expect(complaintDueAt(received, settings)).toBe(endOfChinaDay('2027-02-20'))
  })

  it('warns 60 days before the known calendar runs out, and not once the next year is entered', () => {
    expect(calendarKnownUntil(LIBRARY_ONLY)).toBe('2026-12-31')
    expect(calendarKnownUntil(WITH_2027)).toBe('2027-12-31')
    expect(calendarWarning('2026-10-31', LIBRARY_ONLY)).toBeNull()
    expect(calendarWarning('2026-11-01', LIBRARY_ONLY)).toMatch(/只到2026年12月31日.*2027年/)
    expect(calendarWarning('2027-01-10', LIBRARY_ONLY)).toMatch(/已于2026年12月31日用完/)
    expect(calendarWarning('2026-12-15', WITH_2027)).toBeNull()
    expect(calendarWarning('2027-11-15', WITH_2027)).toMatch(/2028年/)
  })
})
