/**
 * The company's side, in Chromium against the H5 build (SPEC §2 rules 9–12):
 * the monitoring-point company's contact verifies the officer at the gate (valid, then the
 * same code after 5 minutes, then a suspended colleague), rates the inspection after the
 * result with a bad score, goes on to complain anonymously about it, follows the
 * complaint's timeline, sees the inspection as rated, adds a visit nobody scanned to the
 * ledger and exports the ledger to Excel — the downloaded workbook holds exactly the
 * ledger's entries. A company that is not a monitoring point is told why it has no ledger.
 * The officers' side (check-in, join, result) is driven through the API.
 */
import ExcelJS from 'exceljs'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from '../helpers/emulator'
import { complaintCheckIn, rectifyResult } from '../helpers/visits'
import { closeAll, fill, journeyDescribe, loginAs, logins, openPage, openPhone, screenshot, see, seeText, startApp, tap, textOf } from './helpers'
import { visible } from './helpers'
import type { Phone } from './helpers'

const d = journeyDescribe('enterprise')

/** 10:00 on 27 November 2026 in Beijing: outside the quiet production period (days 1–25). */
const CLOCK = '2026-11-27T02:00:00Z'
const TODAY = '2026-11-27'
const roster = buildDemoRoster()
const PARK = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const MARKET = roster.departments.find((x) => x.id === DEMO_IDS.cityMarketDept)!

const rows = (sheet: ExcelJS.Worksheet) => {
  const out: string[][] = []
  sheet.eachRow((row, n) => {
    if (n === 1) return
    out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v))))
  })
  return out
}

