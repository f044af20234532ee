/**
 * Another city adopts the app by changing settings (docs/rules.md): with a 1–20 window for
 * every company, a cap of 3, its own special cases and its own deadlines loaded into the
 * emulator, every page of the H5 build, for every role, speaks that city's numbers and
 * never Ganzhou's. Words that need a record (alert details, a complaint, a quiet-period
 * preview) are opened too.
 */
import type { TestEmulator } from '../helpers/emulator'
import { clearSettingsCache } from '../../server/platform/dispatch'
import { GANZHOU_WORDS, OTHER_CITY } from '../helpers/other-city'
import { PARK_MONITORING } from './supervisor-helpers'
import { closeAll, journeyDescribe, loginAs, openPage, openPhone, startApp, type Phone } from './helpers'

const d = journeyDescribe('other-city')

/** 10:00 on 15 December 2026 in Beijing: inside both cities' windows. */
const CLOCK = '2026-12-15T02:00:00Z'

d('another city’s settings on every page (H5)', () => {
  jest.setTimeout(120_000)
  let app: TestEmulator
  let phone: Phone
  const seen: { page: string; text: string }[] = []

  /**
   * The words the page shows, less the alerts' summaries: those are records, written when
   * the event happened under the settings of the day (the demo history is Ganzhou's), and
   * records keep their words. A summary written now is checked through the API below.
   */
  const pageWords = () =>
    phone.page.evaluate(() => {
      const body = document.body.cloneNode(true) as HTMLElement
      body.querySelectorAll('.alert-item__summary').forEach((el) => el.remove())
      document.documentElement.appendChild(body)
      const text = body.innerText
      body.remove()
      return text
    })

  /** Opens a route, waits for its calls to settle, keeps its words. */
  const visit = async (route: string, then?: (p: Phone) => Promise<void>) => {
    await openPage(phone, app, route)
    await phone.page.waitForLoadState('networkidle')
    if (then) {
      await then(phone)
      await phone.page.waitForLoadState('networkidle')
    }
    seen.push({ page: route, text: await pageWords() })
  }
  /** Opens `route` and taps each of its items matching `selector` in turn (up to `max`; an item may lead to another page), keeping the words each shows. */
  const visitEach = async (route: string, selector: string, max: number) => {
    await visit(route)
    const count = async () => phone.page.locator(`${selector} >> visible=true`).count()
    const n = Math.min(await count(), max)
    for (let i = 0; i < n; i++) {
      if (i > 0) {
        await openPage(phone, app, route)
        await phone.page.waitForLoadState('networkidle')
      }
      await phone.page.locator(`${selector} >> visible=true`).nth(i).click()
      await phone.page.waitForLoadState('networkidle')
      seen.push({ page: `${route} (item ${i})`, text: await pageWords() })
    }
  }

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    await app.emulator.db.collection('system').doc('settings').set({ data: OTHER_CITY })
    clearSettingsCache()
    phone = await openPhone()
  })
  afterAll(() => closeAll(phone, app))

  it('shows the other city’s rules on every page, for every role, and never Ganzhou’s numbers', async () => {
    await visit('/pages/home/index')
    await visit('/pages/bind-officer/index')
    await visit('/pages/bind-company/index')

    await loginAs(phone, app, 'demo-officer-1')
    const token = await app.login('demo-officer-1')
    const mine = await app.call('inspection', 'list', {}, token)
    const someId = mine.data?.items?.[0]?.id ?? 'none'
    await visit('/pages/home/index')
    await visit('/officer/scan/index')
    await visit(`/officer/preview/index?scene=${encodeURIComponent('c=co_0001')}`)
    await visit('/officer/my-inspections/index', async (p) => p.page.locator('#tab-overdue >> visible=true').first().click())
    await visit(`/officer/record-result/index?id=${someId}&company=x&n=1`)
    await visit(`/officer/rating-code/index?id=${someId}`)
    await visit('/officer/cert-card/index')

    await loginAs(phone, app, 'demo-enterprise-1')
    for (const page of ['verify-officer', 'rate', 'inspections', 'complain', 'complaints', 'ledger']) await visit(`/enterprise/${page}/index`)

    await loginAs(phone, app, 'demo-deptadmin-1')
    await visit('/supervisor/plans/index')
    await visit('/supervisor/dashboard/index')

    await loginAs(phone, app, 'demo-supervisor-city')
    await visit('/supervisor/dashboard/index')
    await visitEach('/supervisor/alerts/index', '.alert-item', 8)
    await visit('/supervisor/plans/index')
    await visitEach('/supervisor/exceptions/index', '.exception-item', 2)
    await visitEach('/supervisor/complaints/index', '.complaint-item', 1)
    await visit('/supervisor/report/index')
    await visit('/supervisor/service-visits/index', async (p) => p.page.locator('#flag-tabs-quiet_period >> visible=true').first().click())
    await loginAs(phone, app, 'demo-admin')
    await visit('/supervisor/roster/index')

    // A repeated visit now is summarised with the other city's window.
    const visit2 = {
      scene: 'c=co_0001',
      source: 'plan',
      exception: { category: 'flood' },
      location: { lat: PARK_MONITORING.location.lat, lng: PARK_MONITORING.location.lng, accuracy: 20 },
    }
    const officer3 = await app.login('demo-officer-3')
    expect((await app.call('inspection', 'checkIn', { ...visit2, clientRequestId: 'other-city-1' }, officer3)).ok).toBe(true)
    const alerts = await app.call('supervision', 'alerts', {}, await app.login('demo-supervisor-city'))
    // The quiet period covers every company there, and the refusal says so.
    const refused = await app.call('inspection', 'checkIn', { ...visit2, scene: 'c=co_0002', exception: undefined, clientRequestId: 'other-city-2' }, officer3)
    expect(refused).toMatchObject({ ok: false, error: { code: 'QUIET_PERIOD', message: expect.stringContaining('不得入企业检查') } })
    expect(alerts.data.items.find((a: { kind: string; summary?: string }) => a.kind === 'repeated' && /在45日内被检查/.test(a.summary ?? ''))).toBeTruthy()

    const all = seen.map((s) => s.text).join('\n')
    // The pages did load and read the other city's settings …
    expect(all).toMatch(/每月1日—20日/)
    expect(all).toMatch(/超20个工作日/)
    expect(all).toMatch(/同一企业45日内/)
    expect(all).toMatch(/年度计划检查超3次/)
    expect(all).toMatch(/防汛抢险现场检查/)
    expect(all).toMatch(/入企后5日内未录入结果/)
    expect(all).toMatch(/在安静生产期（每月1–20日）到企业入企服务/)
    // The supervisor's dashboard warns that the holiday calendar runs out at the end of 2026.
    expect(all).toMatch(/法定节假日日历只到2026年12月31日/)
    // … and no page says Ganzhou's.
    const leaks = seen.flatMap((s) =>
      GANZHOU_WORDS.filter((re) => re.test(s.text)).map(
        (re) =>
          `${s.page}: ${re} in “${s.text.match(re)![0]}” — ${s.text.slice(Math.max(0, s.text.search(re) - 30), s.text.search(re) + 30).replace(/\s+/g, ' ')}`,
      ),
    )
    expect(leaks).toEqual([])
  })
})
