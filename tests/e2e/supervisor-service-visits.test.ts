/**
 * Service visits 入企服务 for supervisors (rule 19), in Chromium against the H5 build on the
 * demo data: the city supervisor opens the month's visits from the dashboard's 入企服务 row,
 * sees the demo's quiet-period visit to a park company flagged 安静期内, and narrows the list
 * to that flag; the department admin opens the same row and sees their department's visits,
 * rated or not, never the stars (rule 21).
 */
import type { TestEmulator } from '../helpers/emulator'
import { closeAll, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, startApp, tap, textOf, type Phone } from './helpers'
import { caller } from './supervisor-helpers'

const d = journeyDescribe('supervisor service visits')

const CLOCK = '2026-12-15T02:00:00Z'
type Listed = { id: string; note?: string; companyName: string; flags: string[]; rating: { state: string; score?: number } }

d('supervisors see the service visits and their flags (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let sup: Phone
  let api: ReturnType<typeof caller>

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    api = caller(app)
    sup = await openPhone()
    await loginAs(sup, app, 'demo-supervisor-city')
  })
  afterAll(() => closeAll(sup, app))

  it('the dashboard’s 入企服务 row opens the month’s visits; the quiet-period visit to a park company shows 安静期内 and stays under its chip', async () => {
    const all = (await api.must('demo-supervisor-city', 'supervision', 'serviceVisits', { from: '2026-12-01', to: '2026-12-31' })).items as Listed[]
    const quiet = all.find((v) => v.note === '协助企业办理安全生产许可证延续')!
    expect(quiet.flags).toEqual(['quiet_period'])
    const plain = all.find((v) => v.flags.length === 0)!

    await openPage(sup, app, '/supervisor/dashboard/index')
    await see(sup, '#fig-service-visits-value')
    expect(await textOf(sup, '#fig-service-visits-value')).toBe(String(all.length))
    await tap(sup, '#fig-service-visits')
    await see(sup, `#service-visit-${quiet.id}`)
    expect(await textOf(sup, '#result-count')).toContain(`已显示 ${all.length} 次入企服务`)
    const row = await textOf(sup, `#service-visit-${quiet.id}`)
    expect(row).toContain(quiet.companyName)
    expect(row).toContain('帮扶解难，协助企业办理安全生产许可证延续')
    expect(await textOf(sup, `#service-flag-${quiet.id}-quiet_period`)).toBe('安静期内')
    expect(await sup.page.locator(`#service-flags-${plain.id} >> visible=true`).count()).toBe(0)

    await tap(sup, '#flag-tabs-quiet_period')
    await sup.page.locator(`#service-visit-${plain.id} >> visible=true`).waitFor({ state: 'detached' })
    await see(sup, `#service-visit-${quiet.id}`)
    expect(await textOf(sup, '#flag-note')).toMatch(/安静生产期（每月1–25日）到园区企业入企服务/)
    expect(await sup.page.locator('[id^="service-visit-sv_"] >> visible=true').count()).toBe(all.filter((v) => v.flags.includes('quiet_period')).length)
    await screenshot(sup, 'supervisor-service-visits')
  })

  it('a supervisor sees a rated visit’s stars; the department admin opens the same row and sees only that it was rated', async () => {
    const rated = ((await api.must('demo-supervisor-city', 'supervision', 'serviceVisits', {})).items as Listed[]).find((v) => v.rating.state === 'rated')!
    expect(rated.rating.score).toBe(5)
    await tap(sup, '#flag-tabs-all')
    await see(sup, `#service-rating-${rated.id}`)
    expect(await textOf(sup, `#service-rating-${rated.id}`)).toBe('企业评价 ★★★★★')

    const da = await openPhone()
    try {
      await loginAs(da, app, 'demo-deptadmin-1')
      await openPage(da, app, '/supervisor/dashboard/index')
      await tap(da, '#fig-service-visits')
      await see(da, `#service-rating-${rated.id}`)
      expect(await textOf(da, `#service-rating-${rated.id}`)).toBe('企业已评价')
      expect(await da.page.locator('#dept-picker >> visible=true').count()).toBe(0)
    } finally {
      await da.close()
    }
  })
})
