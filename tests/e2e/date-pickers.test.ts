/**
 * Date pickers with bounds, in Chromium against the H5 build: the emulator runs on 27 December
 * 2026 while the browser's clock is on another day, and every picker offers exactly what the
 * server accepts on the server's day — the rectification deadline (after today, up to
 * `result.maxRectifyDays`), the back-filled visit (up to `backfill.maxDays` back), the ledger
 * entry (up to `ledger.maxBackdateDays` back, never tomorrow), the plan's period (from today,
 * its end never before its start). Dates chosen show their year when it is not this year's, and
 * the forms go through with the dates picked.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import { defaultSettings } from '@contract'
import type { TestEmulator } from '../helpers/emulator'
import {
  confirmDialog,
  e2eUnavailable,
  fill,
  loginAs,
  openPage,
  openPhone,
  pickDate,
  pickerColumns,
  screenshot,
  see,
  seeText,
  startApp,
  tap,
  textOf,
  turnPickerColumn,
  confirmPicker,
  dragPickerColumn,
  visible,
  type Phone,
} from './helpers'

const unavailable = e2eUnavailable()
const d = unavailable ? describe.skip : describe
if (unavailable) console.warn(`date pickers e2e skipped: ${unavailable}`)

/** 10:00 on 27 December 2026 in Beijing. */
const CLOCK = '2026-12-27T02:00:00Z'
const settings = defaultSettings()
const roster = buildDemoRoster()
const towns = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint).slice(-20)
const [RESULT_CO, BACKFILL_CO, PLAN_CO] = [towns[3], towns[4], towns[5]]
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat, lng: c.location.lng, accuracy: 20 })
/** `n` as a picker's day or month item: `05日`. */
const item = (n: number, unit: string) => `${String(n).padStart(2, '0')}${unit}`
const days = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => item(from + i, '日'))
/** What a picker's box says (without its arrow). */
const shown = async (phone: Phone, id: string) => (await textOf(phone, `#${id}`)).split('\n')[0].trim()

