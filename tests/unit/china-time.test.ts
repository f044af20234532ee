import {
  addChinaDays,
  chinaDate,
  chinaMonth,
  dayOfMonth,
  daysInMonth,
  endOfChinaDay,
  endOfChinaMonth,
  lastDateOfMonth,
  startOfChinaDay,
} from '@server/domain/china-time'

const at = (iso: string) => Date.parse(iso)

describe('China days from UTC instants', () => {
  it('puts 16:00Z on the next China day', () => {
    expect(chinaDate(at('2026-03-25T15:59:59.999Z'))).toBe('2026-03-25')
    expect(chinaDate(at('2026-03-25T16:00:00Z'))).toBe('2026-03-26')
    expect(dayOfMonth(at('2026-03-31T16:00:00Z'))).toBe(1)
    expect(chinaMonth(at('2026-12-31T16:00:00Z'))).toBe('2027-01')
  })

  it('starts and ends a China day at 16:00Z', () => {
    expect(startOfChinaDay('2026-03-26')).toBe(at('2026-03-25T16:00:00Z'))
    expect(endOfChinaDay('2026-03-26')).toBe(at('2026-03-26T15:59:59.999Z'))
    expect(endOfChinaMonth(at('2028-02-10T00:00:00Z'))).toBe(at('2028-02-29T15:59:59.999Z'))
  })

  it('does calendar arithmetic across months, years and leap days', () => {
    expect(addChinaDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(addChinaDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addChinaDays('2026-03-01', -1)).toBe('2026-02-28')
    expect(daysInMonth('2026-02')).toBe(28)
    expect(lastDateOfMonth('2028-02')).toBe('2028-02-29')
  })

  it('refuses what is not a calendar date', () => {
    expect(() => startOfChinaDay('2026-02-30')).toThrow(RangeError)
    expect(() => addChinaDays('26-1-1', 1)).toThrow(RangeError)
  })
})
