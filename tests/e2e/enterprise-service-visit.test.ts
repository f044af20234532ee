/**
 * Rule 19 in Chromium against the H5 build: the town company's contact opens its records,
 * switches to 入企服务, sees the visit it rated (with its stars) and one it can still rate,
 * rates an officer's fresh service visit from the list with a bad score — the rate page
 * shows the purpose, not a result — and is back to the list with the visit rated. The
 * county supervisor gets the bad rating's alert naming the service visit and follows it up
 * from the alerts page. The officer's side is driven through the API.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from '../helpers/emulator'
import { policyServiceVisit } from '../helpers/visits'
import {
  closeAll,
  confirmDialog,
  fill,
  journeyDescribe,
  loginAs,
  openPage,
  openPhone,
  screenshot,
  see,
  seeText,
  tap,
  textOf,
  startApp,
  type Phone,
} from './helpers'

const d = journeyDescribe('enterprise service visit')

/** 10:00 on 27 November 2026 in Beijing: outside the quiet production period. */
const CLOCK = '2026-11-27T02:00:00Z'
const roster = buildDemoRoster()
const TOWN = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
const MARKET = roster.departments.find((x) => x.id === DEMO_IDS.cityMarketDept)!

d('the company rates a service visit (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let phone: Phone
  let visitId = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    phone = await openPhone()
    await loginAs(phone, app, 'demo-enterprise-2')
    const visit = await policyServiceVisit(app, await app.login('demo-officer-1'), TOWN, 'e2e-service-visit-0001', '宣讲小微企业税费优惠政策')
    expect(visit).toMatchObject({ ok: true })
    visitId = visit.data.visit.id
  })
  afterAll(() => closeAll(phone, app))

  it('lists the service visits apart from inspections, labelled, with the rated one’s stars and a rate button on the others', async () => {
    // The home says how many service visits wait for a rating; one tap opens them.
    await openPage(phone, app, '/pages/home/index')
    await see(phone, '#company-service-to-rate')
    expect(await textOf(phone, '#company-service-to-rate')).toMatch(/^\d+ 次入企服务待评价/)
    await screenshot(phone, 'enterprise-home-service-to-rate')
    await tap(phone, '#company-service-to-rate')
    await see(phone, `#service-visit-${visitId}`)
    await openPage(phone, app, '/enterprise/inspections/index')
    await see(phone, '#records-tabs-service')
    expect(await textOf(phone, '#records-tabs-service')).toMatch(/入企服务（\d+ 次待评价）/)
    await tap(phone, '#records-tabs-service')
    await see(phone, `#service-visit-${visitId}`)
    const row = await textOf(phone, `#service-visit-${visitId}`)
    expect(row).toContain('入企服务')
    expect(row).toContain(MARKET.name)
    expect(row).toContain('张伟')
    expect(row).toContain('2026年11月27日')
    expect(await textOf(phone, `#service-purpose-${visitId}`)).toBe('服务内容：政策宣讲，宣讲小微企业税费优惠政策')
    await see(phone, `#btn-rate-service-${visitId}`)
    // The demo visit the company rated shows its stars and no rate button.
    await seeText(phone, '已评价 ★★★★★')
    await screenshot(phone, 'enterprise-service-visits')
  })

  it('rates it from the list: the purpose instead of a result, a bad score, then the visit is rated', async () => {
    await tap(phone, `#btn-rate-service-${visitId}`)
    await see(phone, '#rating-summary')
    await seeText(phone, '评价本次入企服务')
    expect(await textOf(phone, '#summary-dept')).toBe(MARKET.name)
    expect(await textOf(phone, '#summary-officers')).toBe('张伟')
    expect(await textOf(phone, '#summary-purpose')).toBe('政策宣讲：宣讲小微企业税费优惠政策')
    expect(await phone.page.locator('#summary-result >> visible=true').count()).toBe(0)
    await screenshot(phone, 'enterprise-rate-service-visit')

    await tap(phone, '#score-2')
    await tap(phone, '#tag-6')
    await fill(phone, 'input-comment', '只念了文件，没有回答企业的问题。')
    await tap(phone, '#btn-rate')
    await see(phone, '#rate-done')
    await seeText(phone, '感谢您的评价')
    await seeText(phone, /差评已直接送达监督部门/)

    await tap(phone, '#btn-back-service')
    await see(phone, `#service-visit-${visitId}`)
    expect(await textOf(phone, `#service-visit-${visitId}`)).toContain('已评价 ★★')
    expect(await phone.page.locator(`#btn-rate-service-${visitId} >> visible=true`).count()).toBe(0)

    // Rating it again (a second tab, a stale link) is refused in words.
    await openPage(phone, app, `/enterprise/rate/index?visitId=${encodeURIComponent(visitId)}`)
    await see(phone, '#rate-stopped')
    expect(await textOf(phone, '#rate-stopped-title')).toBe('本次入企服务已评价')
  })

  it('the county supervisor sees the bad rating naming the service visit, and follows it up from the alert', async () => {
    const alertId = `bad_rating_serviceRatings_${visitId}`
    const sup = await openPhone()
    try {
      await loginAs(sup, app, 'demo-supervisor-county')
      await openPage(sup, app, '/supervisor/alerts/index')
      await see(sup, `#alert-${alertId}`)
      expect(await textOf(sup, `#alert-${alertId}`)).toContain('入企服务（政策宣讲）')
      await tap(sup, `#alert-${alertId}`)
      await see(sup, `#handle-${alertId}`)
      expect(await textOf(sup, `#rating-${alertId}`)).toContain('只念了文件，没有回答企业的问题。')
      await tap(sup, '#contacted-yes')
      await fill(sup, 'input-outcome', '已电话回访企业，部门将改进政策宣讲方式。')
      await fill(sup, 'input-note', '已提醒市场监管局改进入企服务。')
      await tap(sup, '#btn-handle')
      await confirmDialog(sup)
      await sup.page.locator(`#alert-${alertId} >> visible=true`).waitFor({ state: 'detached' })
      const handled = await app.call('supervision', 'alerts', { status: 'handled' }, await app.login('demo-supervisor-county'))
      expect(handled.data.items.find((a: { id: string }) => a.id === alertId)).toMatchObject({
        ref: `serviceRatings/${visitId}`,
        status: 'handled',
        handling: { followUp: { contacted: true } },
        rating: { score: 2 },
      })
    } finally {
      await sup.close()
    }
  })
})
