import { DEMO_IDS } from '../../emulator/seed/demo-roster'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { MiniProgram } from './standin/miniprogram'
import { textOf } from './standin/templates'

/**
 * The city supervisor's dashboard on the weapp build (WeChat stand-in) against the emulator
 * with the demo data: the month, the figure cards as the cloud counts them, the bars by
 * department; switching the bar metric and a card that opens its list.
 */

const CLOCK = '2026-12-15T02:00:00Z'
let emulator: TestEmulator
let mp: MiniProgram | undefined

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo', clock: CLOCK })
}, 60_000)
afterAll(async () => {
  mp?.close()
  await emulator?.close()
})
jest.setTimeout(60_000)

const textById = (id: string) => {
  const el = mp!.find({ id })
  return el ? textOf(el).trim() : null
}

test('the dashboard shows the cloud figures of the month; the bar metric switches; a card opens its list', async () => {
  const token = await emulator.login('demo-supervisor-city')
  const board = await emulator.call('supervision', 'dashboard', { month: '2026-12' }, token)
  expect(board.ok).toBe(true)
  const t = board.data.totals

  mp = await MiniProgram.launch({ emulator, openid: 'demo-supervisor-city' })
  await mp.tap({ id: 'tile-dashboard' })
  await mp.waitForRoute('supervisor/dashboard/index')
  await mp.see({ id: 'card-bad-ratings-value' })
  expect(textById('month-picker-value')).toBe('2026年12月')
  expect(textById('card-inspections-value')).toBe(String(t.inspections))
  expect(textById('card-bad-ratings-value')).toBe(String(t.ratings.bad))
  expect(textById('card-exceptions-unjustified-value')).toBe(String(t.quietExceptions.unjustified))
  expect(textById('card-complaints-open-value')).toBe(String(t.complaints.open))
  // The rows of rules 17–20, and the service visits' average withheld below the threshold.
  expect(textById('fig-no-penalty-value')).toBe(String(t.noPenalty))
  expect(textById('fig-backfills-value')).toBe(String(t.backfills))
  expect(textById('fig-withdrawn-value')).toBe(String(t.withdrawn))
  expect(textById('fig-service-visits-value')).toBe(String(t.serviceVisits))
  expect(t.hidden).toContain('serviceRatings.avg')
  expect(textById('fig-service-bad-note')).toContain('平均分不公开')
  // 不予处罚 has no list of its own: it shows the departments' bars by that figure.
  await mp.tap({ id: 'fig-no-penalty' })
  await mp.waitFor(() => /\d+起/.test(textById('dept-bars') ?? ''), 'bars of no-penalty results')
  await mp.tap({ id: 'bar-metric-inspections' })
  await mp.see({ id: 'dept-bars' })
  await mp.see({ id: 'region-picker' })
  expect(textById(`dept-bars-${DEMO_IDS.cityMarketDept}`)).toMatch(/\d+次/)

  // By 例外待审: the demo month has pending exceptions, counted in 起.
  expect(t.quietExceptions.pending).toBeGreaterThan(0)
  await mp.tap({ id: 'bar-metric-pending' })
  await mp.waitFor(() => /\d+起/.test(textById('dept-bars') ?? ''), 'bars counted in 起')
  // By 不合理例外: none in the demo month is said in words, not shown as an empty chart.
  await mp.tap({ id: 'bar-metric-unjustified' })
  if (t.quietExceptions.unjustified === 0) await mp.see({ text: '本月各部门不合理例外均为 0' })
  else await mp.waitFor(() => /\d+起/.test(textById('dept-bars') ?? ''), 'bars of unjustified exceptions')

  await mp.tap({ id: 'card-bad-ratings' })
  await mp.waitForRoute('supervisor/alerts/index')
  await mp.waitFor(() => mp!.text().length > 20, 'the alerts list')
  expect(mp.problems).toEqual([])
})
