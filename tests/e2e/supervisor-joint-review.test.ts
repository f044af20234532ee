/**
 * Rule 14 on the supervisor's pages, in Chromium against the H5 build: in the quiet period
 * the market bureau enters a park company on a special case and the emergency bureau joins
 * it with a special case of its own. The supervisor sees two cases on the exceptions page,
 * each with its department; from the joined department's alert one tap opens its case,
 * which is judged unjustified while the leading department's stays pending.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from '../helpers/emulator'
import { closeAll, fill, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, startApp, tap, textOf, type Phone } from './helpers'
import { caller, MARKET_DEPT, specialCaseCheckIn } from './supervisor-helpers'

const d = journeyDescribe('supervisor joint review')

/** 10:00 on 15 December 2026 in Beijing: inside the quiet production period. */
const CLOCK = '2026-12-15T02:00:00Z'
const roster = buildDemoRoster()
const PARK = roster.companies.find((c) => Number(c.id.slice(3)) >= 100 && c.inPark && !c.monitoringPoint)!
const MARKET = MARKET_DEPT
const EMERGENCY = roster.departments.find((x) => x.id === DEMO_IDS.cityEmergencyDept)!

d('supervisor reviews a joint inspection’s special cases one department at a time (H5)', () => {
  jest.setTimeout(150_000)
  let app: TestEmulator
  let sup: Phone
  let api: ReturnType<typeof caller>
  let id = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    api = caller(app)
    const lead = await specialCaseCheckIn(api, 'demo-officer-1', PARK, 'e2e-joint-review-1')
    id = lead.inspection.id
    await specialCaseCheckIn(api, 'demo-officer-3', PARK, 'e2e-joint-review-2', 'high_risk', {
      source: 'referral',
      sourceRef: 'YS-2026-3001',
      joinInspectionId: id,
    })
    sup = await openPhone()
  })
  afterAll(() => closeAll(sup, app))

  it('lists one case per department, each naming its department and the joint inspection', async () => {
    await loginAs(sup, app, 'demo-supervisor-city')
    await openPage(sup, app, '/supervisor/exceptions/index')
    const lead = `#exception-${id}-${MARKET.id}`
    const joined = `#exception-${id}-${EMERGENCY.id}`
    await see(sup, lead)
    await see(sup, joined)
    expect(await textOf(sup, lead)).toContain(MARKET.name)
    expect(await textOf(sup, lead)).toContain('联合检查牵头')
    expect(await textOf(sup, joined)).toContain(EMERGENCY.name)
    expect(await textOf(sup, joined)).toContain(`加入${MARKET.name}的联合检查`)
    expect(await textOf(sup, joined)).toContain(PARK.name)
  })

  it('one tap from the joined department’s alert opens its case; judged unjustified, the leading case stays pending', async () => {
    await openPage(sup, app, '/supervisor/alerts/index')
    const alert = `#alert-pending_exception_j1_${id}`
    await see(sup, alert)
    expect(await textOf(sup, alert)).toContain(EMERGENCY.name)
    await tap(sup, alert)
    const joined = `#exception-${id}-${EMERGENCY.id}`
    await see(sup, `${joined} #btn-unjustified`)
    await fill(sup, 'input-comment', '该企业不属于重点监管对象，无重大风险依据，不属于特殊情形。')
    await screenshot(sup, 'supervisor-exceptions-joint')
    await tap(sup, `${joined} #btn-unjustified`)
    await see(sup, '#review-done')
    expect(await textOf(sup, '#review-done')).toContain(EMERGENCY.name)
    await see(sup, `#exception-${id}-${MARKET.id}`)
    expect(await sup.page.locator(joined).count()).toBe(0)

    const pending = await api.must('demo-supervisor-city', 'supervision', 'exceptions', { status: 'pending' })
    const unjustified = await api.must('demo-supervisor-city', 'supervision', 'exceptions', { status: 'unjustified' })
    const mine = (list: { items: Array<{ id: string; reviewCase: { deptId: string } }> }) =>
      list.items.filter((i) => i.id === id).map((i) => i.reviewCase.deptId)
    expect(mine(pending)).toEqual([MARKET.id])
    expect(mine(unjustified)).toEqual([EMERGENCY.id])
  })

  it('the inspection’s detail shows each department’s special case with its own verdict', async () => {
    await openPage(sup, app, `/supervisor/inspection/index?id=${id}`)
    await see(sup, `#insp-join-${EMERGENCY.id}`)
    expect(await textOf(sup, `#insp-join-${EMERGENCY.id}`)).toMatch(new RegExp(`${EMERGENCY.name}.*特殊情形.*不合理`))
    await see(sup, '#timeline')
    expect(await textOf(sup, '#timeline')).toContain(`监督审核${EMERGENCY.name}的特殊情形：不成立`)
    await screenshot(sup, 'supervisor-inspection-joint')
  })
})
