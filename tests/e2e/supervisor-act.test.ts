/**
 * Supervisors act on what they see (issue 16), in Chromium against the H5 build. The 章贡区
 * supervisor 杨帆: the dashboard with open alerts by kind; the inspection search and a
 * visit's detail with the company's 1-star comment; the bad rating followed up and closed
 * from its alert (after a confirmation); a monitoring point's ledger with an unscanned
 * visit marked. The department admin opens the same visit and never sees the comment.
 */
import type { TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { closeAll, confirmDialog, fill, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, startApp, tap, textOf, type Phone } from './helpers'
import { caller } from './supervisor-helpers'
import { makeUsccFromParts } from '../../server/domain/uscc'

const d = journeyDescribe('supervisor act')

const CLOCK = '2026-12-15T02:00:00Z'
const roster = buildDemoRoster()
const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)! // 章贡区, outside any park
const park = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)! // 章贡区, a monitoring point
const COMMENT = '检查人员进门不出示证件，态度生硬'

d('a county supervisor acts on what they see (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let sup: Phone
  let api: ReturnType<typeof caller>
  let inspectionId = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    api = caller(app)
    // A visit to the town company by the two market officers, its result, a 1-star rating with a comment.
    const at = { lat: town.location.lat + 0.0003, lng: town.location.lng, accuracy: 15 }
    const fields = { scene: `c=${town.id}`, source: 'referral', sourceRef: 'REF-2026-0001', location: at }
    const open = await api.must('demo-officer-1', 'inspection', 'checkIn', { ...fields, clientRequestId: 'e2e-act-0001' })
    await api.must('demo-officer-2', 'inspection', 'checkIn', { ...fields, clientRequestId: 'e2e-act-0002' })
    inspectionId = open.inspection.id
    const result = await api.must('demo-officer-1', 'inspection', 'recordResult', {
      inspectionId,
      outcome: 'rectify',
      findings: '消防通道堆放杂物，灭火器过期',
      rectifyBy: '2027-01-10',
    })
    await api.must('demo-enterprise-2', 'enterprise', 'rate', { token: result.rating.token, score: 1, tags: ['态度生硬'], comment: COMMENT })
    // A visit the monitoring point logged by hand, with no scan behind it.
    await api.must('demo-enterprise-1', 'enterprise', 'addLedgerEntry', {
      date: '2026-12-14',
      deptName: '某不明单位',
      officerNames: ['两名未亮证人员'],
      purpose: '询问生产情况',
    })
    sup = await openPhone()
    await loginAs(sup, app, 'demo-supervisor-county')
  })
  afterAll(() => closeAll(sup, app))

  it('the dashboard counts the county where the companies are, with open alerts by kind', async () => {
    await openPage(sup, app, '/supervisor/dashboard/index')
    await see(sup, '#card-inspections-value')
    const board = await api.must('demo-supervisor-county', 'supervision', 'dashboard', { month: '2026-12' })
    expect(await textOf(sup, '#card-inspections-value')).toBe(String(board.totals.inspections))
    expect(await textOf(sup, '#card-overdue-open-value')).toBe(String(board.overdueOpen))
    await see(sup, '#open-alerts-bad_rating')
    await sup.page.evaluate(() => document.querySelector('#open-alerts')?.scrollIntoView({ block: 'center' }))
    await screenshot(sup, 'supervisor-dashboard-county')
  })

  it("the search lists the county's visits; a visit opens with its timeline and the company's comment", async () => {
    await openPage(sup, app, '/supervisor/inspections/index')
    await see(sup, `#insp-${inspectionId}`)
    expect(await textOf(sup, `#insp-${inspectionId}`)).toContain(town.name)
    await screenshot(sup, 'supervisor-inspection-search')
    await tap(sup, `#insp-${inspectionId}`)
    await see(sup, '#rating-comment')
    expect(await textOf(sup, '#rating-comment')).toContain(COMMENT)
    expect(await textOf(sup, '#insp-officers')).toContain('张伟')
    await see(sup, '#timeline')
    await screenshot(sup, 'supervisor-inspection-detail')
  })

  it('the bad rating is followed up and closed from its alert, after a confirmation', async () => {
    const alertId = `bad_rating_ratings_${inspectionId}`
    await openPage(sup, app, '/supervisor/alerts/index')
    await see(sup, `#alert-${alertId}`)
    await tap(sup, `#alert-${alertId}`)
    await see(sup, `#handle-${alertId}`)
    expect(await textOf(sup, `#rating-${alertId}`)).toContain(COMMENT)
    await tap(sup, '#contacted-yes')
    await fill(sup, 'input-outcome', '已电话回访企业负责人，检查人员当面致歉，企业表示接受。')
    await fill(sup, 'input-note', '已约谈市场监管局执法科负责人，要求规范亮证。')
    await sup.page.evaluate((id) => document.querySelector(`#alert-${id}`)?.scrollIntoView({ block: 'start' }), alertId)
    await screenshot(sup, 'supervisor-alert-handle')
    await tap(sup, '#btn-handle')
    await confirmDialog(sup)
    await sup.page.locator(`#alert-${alertId} >> visible=true`).waitFor({ state: 'detached' })
    const handled = await api.must('demo-supervisor-county', 'supervision', 'alerts', { status: 'handled' })
    expect(handled.items.find((a: { id: string }) => a.id === alertId)).toMatchObject({ status: 'handled', handling: { followUp: { contacted: true } } })
    await tap(sup, '#alert-status-handled')
    await see(sup, `#alert-${alertId}`)
  })

  it("a monitoring point's ledger reads with the chain intact and the unscanned visit marked", async () => {
    await openPage(sup, app, `/supervisor/ledger/index?companyId=${park.id}`)
    await see(sup, '#chain-status')
    expect(await textOf(sup, '#chain-status')).toContain('台账完整')
    await see(sup, '.ledger-item')
    expect(await textOf(sup, '#ledger-list')).toContain('未扫码 · 待核实')
    await screenshot(sup, 'supervisor-ledger')
  })

  it("the department admin opens the same visit without the rating or its comment; their dashboard withholds the service visits' bad count", async () => {
    const da = await openPhone()
    try {
      await loginAs(da, app, 'demo-deptadmin-1')
      await openPage(da, app, `/supervisor/inspection/index?id=${inspectionId}`)
      await see(da, '#timeline')
      const text = await textOf(da, '#page-inspection')
      expect(text).toContain(town.name)
      expect(text).not.toContain(COMMENT)
      expect(await da.page.locator('#rating >> visible=true').count()).toBe(0)
      // Their dashboard withholds the service visits' bad count below the threshold (rule 19): 不公开, never 0.
      const board = await api.must('demo-deptadmin-1', 'supervision', 'dashboard', { month: '2026-12' })
      expect(board.totals.hidden).toContain('serviceRatings.bad')
      await openPage(da, app, '/supervisor/dashboard/index')
      await see(da, '#fig-service-bad-value')
      expect(await textOf(da, '#fig-service-bad-value')).toBe('不公开')
      expect(await textOf(da, '#fig-service-bad-note')).toBe(`评价不足${board.rules.minRatings}条，为保护评价企业不公开`)
      expect(await textOf(da, '#fig-service-visits-value')).toBe(String(board.totals.serviceVisits))
    } finally {
      await da.close()
    }
  })

  it('a plan under review shows its companies, the quiet period and the overlaps', async () => {
    const city = await openPhone()
    try {
      await loginAs(city, app, 'demo-supervisor-city')
      await openPage(city, app, '/supervisor/plans/index')
      await see(city, '.plan-item')
      await tap(city, '.plan-item')
      await see(city, '#plan-facts')
      expect(await textOf(city, '#plan-quiet')).toMatch(/共 \d+ 天，其中 \d+ 天在安静生产期内/)
      await city.page.evaluate(() => document.querySelector('#plan-facts')?.scrollIntoView({ block: 'center' }))
      await screenshot(city, 'supervisor-plan-review')
    } finally {
      await city.close()
    }
  })

  it('the administrator adds a company: a wrong credit code is refused in plain words, a right one is added', async () => {
    const admin = await openPhone()
    try {
      await loginAs(admin, app, 'demo-admin')
      // Only what an administrator may open: no dashboard tile that would say 您没有权限.
      await see(admin, '#tile-roster')
      expect(await admin.page.locator('#tile-dashboard >> visible=true').count()).toBe(0)
      await tap(admin, '#tile-roster')
      await tap(admin, '#roster-tabs-companies')
      await tap(admin, '#btn-add-company')
      const uscc = makeUsccFromParts({ authorityAndType: '91', division: '360702', orgBody: 'MA3E2E01' })
      await fill(admin, 'input-company-name', '赣州测试新材料有限公司')
      await fill(admin, 'input-company-uscc', uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0'))
      await fill(admin, 'input-company-address', '章贡区红旗大道 88 号')
      await fill(admin, 'input-company-lat', '25.8312')
      await fill(admin, 'input-company-lng', '114.9351')
      await tap(admin, '#btn-save-company')
      await see(admin, '#company-error')
      expect(await textOf(admin, '#company-error')).not.toMatch(/uscc|[a-z]{4,}/)
      await screenshot(admin, 'admin-add-company')
      await fill(admin, 'input-company-uscc', uscc)
      await tap(admin, '#btn-save-company')
      await admin.page.getByText('已添加：赣州测试新材料有限公司').locator('visible=true').first().waitFor()
      const found = await api.must('demo-admin', 'account', 'companies', { query: '赣州测试新材料' })
      expect(found.items).toEqual([expect.objectContaining({ uscc, region: '360702', inPark: false })])
    } finally {
      await admin.close()
    }
  })
})
