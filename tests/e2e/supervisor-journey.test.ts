/**
 * The supervisor's month, in Chromium against the H5 build (SPEC §2 rules 1, 9,
 * 10; §3 supervision). On 15 December (quiet production period) two market-department
 * officers enter a park monitoring point on a special case; the company rates the visit
 * 1 star and complains. The city supervisor sees the bad-rating alert, handles the
 * complaint (accept → reply → close), rules the exception unjustified from its alert,
 * and the dashboard figures move accordingly; the monthly 通报 opens with the right rows;
 * the ledger chains verify. Then the administrator's roster: gate poster, bind codes.
 */
import type { TestEmulator } from '../helpers/emulator'
import { closeAll, confirmDialog, fill, journeyDescribe, loginAs, openPage, openPhone, pickDate, screenshot, see, seeText, startApp, tap } from './helpers'
import { textOf, visible } from './helpers'
import type { Phone } from './helpers'
import { caller, fetchWorkbook, MARKET_DEPT, PARK_MONITORING, prepareJourney, sheetRows, type Prepared } from './supervisor-helpers'

const d = journeyDescribe('supervisor')

/** 10:00 on 15 December 2026 in Beijing: inside the quiet production period (days 1–25). */
const CLOCK = '2026-12-15T02:00:00Z'
const MONTH = '2026-12'

/**
 * Fails with the server's words when the page shows an error box after an action, so a
 * backend refusal reads as such instead of as a missing button.
 */
async function expectNoError(phone: Phone, what: string): Promise<void> {
  const err = phone.page.locator('.error-box >> visible=true').first()
  const shown = await err.waitFor({ state: 'visible', timeout: 1500 }).then(
    () => true,
    () => false,
  )
  if (shown) throw new Error(`${what} was refused on screen: ${(await err.innerText()).replace(/\s+/g, ' ')}`)
}

type Totals = {
  inspections: number
  quietExceptions: { pending: number; justified: number; unjustified: number }
  ratings: { count: number; bad: number }
  complaints: { open: number; overdue: number }
}