d('enterprise journey (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let phone: Phone
  let officer1 = ''
  let officer2 = ''
  let company = ''
  let inspectionId = ''
  let ratingToken = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    phone = await openPhone()
    ;[officer1, officer2, company] = await logins(app, 'demo-officer-1', 'demo-officer-2', 'demo-enterprise-1')
    await loginAs(phone, app, 'demo-enterprise-1')
  })
  afterAll(() => closeAll(phone, app))

  it('verifies the officer at the gate from the certificate card code: valid, then expired after 5 minutes', async () => {
    const card = await app.call('inspection', 'certCard', {}, officer1)
    expect(card).toMatchObject({ ok: true })
    const token: string = card.data.token

    // The card's code opens the verify page with the token as its scene.
    await openPage(phone, app, `/enterprise/verify-officer/index?scene=${encodeURIComponent(token)}`)
    await see(phone, '#verify-result')
    expect(await textOf(phone, '#verify-title')).toBe('执法证有效')
    expect(await textOf(phone, '#verify-name')).toBe('张伟')
    expect(await textOf(phone, '#verify-dept')).toBe(MARKET.name)
    expect(await textOf(phone, '#verify-cert-no')).toBe(card.data.officer.certNo)
    expect(await textOf(phone, '#verify-status')).toBe('有效')
    await screenshot(phone, 'enterprise-verify-officer')

    // The same code 6 minutes later: refused as expired, with what to do about it.
    await app.setClock('2026-11-27T02:06:00Z')
    await openPage(phone, app, `/enterprise/verify-officer/index?scene=${encodeURIComponent(token)}`)
    await see(phone, '#verify-result')
    expect(await textOf(phone, '#verify-title')).toBe('二维码已过期，请执法人员刷新亮证码')
  })

  it('shows a suspended certificate as invalid (the H5 page takes a pasted link)', async () => {
    const admin = await app.login('admin-openid')
    // A new officer of the same department binds a phone, then her certificate is suspended:
    // she can still show her card, which must read invalid.
    const created = await app.call('account', 'upsertOfficer', { deptId: MARKET.id, name: '孙悦', certNo: '36070099001', certExpiresAt: '2028-01-01' }, admin)
    expect(created).toMatchObject({ ok: true })
    const sun = await app.login('e2e-officer-sun')
    expect(await app.call('account', 'bindOfficer', { certNo: '36070099001', name: '孙悦', code: created.data.bindCode }, sun)).toMatchObject({ ok: true })
    expect(
      await app.call('account', 'setCertStatus', { officerId: created.data.officer.id, status: 'suspended', reason: '涉嫌违规执法，暂扣执法证' }, admin),
    ).toMatchObject({ ok: true })
    const card = await app.call('inspection', 'certCard', {}, sun)
    expect(card).toMatchObject({ ok: true })

    await openPage(phone, app, '/enterprise/verify-officer/index')
    await see(phone, '#input-token')
    await fill(phone, 'input-token', `${app.baseUrl}/#/enterprise/verify-officer/index?scene=${encodeURIComponent(card.data.token)}`)
    await tap(phone, '#btn-verify')
    await see(phone, '#verify-result')
    expect(await textOf(phone, '#verify-title')).toBe('执法证无效：已暂扣')
    expect(await textOf(phone, '#verify-name')).toBe('孙悦')
    await screenshot(phone, 'enterprise-verify-officer-invalid')
  })

  it('rates the inspection after the result: summary first, then a bad score with a tag and a comment', async () => {
    // The officers' side: check in (case source), the second officer joins, the result.
    const first = await complaintCheckIn(app, officer1, PARK, 'e2e-ent-checkin-0001')
    expect(first).toMatchObject({ ok: true, data: { joined: false } })
    inspectionId = first.data.inspection.id
    expect(await complaintCheckIn(app, officer2, PARK, 'e2e-ent-checkin-0002')).toMatchObject({ ok: true, data: { joined: true } })
    const result = await rectifyResult(app, officer1, inspectionId, '消防通道堆放杂物，灭火器过期2具。', '2026-12-10')
    expect(result).toMatchObject({ ok: true })
    ratingToken = result.data.rating.token

    await openPage(phone, app, `/enterprise/rate/index?scene=${encodeURIComponent(ratingToken)}`)
    await see(phone, '#rating-summary')
    expect(await textOf(phone, '#summary-dept')).toBe(MARKET.name)
    expect(await textOf(phone, '#summary-officers')).toBe('张伟、李娜')
    expect(await textOf(phone, '#summary-basis')).toMatch(/投诉举报/)
    expect(await textOf(phone, '#summary-result')).toMatch(/^责令整改（整改期限：2026年12月10日）：消防通道堆放杂物/)
    for (const n of [1, 2, 3, 4, 5]) await see(phone, `#score-${n}`)
    await screenshot(phone, 'enterprise-rate')

    await tap(phone, '#score-2')
    await tap(phone, '#tag-5')
    await fill(phone, 'input-comment', '检查人员态度生硬，未说明检查依据。')
    await tap(phone, '#btn-rate')
    await see(phone, '#rate-done')
    await seeText(phone, '感谢您的评价')
    expect(await textOf(phone, '#rate-done-score')).toBe('★★☆☆☆ 不满意')
    await see(phone, '#btn-complain')
    await screenshot(phone, 'enterprise-rate-done')

    // The record: rated once, score 2.
    const list = await app.call('enterprise', 'inspections', {}, company)
    const insp = list.data.items.find((i: { id: string }) => i.id === inspectionId)
    expect(insp.rating).toEqual({ state: 'rated', score: 2 })
    // The same code again: already rated, said plainly.
    expect(await app.call('enterprise', 'rate', { token: ratingToken, score: 5 }, company)).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
  })

  it('goes on from the bad rating to an anonymous complaint about that inspection, with its due date', async () => {
    await tap(phone, '#btn-complain')
    await see(phone, '#complain-about')
    // The visit by its date and time and its department.
    await seeText(phone, new RegExp(`2026年11月27日 \\d\\d:\\d\\d · ${MARKET.name}`))
    for (const k of ['quiet_period_violation', 'no_certificate', 'repeated_inspection', 'unrelated_demands', 'attitude', 'fine_quota', 'other'])
      await see(phone, `#category-${k}`)
    await tap(phone, '#category-attitude')
    await fill(phone, 'input-content', '11月27日上午检查时，执法人员态度生硬，未说明检查依据即要求停工。')
    await tap(phone, '#switch-anonymous')
    // What supervisors see, exactly: not the name or phone, but the company and the content.
    await seeText(phone, `匿名投诉：监督部门看不到您的姓名和电话，但能看到投诉来自${PARK.name}及投诉内容`)
    await seeText(phone, '已开启')
    await screenshot(phone, 'enterprise-complain')
    await tap(phone, '#btn-complain')
    await see(phone, '#complain-done')

    const mine = await app.call('enterprise', 'complaints', {}, company)
    // The demo history may hold older complaints of this company: this one is about this inspection.
    const about = mine.data.items.filter((x: { inspectionId?: string }) => x.inspectionId === inspectionId)
    expect(about).toHaveLength(1)
    const [c] = about
    expect(c).toMatchObject({ inspectionId, category: 'attitude', anonymous: true, status: 'received' })
    const due = new Date(c.dueAt + 8 * 3600_000)
    await seeText(phone, `15个工作日内答复，截止${due.getUTCMonth() + 1}月${due.getUTCDate()}日`)
    await screenshot(phone, 'enterprise-complain-done')

    // A supervisor accepts and replies; the company follows the timeline.
    const supervisor = await app.login('demo-supervisor-city')
    expect(await app.call('supervision', 'handleComplaint', { complaintId: c.id, step: 'accept', text: '已受理，正在核查。' }, supervisor)).toMatchObject({
      ok: true,
    })
    expect(
      await app.call(
        'supervision',
        'handleComplaint',
        { complaintId: c.id, step: 'reply', text: '经核查，已责成该局对相关人员批评教育并向贵企业说明检查依据。' },
        supervisor,
      ),
    ).toMatchObject({
      ok: true,
    })
    await tap(phone, '#btn-my-complaints')
    await see(phone, '.complaint-item')
    const item = await textOf(phone, '.complaint-item')
    expect(item).toMatch(/态度问题/)
    expect(item).toMatch(/已答复/)
    expect(item).toMatch(/匿名/)
    expect(item).toMatch(/监督部门受理/)
    expect(item).toMatch(/已责成该局对相关人员批评教育/)
    await screenshot(phone, 'enterprise-complaints')
  })

  it("lists the company's inspections with the rating state", async () => {
    await openPage(phone, app, '/enterprise/inspections/index')
    await see(phone, '.inspection-item')
    const first = await textOf(phone, '.inspection-item')
    expect(first).toMatch(MARKET.name)
    expect(first).toMatch('已评价 ★★')
    expect(first).toMatch('张伟、李娜')
    expect(first).toMatch('结果：责令整改')
    await tap(phone, '.inspection-item')
    await see(phone, `#btn-complain-${inspectionId}`)
    await screenshot(phone, 'enterprise-inspections')
  })

  it('adds a visit nobody scanned to the ledger, sees it flagged, and exports exactly the ledger to Excel', async () => {
    const before = await app.call('enterprise', 'ledger', {}, company)
    const unscannedBefore = before.data.items.filter((e: { unscanned: boolean }) => e.unscanned).length
    await openPage(phone, app, '/enterprise/ledger/index')
    await see(phone, '#chain-status')
    expect(await textOf(phone, '#chain-status-title')).toBe('台账完整性校验通过')
    // The check-in was written to the ledger by itself.
    await see(phone, '.ledger-entry')
    expect(await textOf(phone, '.ledger-entry')).toMatch('扫码')
    // Every officer of the scanned visit, the one who joined too.
    expect(await textOf(phone, '.ledger-entry')).toMatch('张伟、李娜')

    await tap(phone, '#btn-add-entry')
    await see(phone, '#entry-form')
    await tap(phone, '#btn-dept-manual')
    await fill(phone, 'input-dept-name', '赣州市城市管理局')
    await fill(phone, 'input-officers', '赵军、钱磊')
    // A missing field is said next to the form, and the message goes once the field is filled.
    await tap(phone, '#btn-save-entry')
    await seeText(phone, '请填写检查事由')
    await fill(phone, 'input-purpose', '市容环境卫生检查')
    expect(await phone.page.getByText('请填写检查事由').locator('visible=true').count()).toBe(0)
    await fill(phone, 'input-note', '未出示执法证件，未扫企业码')
    await phone.page
      .locator(visible('#entry-form'))
      .first()
      .evaluate((el) => el.scrollIntoView())
    await screenshot(phone, 'enterprise-ledger-add')
    await tap(phone, '#btn-save-entry')
    // Entries never change: the company is asked first.
    await see(phone, '.taro-modal__content')
    expect(await textOf(phone, '.taro-modal__content')).toMatch('台账记录保存后不能修改或删除')
    await tap(phone, '.taro-model__confirm')
    await see(phone, '#entry-saved')
    await seeText(phone, '已补录：该来访未扫码')
    const flagged = await textOf(phone, '.ledger-entry--unscanned')
    expect(flagged).toMatch('赣州市城市管理局')
    expect(flagged).toMatch('未扫码')
    expect(await textOf(phone, '#unscanned-count')).toBe(`未扫码 ${unscannedBefore + 1} 条`)

    const ledger = await app.call('enterprise', 'ledger', {}, company)
    expect(ledger).toMatchObject({ ok: true, data: { chainOk: true } })
    const entries = [...ledger.data.items].sort((a: { seq: number }, b: { seq: number }) => a.seq - b.seq)
    expect(entries).toHaveLength(before.data.items.length + 1)
    const added = entries[entries.length - 1]
    expect(added).toMatchObject({ source: 'manual', unscanned: true, deptName: '赣州市城市管理局', date: TODAY, officerNames: ['赵军', '钱磊'] })
    await phone.page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(phone, 'enterprise-ledger')

    await tap(phone, '#btn-export')
    await see(phone, '#export-link')
    const href = await phone.page
      .locator(visible('#export-link'))
      .first()
      .evaluate((a: HTMLAnchorElement) => a.href)
    expect(await textOf(phone, '#export-link')).toBe('下载台账文件（Excel）')
    await phone.page.locator(visible('#export-link')).first().scrollIntoViewIfNeeded()
    await screenshot(phone, 'enterprise-ledger-export')

    // The download is named by the company and the period, not by a timestamp.
    const name = await phone.page
      .locator(visible('#export-link'))
      .first()
      .evaluate((a: HTMLAnchorElement) => a.download)
    expect(name).toMatch(
      new RegExp(`^${PARK.name.replace(/[^A-Za-z0-9\u4e00-\u9fff_-]+/g, '_')}_监测点台账_\\d{4}-\\d\\d-\\d\\d至\\d{4}-\\d\\d-\\d\\d\\.xlsx$`),
    )
    const res = await fetch(href)
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    const got = wb.worksheets.flatMap(rows)
    const want = entries.map((e: any) => [
      e.date,
      e.deptName,
      (e.visitOfficerNames ?? e.officerNames).join('、'),
      e.note ? `${e.purpose}（${e.note}）` : e.purpose,
      e.source === 'scan' ? '扫码' : '补录',
      e.outcomeLabel ?? '',
      e.ratingScore
        ? `${e.ratingScore}分 ${({ 1: '非常不满意', 2: '不满意', 3: '基本满意', 4: '满意', 5: '非常满意' } as Record<number, string>)[e.ratingScore]}`
        : '未评价',
      e.unscanned ? '是' : '否',
      String(e.seq),
      e.hash,
    ])
    expect(got).toEqual(want)
    expect(wb.worksheets[0].getRow(1).values).toEqual([
      undefined,
      '日期',
      '执法单位',
      '执法人员',
      '检查事由',
      '来源',
      '检查结果',
      '评价',
      '是否未扫码',
      '序号',
      '哈希',
    ])
    console.log(`[enterprise-journey] exported ${got.length} ledger rows in ${wb.worksheets.length} sheet(s)`)
  })

  it('tells a company that is not a monitoring point why it has no ledger', async () => {
    const other = await openPhone()
    try {
      await loginAs(other, app, 'demo-enterprise-2')
      await openPage(other, app, '/enterprise/ledger/index')
      await see(other, '#ledger-not-monitoring')
      await seeText(other, '本企业不是营商环境监测点')
      await see(other, '#btn-to-inspections')
      await screenshot(other, 'enterprise-ledger-not-monitoring')
    } finally {
      await other.close()
    }
  })
})
