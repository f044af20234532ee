/**
 * Release 2 at the gate, in Chromium against the H5 build (SPEC §2 rules 14–20): an
 * officer of a second department joins another department's inspection as a joint
 * inspection, records a no-penalty result citing the leniency list, reads the timeline;
 * an officer withdraws a wrong scan after confirming; the department's plans and the
 * back-fill form; the quiet-period path keeps the confirm button on screen at 375×812.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import { approvedMarketPlan } from '../helpers/plans'
import { planCheckIn } from '../helpers/visits'
import type { TestEmulator } from '../helpers/emulator'
import { atGate, closeAll, fill, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, seeText, startApp, tap, textOf } from './helpers'
import { visible } from './helpers'
import type { Phone } from './helpers'

const d = journeyDescribe('officer joint')

/** 10:00 on 27 December 2026 in Beijing: after the quiet production period. */
const CLOCK = '2026-12-27T02:00:00Z'
const roster = buildDemoRoster()
const towns = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint).slice(-12)
const [JOINT, WRONG, BACKFILL] = towns
const PARK = roster.companies.find((c) => Number(c.id.slice(3)) >= 100 && c.inPark && !c.monitoringPoint)!

/** The confirm button sits inside the 375×812 viewport without scrolling. */
async function confirmOnScreen(phone: Phone): Promise<void> {
  const box = await phone.page.locator(visible('#btn-checkin')).first().boundingBox()
  expect(box).not.toBeNull()
  expect(box!.y).toBeGreaterThanOrEqual(0)
  expect(box!.y + box!.height).toBeLessThanOrEqual(812)
}

d('officer joint journey (H5)', () => {
  jest.setTimeout(150_000)
  let app: TestEmulator
  let market: Phone
  let emergency: Phone
  let jointId = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    await approvedMarketPlan(app, [JOINT.id, WRONG.id, BACKFILL.id, PARK.id])
    const opened = await planCheckIn(app, await app.login('demo-officer-1'), JOINT, 'e2e-joint-lead-0001')
    jointId = opened.data.inspection.id
    market = await openPhone({ geolocation: atGate(WRONG) })
    emergency = await openPhone({ geolocation: atGate(JOINT) })
  })
  afterAll(() => closeAll(market, emergency, app))

  it('an emergency-management officer joins the market bureau’s inspection as a joint inspection in 3 taps', async () => {
    await loginAs(emergency, app, 'demo-officer-3')
    await openPage(emergency, app, `/officer/preview/index?scene=${encodeURIComponent(`c=${JOINT.id}`)}`)
    await see(emergency, '#open-inspection')
    await seeText(emergency, /正在检查该企业，可联合检查/)
    expect(await textOf(emergency, '#btn-checkin')).toBe('联合检查')
    await confirmOnScreen(emergency)
    emergency.resetTaps()
    await tap(emergency, '#source-complaint')
    await fill(emergency, 'input-source-ref', 'TS-2026-1207')
    await screenshot(emergency, 'officer-preview-joint')
    await tap(emergency, '#btn-checkin')
    await see(emergency, '#checkin-done')
    expect(emergency.taps).toBeLessThanOrEqual(3)
    const detail = await app.call('inspection', 'detail', { inspectionId: jointId }, await app.login('demo-officer-3'))
    expect(detail.data.inspection).toMatchObject({ joint: true, deptIds: [DEMO_IDS.cityMarketDept, DEMO_IDS.cityEmergencyDept] })
  })

  it('the joining department records its own no-penalty result, citing the list at hand', async () => {
    await openPage(emergency, app, '/officer/my-inspections/index')
    await see(emergency, '.inspection-item')
    await tap(emergency, '.inspection-item')
    await see(emergency, '#timeline')
    await seeText(emergency, /联合检查：王强 加入/)
    await screenshot(emergency, 'officer-inspection-detail')
    await tap(emergency, '#btn-to-record')
    await see(emergency, '#btn-record')
    await tap(emergency, '#outcome-no_penalty')
    await see(emergency, '#leniency-picker')
    await tap(emergency, '#leniency-safety-1')
    await fill(emergency, 'input-findings', '未在有较大危险因素的场所设置明显的安全警示标志，当场改正。')
    await screenshot(emergency, 'officer-record-no-penalty')
    await tap(emergency, '#btn-record')
    await see(emergency, '#rating-qr')
    const detail = await app.call('inspection', 'detail', { inspectionId: jointId }, await app.login('demo-officer-3'))
    expect(detail.data.inspection.results).toEqual([
      expect.objectContaining({ deptId: DEMO_IDS.cityEmergencyDept, outcome: 'no_penalty', leniencyItemId: 'safety-1' }),
    ])
    expect(detail.data.inspection.status).toBe('open')
  })

  it('an officer withdraws a wrong scan after confirming', async () => {
    const token = await app.login('demo-officer-1')
    const wrong = await planCheckIn(app, token, WRONG, 'e2e-wrong-scan-0001')
    await loginAs(market, app, 'demo-officer-1')
    await openPage(market, app, `/officer/inspection/index?id=${wrong.data.inspection.id}`)
    await see(market, '#withdraw-section')
    await fill(market, 'input-withdraw-reason', '误扫了隔壁企业的企检码，实际未进入该企业')
    await tap(market, '#btn-withdraw')
    await seeText(market, '撤回这次入企登记？')
    await screenshot(market, 'officer-withdraw-confirm')
    await market.page.getByText('确认撤回').locator('visible=true').first().click()
    await see(market, '#status-badge')
    await seeText(market, '已撤回')
    await screenshot(market, 'officer-inspection-withdrawn')
    const after = await app.call('inspection', 'detail', { inspectionId: wrong.data.inspection.id }, token)
    expect(after.data.inspection.status).toBe('withdrawn')
  })

  it('the department’s plans lead to the back-fill form', async () => {
    await openPage(market, app, '/officer/plans/index')
    await see(market, `#backfill-${BACKFILL.id}`)
    await seeText(market, '岁末食品安全联合检查')
    await screenshot(market, 'officer-plans')
    await tap(market, `#backfill-${BACKFILL.id}`)
    await see(market, '#btn-backfill')
    await fill(market, 'input-reason', '企业门口企检码被遮挡，现场无网络')
    await screenshot(market, 'officer-backfill')
    await tap(market, '#btn-backfill')
    await seeText(market, /请填写入企日期、入企时间/)
  })

  it('in the quiet period the confirm button stays on screen with the special cases open; a service visit is one choice away', async () => {
    await app.setClock('2026-12-12T02:00:00Z')
    await openPage(market, app, `/officer/preview/index?scene=${encodeURIComponent(`c=${PARK.id}`)}`)
    await see(market, '#exception-picker')
    await confirmOnScreen(market)
    await tap(market, '#btn-checkin')
    await see(market, '#error')
    await confirmOnScreen(market)
    await tap(market, '#exception-other')
    await see(market, '#input-reason')
    await confirmOnScreen(market)
    await screenshot(market, 'officer-preview-quiet-special-case')
    await tap(market, '#service-policy')
    await see(market, '#btn-service')
    await screenshot(market, 'officer-service-visit')
    await tap(market, '#btn-service')
    await seeText(market, '已登记入企服务')
  })
})