d('supervisor journey (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let sup: Phone
  let prep: Prepared
  let before: Totals
  let api: ReturnType<typeof caller>

  const totals = async (): Promise<Totals> => (await api.must('demo-supervisor-city', 'supervision', 'dashboard', { month: MONTH })).totals

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    api = caller(app)
    before = await totals()
    prep = await prepareJourney(app)
    sup = await openPhone()
  })
  afterAll(() => closeAll(sup, app))

  it('the alerts list shows the bad rating, newest first, with Chinese kind chips', async () => {
    await loginAs(sup, app, 'demo-supervisor-city')
    await tap(sup, '#tile-alerts')
    await see(sup, '.alert-item')
    const bad = sup.page.locator('.alert-item--bad_rating >> visible=true').first()
    await bad.waitFor()
    expect(await bad.innerText()).toContain('差评')
    expect(await bad.innerText()).toContain(MARKET_DEPT.name)
    // Newest first: the bad rating (just now) is above the demo history's older alerts.
    const kinds = await sup.page.locator('.alert-item >> visible=true').evaluateAll((els) => els.map((e) => e.className))
    expect(kinds.length).toBeGreaterThan(3)
    await seeText(sup, '例外待审')
    await seeText(sup, '红灯逾期')
    await screenshot(sup, 'supervisor-alerts')
    // One tap opens what a supervisor should do about it.
    await bad.click()
    await seeText(sup, /15个工作日内回访/)
  })

  it('handles the complaint: accept → reply → close, and the complainant sees the timeline', async () => {
    await openPage(sup, app, '/supervisor/complaints/index')
    await see(sup, `#complaint-${prep.complaintId}`)
    await seeText(sup, '匿名投诉')
    await screenshot(sup, 'supervisor-complaints')
    await tap(sup, `#complaint-${prep.complaintId}`)
    await see(sup, '#complaint-detail')
    expect(await textOf(sup, '#complainant')).toBe('周敏')
    expect(await textOf(sup, '#complaint-content')).toContain('安静生产期')
    await tap(sup, '#btn-accept')
    await expectNoError(sup, 'supervision.handleComplaint { step: "accept" }')
    await see(sup, '#btn-reply')
    await fill(sup, 'input-text', '经核实，该局当日入企不符合“突发性安全事故”情形，已责令其作出说明并纳入本月通报。')
    await screenshot(sup, 'supervisor-complaint-detail')
    await tap(sup, '#btn-reply')
    await expectNoError(sup, 'supervision.handleComplaint { step: "reply" }')
    await see(sup, '#btn-close')
    await tap(sup, '#btn-close')
    // Closing cannot be undone: the page asks first.
    await confirmDialog(sup)
    await see(sup, '#complaint-closed')
    expect(await textOf(sup, '#complaint-status')).toBe('已办结')

    const mine = await api.must('demo-enterprise-1', 'enterprise', 'complaints')
    const c = mine.items.find((x: { id: string }) => x.id === prep.complaintId)
    expect(c.status).toBe('closed')
    expect(c.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'accept', 'reply', 'close'])
    expect(c.timeline[2].text).toContain('纳入本月通报')
  })

  it('reaches the pending exception from its alert in one tap and marks it unjustified', async () => {
    await openPage(sup, app, '/supervisor/alerts/index')
    const alertId = `pending_exception_inspections_${prep.inspectionId}`
    await see(sup, `#alert-${alertId}`)
    await tap(sup, `#alert-${alertId}`)
    await see(sup, `#exception-${prep.inspectionId}-${MARKET_DEPT.id}`)
    await see(sup, '#btn-unjustified')
    expect(await textOf(sup, `#exception-${prep.inspectionId}-${MARKET_DEPT.id}`)).toContain(PARK_MONITORING.name)
    await fill(sup, 'input-comment', '当日企业无安全事故，不属于突发性事故处置情形。')
    await screenshot(sup, 'supervisor-exceptions')
    await tap(sup, '#btn-unjustified')
    await see(sup, '#review-done')
    const list = await api.must('demo-supervisor-city', 'supervision', 'exceptions', { status: 'unjustified' })
    expect(list.items.map((i: { id: string }) => i.id)).toContain(prep.inspectionId)
  })

  it('the dashboard figures changed accordingly', async () => {
    const after = await totals()
    expect(after.quietExceptions.unjustified).toBe(before.quietExceptions.unjustified + 1)
    expect(after.quietExceptions.pending).toBe(before.quietExceptions.pending)
    expect(after.ratings.bad).toBe(before.ratings.bad + 1)
    expect(after.ratings.count).toBe(before.ratings.count + 1)
    expect(after.inspections).toBe(before.inspections + 1)
    // Only the complaint about an inspection counts for a department (the general, anonymous
    // one has no department); it left the open figure when it was closed.
    const named = (await api.must('demo-supervisor-city', 'supervision', 'complaints', {})).items.find((c: { id: string }) => c.id === prep.complaintId)
    expect(after.complaints.open).toBe(before.complaints.open + (named.status === 'closed' ? 0 : 1))

    await openPage(sup, app, '/supervisor/dashboard/index')
    await see(sup, '#card-bad-ratings-value')
    expect(await textOf(sup, '#month-picker-value')).toBe('2026年12月')
    expect(await textOf(sup, '#card-exceptions-unjustified-value')).toBe(String(after.quietExceptions.unjustified))
    expect(await textOf(sup, '#card-bad-ratings-value')).toBe(String(after.ratings.bad))
    expect(await textOf(sup, '#card-inspections-value')).toBe(String(after.inspections))
    expect(await textOf(sup, '#card-complaints-open-value')).toBe(String(after.complaints.open))
    await see(sup, '#dept-bars')
    await see(sup, '#trend')
    expect(await textOf(sup, `#dept-bars-${MARKET_DEPT.id}`)).toMatch(/市场监督管理局\s*\d+次/)
    await screenshot(sup, 'supervisor-dashboard')
    await sup.page.locator(visible('#dept-bars')).first().scrollIntoViewIfNeeded()
    await sup.page.evaluate(() => document.querySelector('#bar-metric')?.scrollIntoView({ block: 'start' }))
    await screenshot(sup, 'supervisor-dashboard-charts')

    // Bars by 不合理例外: the market department is the one.
    await tap(sup, '#bar-metric-unjustified')
    expect(await textOf(sup, `#dept-bars-${MARKET_DEPT.id}`)).toMatch(/1起/)
    // A card opens its list.
    await tap(sup, '#card-bad-ratings')
    await see(sup, '.alert-item--bad_rating')
  })

  it('the dashboard counts no-penalty results, back-fills, withdrawals and service visits; a withheld average reads 不公开; each row opens its list', async () => {
    const board = await api.must('demo-supervisor-city', 'supervision', 'dashboard', { month: MONTH })
    const t = board.totals
    // The demo month has each of them, and service-visit ratings below the threshold (rule 19).
    expect([t.noPenalty, t.backfills, t.withdrawn, t.serviceVisits].every((n) => n > 0)).toBe(true)
    expect(t.hidden).toContain('serviceRatings.avg')
    await openPage(sup, app, '/supervisor/dashboard/index')
    await see(sup, '#fig-no-penalty-value')
    expect(await textOf(sup, '#fig-no-penalty-value')).toBe(String(t.noPenalty))
    expect(await textOf(sup, '#fig-backfills-value')).toBe(String(t.backfills))
    expect(await textOf(sup, '#fig-withdrawn-value')).toBe(String(t.withdrawn))
    expect(await textOf(sup, '#fig-service-visits-value')).toBe(String(t.serviceVisits))
    expect(await textOf(sup, '#fig-service-visits-note')).toContain(`企业评价 ${t.serviceRatings.count} 条`)
    expect(await textOf(sup, '#fig-service-bad-value')).toBe(String(t.serviceRatings.bad))
    // The average below the threshold is withheld in words, never a number.
    expect(await textOf(sup, '#fig-service-bad-note')).toBe(`评价不足${board.rules.minRatings}条，平均分不公开`)
    // The windows in the notes come from the settings.
    const me = await api.must('demo-supervisor-city', 'account', 'whoami')
    expect(await textOf(sup, '#fig-backfills-note')).toContain(`${me.rules.backfill.maxDays}日内补录`)
    await sup.page.evaluate(() => document.querySelector('#conduct')?.scrollIntoView({ block: 'center' }))
    await screenshot(sup, 'supervisor-dashboard-conduct')

    // 不予处罚 shows the departments' bars by that figure.
    await tap(sup, '#fig-no-penalty')
    await see(sup, '#bar-metric-noPenalty.segtab--on')
    for (const dept of board.byDepartment.filter((x: { noPenalty?: number }) => x.noPenalty)) {
      expect(await textOf(sup, `#dept-bars-${dept.deptId}`)).toMatch(new RegExp(`${dept.noPenalty}起$`))
    }

    // 撤回 and 事后补录 open the search of the month: the visits the figures count.
    const range = { from: `${MONTH}-01`, to: `${MONTH}-31` }
    const listed = async () => {
      await see(sup, '#result-count')
      return sup.page.locator(visible('.insp-item')).evaluateAll((els) => els.map((e) => e.id.replace(/^insp-/, '')))
    }
    await tap(sup, '#fig-withdrawn')
    const withdrawn = await api.must('demo-supervisor-city', 'supervision', 'inspections', { ...range, status: 'withdrawn' })
    expect(withdrawn.items.length).toBeGreaterThan(0)
    expect(await listed()).toEqual(withdrawn.items.map((i: { id: string }) => i.id))
    expect(await textOf(sup, '#status-tabs-withdrawn')).toBe('已撤回')
    await see(sup, '#status-tabs-withdrawn.segtab--on')

    await openPage(sup, app, '/supervisor/dashboard/index')
    await tap(sup, '#fig-backfills')
    expect(await textOf(sup, '#mark-picker')).toContain('事后补录')
    const backfilled = await api.must('demo-supervisor-city', 'supervision', 'inspections', { ...range, flag: 'backfilled' })
    expect(backfilled.items.length).toBe(t.backfills)
    expect(await listed()).toEqual(backfilled.items.map((i: { id: string }) => i.id))
  })

  it('builds the monthly 通报; the workbook opens with the right rows; the ledgers verify', async () => {
    await openPage(sup, app, '/supervisor/report/index')
    await tap(sup, '#btn-report')
    await see(sup, '#report-link')
    // The page names the file for people; the address comes from the same action the page calls.
    expect(await textOf(sup, '#report-file')).toMatch(/^文件：.+\.xlsx$/)
    const made = await caller(app).must('demo-supervisor-city', 'supervision', 'monthlyReport', { month: MONTH })
    const wb = await fetchWorkbook(app, made.url, 'demo-supervisor-city')
    const sheetNames = wb.worksheets.map((w) => w.name)
    expect(sheetNames).toEqual(expect.arrayContaining(['汇总排名', '部门明细']))
    const detail = sheetRows(wb.getWorksheet('部门明细')!, '执法单位')
    const market = detail.find((r) => r['执法单位'] === MARKET_DEPT.name)!
    expect(market).toBeDefined()
    expect(Number(market['例外（不合理）'])).toBeGreaterThanOrEqual(1)
    expect(Number(market['差评'])).toBeGreaterThanOrEqual(1)
    const total = detail.reduce((n, r) => n + (Number(r['例外（不合理）']) || 0), 0)
    expect(total).toBe(before.quietExceptions.unjustified + 1)
    const ranking = sheetRows(wb.getWorksheet('汇总排名')!, '执法单位')
    expect(ranking.some((r) => r['执法单位'] === MARKET_DEPT.name)).toBe(true)
    await tap(sup, '#btn-audit-verify')
    await see(sup, '#audit-ok')
    expect(await textOf(sup, '#audit-ok')).toMatch(/校验通过：共核对 \d+ 条/)
    await screenshot(sup, 'supervisor-report')
  })

  it('reviews a department plan', async () => {
    await openPage(sup, app, '/supervisor/plans/index')
    await see(sup, '.plan-item')
    await tap(sup, '.plan-item')
    await fill(sup, 'input-comment', '检查事项与依据明确，同意。请与其他部门同期计划合并为联合检查。')
    await screenshot(sup, 'supervisor-plans')
    await tap(sup, '#btn-approve')
    await see(sup, '#plan-notice')
    expect(await textOf(sup, '#plan-notice')).toMatch(/^已批准/)
  })

  it('a department admin submits a plan for a company found by search', async () => {
    const da = await openPhone()
    try {
      await loginAs(da, app, 'demo-deptadmin-1')
      await tap(da, '#tile-plans')
      await see(da, '#plan-form')
      await fill(da, 'input-title', '2027年1月园区食品生产企业日常检查')
      await fill(da, 'input-items', '生产许可证照\n原料进货查验记录')
      await fill(da, 'input-basis', '《中华人民共和国食品安全法》第一百一十条')
      await pickDate(da, 'input-from', '2027-01-04')
      await pickDate(da, 'input-to', '2027-01-29')
      await fill(da, 'input-company-query', PARK_MONITORING.name.slice(0, 4))
      await tap(da, '#btn-company-search')
      await tap(da, `#pick-${PARK_MONITORING.id}`)
      await see(da, `#picked-${PARK_MONITORING.id}`)
      await screenshot(da, 'supervisor-plans-deptadmin')
      await tap(da, '#btn-submit-plan')
      await see(da, '#plan-notice')
      const pending = await api.must('demo-supervisor-city', 'supervision', 'plans', { status: 'pending' })
      expect(pending.items.find((p: { title: string }) => p.title === '2027年1月园区食品生产企业日常检查')).toMatchObject({
        from: '2027-01-04',
        to: '2027-01-29',
      })
    } finally {
      await da.close()
    }
  })

  it("the administrator's roster: departments, the gate poster, bind codes, certificate status", async () => {
    const admin = await openPhone()
    try {
      await loginAs(admin, app, 'demo-admin')
      await tap(admin, '#tile-roster')
      await see(admin, '#roster-departments')
      await seeText(admin, MARKET_DEPT.name)
      await screenshot(admin, 'admin-roster-departments')

      await tap(admin, '#roster-tabs-companies')
      await see(admin, `#company-${PARK_MONITORING.id}`)
      await see(admin, `#monitor-badge-${PARK_MONITORING.id}`)
      await screenshot(admin, 'admin-roster-companies')
      await tap(admin, `#btn-gate-${PARK_MONITORING.id}`)
      await see(admin, '#gate-poster')
      expect(await textOf(admin, '#gate-poster-name')).toBe(PARK_MONITORING.name)
      await admin.page.waitForFunction(() => {
        const img = document.querySelector('#gate-poster-image img') as HTMLImageElement | null
        return !!img && img.complete && img.naturalWidth > 0
      })
      await screenshot(admin, 'admin-roster-gate-poster')
      await tap(admin, '#btn-close-poster')
      await tap(admin, `#btn-issue-${PARK_MONITORING.id}`)
      await see(admin, '#bind-code')
      expect(await textOf(admin, '#bind-code')).toMatch(/^[A-Z0-9]{6,}$/)
      await tap(admin, '#btn-close-code')

      await tap(admin, '#roster-tabs-officers')
      await see(admin, '.officer-item')
      await tap(admin, '#btn-add-officer')
      await fill(admin, 'input-officer-name', '赵磊')
      await fill(admin, 'input-officer-certNo', '360700E2E001')
      await fill(admin, 'input-officer-expires', '2029-06-30')
      await tap(admin, '#btn-save-officer')
      await see(admin, '#bind-code')
      const code = await textOf(admin, '#bind-code')
      expect(code).toMatch(/^[A-Z0-9]{6,}$/)
      await screenshot(admin, 'admin-roster-bind-code')
      await tap(admin, '#btn-close-code')

      // Suspend the new officer with a reason; the badge says so.
      const officers = await api.must('demo-admin', 'account', 'officers', {})
      const zhao = officers.items.find((o: { name: string }) => o.name === '赵磊')
      expect(zhao).toBeDefined()
      await tap(admin, `#officer-${zhao.id}`)
      await tap(admin, '#cert-suspended')
      await fill(admin, 'input-reason', '新入职培训未完成，暂停执法资格')
      await tap(admin, '#btn-cert-apply')
      await confirmDialog(admin)
      await admin.page.locator(`#cert-badge-${zhao.id} >> visible=true`).filter({ hasText: '暂停执法' }).waitFor()
      await screenshot(admin, 'admin-roster-officers')
    } finally {
      await admin.close()
    }
  })
})
