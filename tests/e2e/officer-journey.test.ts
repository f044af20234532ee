/**
 * The officer at the gate, in Chromium against the H5 build (SPEC §2 rules 1, 4, 9):
 * on 12 December (quiet production period) officer A scans a park company, is refused,
 * picks a special case and checks in; officer B of the same department joins with one
 * tap; A records the result and shows the rating code. Then the red light in "my
 * inspections" and the certificate card. Asserts what the officers see, then the records.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from '../helpers/emulator'
import { atGate, closeAll, fill, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, seeText, startApp, tap, textOf, type Phone } from './helpers'

const d = journeyDescribe('officer')

/** 10:00 on 12 December 2026 in Beijing: days 1–25 are the quiet production period. */
const CLOCK = '2026-12-12T02:00:00Z'
const PARK = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const TOWN = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.townCompany)!

d('officer journey (H5)', () => {
  jest.setTimeout(120_000)
  let app: TestEmulator
  let a: Phone
  let b: Phone
  let inspectionId = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    // A's phone has a GPS fix at the company's gate; B's phone refuses the location.
    a = await openPhone({ geolocation: atGate(PARK, 25) })
    b = await openPhone()
  })
  afterAll(() => closeAll(a, b, app))

  it('A scans a park company in the quiet period, is refused, picks a special case and checks in in 2 taps', async () => {
    await loginAs(a, app, 'demo-officer-1')
    await see(a, '#tile-scan')
    await tap(a, '#tile-scan')
    // H5 has no WeChat scanner: the officer types the gate code's scene.
    await see(a, '#input-scene')
    await screenshot(a, 'officer-scan')
    await fill(a, 'input-scene', `c=${PARK.id}`)
    await tap(a, '#btn-open-scene')

    // The preview: company, the amber quiet-period verdict in words, the year count.
    await see(a, '#company-name')
    expect(await textOf(a, '#company-name')).toBe(PARK.name)
    await seeText(a, /安静生产期：园区企业本月1–25日无特殊情形不得入企（至12月25日）/)
    expect(await textOf(a, '#year-count')).toBe('今年计划检查 0/2 次')
    await see(a, '#exception-picker')
    await seeText(a, /已获取（精度约 25 米）/)

    // The taps after the scan.
    a.resetTaps()
    await tap(a, '#btn-checkin')
    await see(a, '#error')
    expect(await textOf(a, '#error')).toMatch(/安静生产期/)
    await screenshot(a, 'officer-preview-quiet')
    const afterRefusal = a.taps

    await tap(a, '#exception-emergency')
    await tap(a, '#btn-checkin')
    await see(a, '#checkin-done')
    // The happy path once the officer knows the rules: pick the special case, check in.
    expect(a.taps - afterRefusal).toBeLessThanOrEqual(2)
    expect(await textOf(a, '#checkin-done-title')).toBe('已登记入企检查')
    await seeText(a, '等待同部门执法人员扫码加入')
    await seeText(a, /2小时内扫描该企业码即可加入/)
    await seeText(a, '安静生产期例外入企')
    await seeText(a, /需监督审核的例外/)
    expect(await textOf(a, '#done-officers')).toBe('张伟（1人）')
    await screenshot(a, 'officer-checkin-done')
    console.log(`[officer-journey] A: ${a.taps} taps after the scan (1 refused, then ${a.taps - afterRefusal} on the happy path)`)
  })

  it('B of the same department opens the gate code and joins with one tap', async () => {
    await loginAs(b, app, 'demo-officer-2')
    // The gate code's own link, as WeChat opens it: the preview with `scene` encoded.
    await openPage(b, app, `/officer/preview/index?scene=${encodeURIComponent(`c=${PARK.id}`)}`)
    await see(b, '#open-inspection')
    await seeText(b, /本部门张伟正在检查该企业/)
    expect(await textOf(b, '#btn-checkin')).toBe('加入检查')
    // B's phone refused the location: the fallback is said out loud.
    await seeText(b, '未获取到定位')
    await see(b, '#location-fallback')
    await screenshot(b, 'officer-preview-join')

    b.resetTaps()
    await tap(b, '#btn-checkin')
    await see(b, '#checkin-done')
    expect(b.taps).toBe(1)
    expect(await textOf(b, '#checkin-done-title')).toBe('已加入检查')
    expect(await textOf(b, '#done-officers')).toBe('张伟、李娜（2人）')
    console.log(`[officer-journey] B: ${b.taps} tap after the scan to join`)
  })

  it('A records the result and shows the rating code', async () => {
    await openPage(a, app, '/officer/my-inspections/index')
    await see(a, '.inspection-item')
    await seeText(a, PARK.name)
    await tap(a, '.inspection-item')
    await see(a, '#btn-to-record')
    await tap(a, '#btn-to-record')
    await see(a, '#btn-record')
    await tap(a, '#outcome-compliant')
    await fill(a, 'input-findings', '检查安全生产台账、消防设施与特种设备使用登记，未发现问题。')
    await screenshot(a, 'officer-record-result')
    await tap(a, '#btn-record')
    await see(a, '#rating-qr')
    await seeText(a, '请企业负责人扫码评价')
    await seeText(a, /7日内有效/)
    const src = await a.page
      .locator('#rating-qr >> visible=true')
      .first()
      .evaluate((el) => el.querySelector('img')?.getAttribute('src') ?? el.getAttribute('src') ?? '')
    expect(src).toMatch(/^data:image\/png;base64,/)
    await a.page
      .locator('#rating-qr img >> visible=true')
      .first()
      .evaluate((img: HTMLImageElement) => img.decode?.())
    await screenshot(a, 'officer-rating-code')
  })

  it('left exactly one inspection with both officers, flagged as a quiet-period exception', async () => {
    const token = await app.login('demo-officer-1')
    const closed = await app.call('inspection', 'list', { status: 'closed' }, token)
    expect(closed.ok).toBe(true)
    // Only what this journey did: the demo history has earlier visits to the same company.
    const journeyAtPark = (i: { companyId: string; checkInAt: number }) => i.companyId === PARK.id && i.checkInAt >= Date.parse(CLOCK)
    const ofPark = closed.data.items.filter(journeyAtPark)
    expect(ofPark).toHaveLength(1)
    const [insp] = ofPark
    inspectionId = insp.id
    expect(insp.officerIds).toEqual([DEMO_IDS.officer1, DEMO_IDS.officer2])
    expect(insp.flags).toContain('quiet_exception')
    expect(insp.flags).not.toContain('off_site')
    expect(insp.exception).toMatchObject({ category: 'emergency', review: 'pending' })
    expect(insp.result).toMatchObject({ outcome: 'compliant' })
    for (const status of ['open', 'overdue'] as const) {
      const other = await app.call('inspection', 'list', { status }, token)
      expect(other.data.items.filter(journeyAtPark)).toHaveLength(0)
    }
  })

  it('shows an inspection without a result after 3 days as a red light', async () => {
    expect(inspectionId).not.toBe('')
    const token = await app.login('demo-officer-1')
    const opened = await app.call(
      'inspection',
      'checkIn',
      {
        scene: `c=${TOWN.id}`,
        clientRequestId: 'e2e-red-light-0001',
        source: 'complaint',
        sourceRef: 'REF-2026-0001',
        location: { ...TOWN.location, accuracy: 30 },
      },
      token,
    )
    expect(opened).toMatchObject({ ok: true })
    await app.setClock('2026-12-16T02:00:00Z')
    await app.call('scheduler', 'run', {}, await app.login('admin-openid'))

    await openPage(a, app, '/officer/my-inspections/index')
    await see(a, '#tab-overdue')
    await tap(a, '#tab-overdue')
    await see(a, '.inspection-item--overdue')
    await seeText(a, TOWN.name)
    await seeText(a, /请立即录入结果/)
    await screenshot(a, 'officer-my-inspections')
  })

  it('shows the certificate card with a 5-minute QR code', async () => {
    await openPage(a, app, '/officer/cert-card/index')
    await see(a, '#cert-qr')
    expect(await textOf(a, '#cert-name')).toBe('张伟')
    expect(await textOf(a, '#cert-status')).toBe('有效')
    await seeText(a, '市场监督管理局')
    await seeText(a, /二维码 [45]:\d\d 后自动刷新/)
    await a.page
      .locator('#cert-qr img >> visible=true')
      .first()
      .evaluate((img: HTMLImageElement) => img.decode?.())
    await screenshot(a, 'officer-cert-card')
  })
})