d('date pickers with bounds (H5)', () => {
  jest.setTimeout(150_000)
  let app: TestEmulator
  let phone: Phone

  beforeAll(async () => {
    // Sanity: the defaults these expectations spell out.
    expect([settings.result.maxRectifyDays, settings.backfill.maxDays, settings.ledger.maxBackdateDays]).toEqual([180, 3, 30])
    app = await startApp({ seed: 'demo', clock: CLOCK })
    phone = await openPhone()
    // The browser's own clock is on another day than the emulator's.
    expect(await phone.page.evaluate(() => new Date().toISOString().slice(0, 10))).not.toBe('2026-12-27')
  })
  afterAll(async () => {
    await phone?.close()
    await app?.close()
  })

  it('the rectification deadline offers the days after today up to 180 days ahead, and says the year of next year', async () => {
    const [o1, o2] = [await app.login('demo-officer-1'), await app.login('demo-officer-2')]
    const visit = { scene: `c=${RESULT_CO.id}`, source: 'complaint', sourceRef: 'TS-2026-1227', location: near(RESULT_CO) }
    const first = await app.call('inspection', 'checkIn', { ...visit, clientRequestId: 'e2e-dates-ci-0001' }, o1)
    expect(first).toMatchObject({ ok: true })
    expect(await app.call('inspection', 'checkIn', { ...visit, clientRequestId: 'e2e-dates-ci-0002' }, o2)).toMatchObject({ ok: true, data: { joined: true } })
    const id = first.data.inspection.id

    await loginAs(phone, app, 'demo-officer-1')
    await openPage(phone, app, `/officer/record-result/index?id=${id}&company=${encodeURIComponent(RESULT_CO.name)}&n=2`)
    await see(phone, '#btn-record')
    await tap(phone, '#outcome-rectify')
    await see(phone, '#input-rectify-by')
    await fill(phone, 'input-findings', '消防通道堆放杂物，灭火器过期2具。')
    // A missing deadline is said next to its field, and goes once a date is chosen.
    await tap(phone, '#btn-record')
    expect(await textOf(phone, '#rectify-by-error')).toBe('!\n请选择整改期限')
    await tap(phone, '#input-rectify-by')
    // Opened on the first day offered: tomorrow on the server's day, not the browser's.
    expect(await pickerColumns(phone)).toEqual([['2026年', '2027年'], ['12月'], days(28, 31)])
    await screenshot(phone, 'officer-record-rectify-picker')
    // Today cannot be chosen, nor anything after 25 June 2027 (today + 180 days).
    expect(await turnPickerColumn(phone, 2, '27日')).toBe(false)
    expect(await turnPickerColumn(phone, 0, '2027年')).toBe(true)
    expect((await pickerColumns(phone))[1]).toEqual(['01月', '02月', '03月', '04月', '05月', '06月'])
    expect(await turnPickerColumn(phone, 1, '06月')).toBe(true)
    expect((await pickerColumns(phone))[2]).toEqual(days(1, 25))
    await confirmPicker(phone)
    expect(await phone.page.locator(visible('#rectify-by-error')).count()).toBe(0)

    await pickDate(phone, 'input-rectify-by', '2027-01-10')
    expect(await shown(phone, 'input-rectify-by')).toBe('2027年1月10日前')
    await phone.page.locator(visible('#input-rectify-by')).first().scrollIntoViewIfNeeded()
    await screenshot(phone, 'officer-record-rectify')
    await tap(phone, '#btn-record')
    await see(phone, '#rating-qr')
    const detail = await app.call('inspection', 'detail', { inspectionId: id }, o1)
    expect(JSON.stringify(detail.data)).toContain('"rectifyBy":"2027-01-10"')
  })

  it('the back-filled visit offers today and the 3 days before; the time picked is sent as Beijing time', async () => {
    await openPage(phone, app, `/officer/backfill/index?companyId=${BACKFILL_CO.id}&company=${encodeURIComponent(BACKFILL_CO.name)}`)
    await see(phone, '#btn-backfill')
    await tap(phone, '#input-date')
    expect(await pickerColumns(phone)).toEqual([['2026年'], ['12月'], days(24, 27)])
    await screenshot(phone, 'officer-backfill-picker')
    expect(await turnPickerColumn(phone, 2, '23日')).toBe(false)
    await confirmPicker(phone)

    // On today, no time after the server's now: the hour turned to the afternoon goes back.
    await pickDate(phone, 'input-date', '2026-12-27')
    await tap(phone, '#input-time')
    await dragPickerColumn(phone, 0, 3)
    await dragPickerColumn(phone, 0, 3)
    await confirmPicker(phone)
    const picked = (await shown(phone, 'input-time')).replace('北京时间 ', '')
    const now = (await app.call('account', 'whoami', {})).data.today.time
    expect(picked.slice(0, 2)).toBe('10')
    expect(picked <= now).toBe(true)

    await pickDate(phone, 'input-date', '2026-12-25')
    expect(await shown(phone, 'input-date')).toBe('12月25日')
    await tap(phone, '#input-time')
    expect(await turnPickerColumn(phone, 0, '09')).toBe(true)
    expect(await turnPickerColumn(phone, 1, '00')).toBe(true)
    await confirmPicker(phone)
    expect(await shown(phone, 'input-time')).toBe('北京时间 09:00')
    await fill(phone, 'input-reason', '企业门口企检码被遮挡，现场无网络，未能扫码')
    await tap(phone, '#source-complaint')
    await fill(phone, 'input-source-ref', 'TS-2026-1225')
    await tap(phone, '#btn-backfill')
    await see(phone, '#status-badge')
    const id = decodeURIComponent(/[?&]id=([^&]+)/.exec(phone.page.url())![1])
    const filled = await app.call('inspection', 'detail', { inspectionId: id }, await app.login('demo-officer-1'))
    expect(filled.data.inspection).toMatchObject({ companyId: BACKFILL_CO.id, checkInAt: Date.parse('2026-12-25T09:00:00+08:00') })
  })

  it("the company's ledger entry offers the last 30 days up to today; the earliest is saved", async () => {
    await loginAs(phone, app, 'demo-enterprise-1')
    await openPage(phone, app, '/enterprise/ledger/index')
    await tap(phone, '#btn-add-entry')
    await see(phone, '#entry-form')
    expect(await shown(phone, 'picker-date')).toBe('12月27日')
    await tap(phone, '#picker-date')
    // 27 November … 27 December: tomorrow is not offered.
    expect(await pickerColumns(phone)).toEqual([['2026年'], ['11月', '12月'], days(1, 27)])
    expect(await turnPickerColumn(phone, 1, '11月')).toBe(true)
    expect((await pickerColumns(phone))[2]).toEqual(days(27, 30))
    await screenshot(phone, 'enterprise-ledger-add-picker')
    await confirmPicker(phone)
    expect(await shown(phone, 'picker-date')).toBe('11月27日')

    await tap(phone, '#btn-dept-manual')
    await fill(phone, 'input-dept-name', '赣州市城市管理局')
    await fill(phone, 'input-officers', '赵军')
    await fill(phone, 'input-purpose', '市容环境卫生检查')
    await tap(phone, '#btn-save-entry')
    await confirmDialog(phone)
    await see(phone, '#entry-saved')
    const ledger = await app.call('enterprise', 'ledger', {}, await app.login('demo-enterprise-1'))
    expect(ledger.data.items.some((e: { date: string; deptName: string }) => e.date === '2026-11-27' && e.deptName === '赣州市城市管理局')).toBe(true)

    // The export ends today at the latest.
    await tap(phone, '#picker-to')
    expect((await pickerColumns(phone))[0].at(-1)).toBe('2026年')
    await confirmPicker(phone)
  })

  it('a plan is submitted with picked dates: it starts today or later and cannot end before it starts', async () => {
    await loginAs(phone, app, 'demo-deptadmin-1')
    await openPage(phone, app, '/supervisor/plans/index')
    await see(phone, '#plan-form')
    expect(await shown(phone, 'input-from')).toBe('12月27日')
    await tap(phone, '#input-from')
    const from = await pickerColumns(phone)
    expect(from[0][0]).toBe('2026年')
    expect(from[1]).toEqual(['12月'])
    expect(from[2]).toEqual(days(27, 31))
    await confirmPicker(phone)

    await pickDate(phone, 'input-from', '2027-01-04')
    // The end moved along (it was 31 December) and says its year.
    expect(await shown(phone, 'input-from')).toBe('2027年1月4日')
    expect(await shown(phone, 'input-to')).toBe('2027年1月4日')
    await tap(phone, '#input-to')
    const to = await pickerColumns(phone)
    expect(to[0][0]).toBe('2027年')
    expect(to[1][0]).toBe('01月')
    expect(to[2][0]).toBe('04日')
    await confirmPicker(phone)
    await pickDate(phone, 'input-to', '2027-01-29')

    await fill(phone, 'input-title', '2027年1月乡镇企业日常检查')
    await fill(phone, 'input-items', '营业执照公示\n明码标价')
    await fill(phone, 'input-basis', '《中华人民共和国价格法》')
    await fill(phone, 'input-company-query', PLAN_CO.name)
    await tap(phone, '#btn-company-search')
    await tap(phone, `#pick-${PLAN_CO.id}`)
    await phone.page.locator(visible('#input-from')).first().scrollIntoViewIfNeeded()
    await screenshot(phone, 'supervisor-plans-dates')
    await tap(phone, '#btn-submit-plan')
    await see(phone, '#plan-notice')
    await seeText(phone, '2027年1月4日—2027年1月29日')
    const plans = await app.call('supervision', 'plans', {}, await app.login('demo-deptadmin-1'))
    expect(plans.data.items.find((p: { title: string }) => p.title === '2027年1月乡镇企业日常检查')).toMatchObject({
      from: '2027-01-04',
      to: '2027-01-29',
      deptId: DEMO_IDS.cityMarketDept,
    })
  })
})
