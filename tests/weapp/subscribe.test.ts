import { buildDemoRoster } from '../../emulator/seed/demo'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { MiniProgram } from './standin/miniprogram'

/**
 * Rule 22 on the weapp build: the officer is asked to subscribe to the result-deadline
 * reminder with the tap that checks in (WeChat allows the request only inside a tap), with
 * the template id the cloud's environment configures and whoami hands to the app.
 */

const CLOCK = '2026-12-26T02:00:00Z'
const TOWN = buildDemoRoster().companies.find((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint)!
const gateCode = (companyId: string) => ({ path: `officer/preview/index?scene=${encodeURIComponent(`c=${companyId}`)}` })

let emulator: TestEmulator
beforeAll(async () => {
  emulator = await startTestEmulator({
    seed: 'demo',
    clock: CLOCK,
    env: {
      TEMPLATE_OVERDUE_REMINDER: 'tpl-overdue-reminder',
      TEMPLATE_CHECKIN_NOTICE: 'tpl-checkin-notice',
      TEMPLATE_RESULT_NOTICE: 'tpl-result-notice',
      TEMPLATE_COMPLAINT_UPDATE: 'tpl-complaint-update',
    },
  })
}, 60_000)
afterAll(async () => {
  await emulator?.close()
})

test('the check-in tap asks for the reminder subscription with the configured template', async () => {
  const mp = await MiniProgram.launch({
    emulator,
    openid: 'demo-officer-3',
    location: { latitude: TOWN.location.lat, longitude: TOWN.location.lng, accuracy: 20 },
  })
  try {
    await mp.see({ id: 'user-card' })
    expect(mp.fakes.subscribeRequests).toEqual([])
    mp.fakes.scans.push(gateCode(TOWN.id))
    await mp.tap({ id: 'tile-scan' })
    await mp.waitForRoute('officer/preview/index')
    await mp.see({ id: 'company-name' })
    await mp.tap({ id: 'btn-checkin' })
    expect(mp.fakes.subscribeRequests).toEqual([['tpl-overdue-reminder']])
    expect(mp.problems).toEqual([])
  } finally {
    mp.close()
  }
})

test('the company’s first visit to its inspections offers the notices, asked with one tap, and only once', async () => {
  const mp = await MiniProgram.launch({ emulator, openid: 'demo-enterprise-2' })
  try {
    await mp.see({ id: 'user-card' })
    await mp.tap({ id: 'tile-inspections' })
    await mp.waitForRoute('enterprise/inspections/index')
    await mp.see({ id: 'subscribe-card' })
    await mp.tap({ id: 'btn-subscribe' })
    expect(mp.fakes.subscribeRequests).toEqual([['tpl-checkin-notice', 'tpl-result-notice']])
    await mp.settle(50)
    expect(mp.find({ id: 'subscribe-card' })).toBeFalsy()
    expect(mp.problems).toEqual([])
  } finally {
    mp.close()
  }
})

test('filing a complaint asks, in the same tap, for its progress messages', async () => {
  const mp = await MiniProgram.launch({ emulator, openid: 'demo-enterprise-2', url: 'enterprise/complain/index' })
  try {
    await mp.see({ id: 'category-picker' })
    await mp.tap({ id: 'category-attitude' })
    await mp.input('input-content', '检查人员态度生硬，多次打断企业负责人的说明，希望监督部门核实。')
    await mp.tap({ id: 'btn-complain' })
    await mp.see({ id: 'complain-done' })
    expect(mp.fakes.subscribeRequests).toEqual([['tpl-complaint-update']])
    expect(mp.problems).toEqual([])
  } finally {
    mp.close()
  }
})
