import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { complaintCheckIn, rectifyResult } from '../helpers/visits'
import { MiniProgram } from './standin/miniprogram'

/**
 * The company rates an inspection on the weapp build (WeChat stand-in) against the emulator:
 * the officers check in and record a result through the cloud; the company contact opens the
 * rating code (the page WeChat opens with `scene`), sees the summary, gives 2 stars with a
 * tag, and is offered a complaint. The cloud keeps one rating of 2.
 */

/** 27 November: outside the quiet period, so the officers check in without a special case. */
const CLOCK = '2026-11-27T02:00:00Z'
const PARK = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const MARKET = buildDemoRoster().departments.find((d) => d.id === DEMO_IDS.cityMarketDept)!

let emulator: TestEmulator
let mp: MiniProgram | undefined
let inspectionId = ''
let ratingToken = ''

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo', clock: CLOCK })
  const officer1 = await emulator.login('demo-officer-1')
  const officer2 = await emulator.login('demo-officer-2')
  const first = await complaintCheckIn(emulator, officer1, PARK, 'weapp-rate-checkin-1')
  expect(first).toMatchObject({ ok: true })
  inspectionId = first.data.inspection.id
  expect(await complaintCheckIn(emulator, officer2, PARK, 'weapp-rate-checkin-2')).toMatchObject({ ok: true })
  const result = await rectifyResult(emulator, officer1, inspectionId, '消防通道堆放杂物，灭火器过期2具。', '2026-12-10')
  expect(result).toMatchObject({ ok: true })
  ratingToken = result.data.rating.token
}, 60_000)
afterAll(async () => {
  mp?.close()
  await emulator?.close()
})

jest.setTimeout(60_000)

test('the rating code opens the summary; 2 stars with a tag are kept, and a complaint is offered', async () => {
  mp = await MiniProgram.launch({ emulator, openid: 'demo-enterprise-1', url: `enterprise/rate/index?scene=${encodeURIComponent(ratingToken)}` })
  await mp.see({ id: 'rating-summary' })
  await mp.see({ text: MARKET.name })
  await mp.see({ text: '张伟、李娜' })
  await mp.see({ text: /^责令整改（整改期限：2026年12月10日）：消防通道堆放杂物/ })
  for (const n of [1, 2, 3, 4, 5]) await mp.see({ id: `score-${n}` })

  await mp.tap({ id: 'score-2' })
  await mp.tap({ id: 'tag-5' })
  await mp.tap({ id: 'btn-rate' })
  await mp.see({ id: 'rate-done' })
  await mp.see({ text: '★★☆☆☆ 不满意' })
  await mp.see({ id: 'btn-complain' })
  expect(mp.fakes.calls).toContain('enterprise.rate')

  const company = await emulator.login('demo-enterprise-1')
  const list = await emulator.call('enterprise', 'inspections', {}, company)
  const insp = list.data.items.find((i: { id: string }) => i.id === inspectionId)
  expect(insp.rating).toEqual({ state: 'rated', score: 2 })

  await mp.tap({ id: 'btn-complain' })
  await mp.waitForRoute('enterprise/complain/index')
  await mp.see({ id: 'complain-about' })
  expect(mp.problems).toEqual([])
})
