import { defaultSettings, type Settings } from '@contract'
import { quietPeriodAppliesTo, quietPeriodBlocks, quietPeriodStatus } from '@server/domain/quiet-period'

const at = (iso: string) => Date.parse(iso)
const ganzhou = defaultSettings()
const withQuiet = (patch: Partial<Settings['quietPeriod']>): Settings => ({ ...ganzhou, quietPeriod: { ...ganzhou.quietPeriod, ...patch } })

describe('quietPeriodStatus (Ganzhou: days 1–25, Asia/Shanghai)', () => {
  it('is still the 25th in Beijing at 15:59:59Z → active', () => {
    const s = quietPeriodStatus(at('2026-03-25T15:59:59Z'), ganzhou)
    expect(s).toMatchObject({ date: '2026-03-25', active: true, windowEnd: '2026-03-25', firstDay: 1, lastDay: 25, scope: 'park' })
  })

  it('is the 26th in Beijing at 16:00:00Z → inactive', () => {
    const s = quietPeriodStatus(at('2026-03-25T16:00:00Z'), ganzhou)
    expect(s).toMatchObject({ date: '2026-03-26', active: false, windowEnd: null })
  })

  it('is April 1st 00:00 in Beijing while UTC still says March 31st → active', () => {
    const s = quietPeriodStatus(at('2026-03-31T16:00:00Z'), ganzhou)
    expect(s).toMatchObject({ date: '2026-04-01', active: true, windowEnd: '2026-04-25' })
  })

  it('is inactive on the last evening of March in Beijing', () => {
    expect(quietPeriodStatus(at('2026-03-31T15:59:59Z'), ganzhou).active).toBe(false)
  })

  it('crosses December → January on the China day', () => {
    expect(quietPeriodStatus(at('2026-12-31T15:00:00Z'), ganzhou)).toMatchObject({ date: '2026-12-31', active: false })
    expect(quietPeriodStatus(at('2026-12-31T16:00:00Z'), ganzhou)).toMatchObject({ date: '2027-01-01', active: true, windowEnd: '2027-01-25' })
  })

  it('ends on the last day of a short month when lastDay is past it', () => {
    const toMonthEnd = withQuiet({ lastDay: 31 })
    expect(quietPeriodStatus(at('2026-02-28T03:00:00Z'), toMonthEnd)).toMatchObject({ active: true, windowEnd: '2026-02-28' })
    expect(quietPeriodStatus(at('2028-02-29T03:00:00Z'), toMonthEnd)).toMatchObject({ active: true, windowEnd: '2028-02-29' })
    expect(quietPeriodStatus(at('2026-02-28T16:00:00Z'), toMonthEnd)).toMatchObject({ date: '2026-03-01', active: true, windowEnd: '2026-03-31' })
    expect(quietPeriodStatus(at('2026-04-30T03:00:00Z'), toMonthEnd)).toMatchObject({ active: true, windowEnd: '2026-04-30' })
  })

  it('covers Feb 28 / Feb 29 with the Ganzhou window (outside it)', () => {
    expect(quietPeriodStatus(at('2026-02-28T03:00:00Z'), ganzhou).active).toBe(false)
    expect(quietPeriodStatus(at('2028-02-29T03:00:00Z'), ganzhou).active).toBe(false)
  })

  it('has no window in a month shorter than firstDay', () => {
    expect(quietPeriodStatus(at('2026-02-28T03:00:00Z'), withQuiet({ firstDay: 30, lastDay: 31 })).active).toBe(false)
    expect(quietPeriodStatus(at('2026-03-30T03:00:00Z'), withQuiet({ firstDay: 30, lastDay: 31 })).active).toBe(true)
  })

  it('is never active when disabled', () => {
    expect(quietPeriodStatus(at('2026-03-10T03:00:00Z'), withQuiet({ enabled: false })).active).toBe(false)
  })

  it('uses the configured time zone', () => {
    const utcCity = { ...ganzhou, timezone: 'UTC' }
    expect(quietPeriodStatus(at('2026-03-31T16:00:00Z'), utcCity)).toMatchObject({ date: '2026-03-31', active: false })
  })
})

describe('quietPeriodAppliesTo', () => {
  it('covers only park companies with scope park', () => {
    expect(quietPeriodAppliesTo({ inPark: true }, ganzhou)).toBe(true)
    expect(quietPeriodAppliesTo({ inPark: false }, ganzhou)).toBe(false)
  })

  it('covers every company with scope all', () => {
    const all = withQuiet({ scope: 'all' })
    expect(quietPeriodAppliesTo({ inPark: false }, all)).toBe(true)
    expect(quietPeriodStatus(at('2026-03-10T03:00:00Z'), all).scope).toBe('all')
  })

  it('blocks a park company inside the window only', () => {
    expect(quietPeriodBlocks(at('2026-03-25T15:59:59Z'), { inPark: true }, ganzhou)).toBe(true)
    expect(quietPeriodBlocks(at('2026-03-25T15:59:59Z'), { inPark: false }, ganzhou)).toBe(false)
    expect(quietPeriodBlocks(at('2026-03-25T16:00:00Z'), { inPark: true }, ganzhou)).toBe(false)
  })
})
