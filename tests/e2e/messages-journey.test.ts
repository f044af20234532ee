/**
 * The company is told and heard (SPEC §2.22), in Chromium against the H5 build: a check-in
 * puts 入企告知 in the company's inbox (unread count on home), the notice opens 检查告知 with
 * the officers' certificate numbers and the company's rights; the result puts the result
 * and a rating link there and the company rates from it, without the officer's code; the
 * complainant sees every step of the complaint in the inbox and says whether the reply
 * helped. The officers' and supervisors' sides are driven through the API.
 */
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from '../helpers/emulator'
import { complaintCheckIn, rectifyResult } from '../helpers/visits'
import { closeAll, fill, journeyDescribe, loginAs, logins, openPage, openPhone, screenshot, see, seeText, startApp, tap, textOf, type Phone } from './helpers'

const d = journeyDescribe('messages')

/** 10:00 on 26 December 2026 in Beijing: after the quiet production period. */
const CLOCK = '2026-12-26T02:00:00Z'
const roster = buildDemoRoster()
const TOWN = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
const MARKET = roster.departments.find((x) => x.id === DEMO_IDS.cityMarketDept)!
const at = { lat: TOWN.location.lat, lng: TOWN.location.lng, accuracy: 20 }

d('messages journey (H5)', () => {
  jest.setTimeout(180_000)
  let app: TestEmulator
  let phone: Phone
  let officer1 = ''
  let officer2 = ''
  let company = ''
  let inspectionId = ''

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: CLOCK })
    phone = await openPhone()
    ;[officer1, officer2, company] = await logins(app, 'demo-officer-1', 'demo-officer-2', 'demo-enterprise-2')
  })
  afterAll(() => closeAll(phone, app))

  it('a check-in puts 入企告知 in the company inbox; home counts it; the notice opens 检查告知 with the rights', async () => {
    const before = (await app.call('account', 'messages', {}, company)).data.unread as number
    const open = await complaintCheckIn(app, officer1, TOWN, 'e2e-msg-checkin-0001')
    expect(open).toMatchObject({ ok: true, data: { joined: false } })
    inspectionId = open.data.inspection.id
    expect(await complaintCheckIn(app, officer2, TOWN, 'e2e-msg-checkin-0002')).toMatchObject({ ok: true, data: { joined: true } })

    await loginAs(phone, app, 'demo-enterprise-2')
    await see(phone, '#home-unread')
    expect(await textOf(phone, '#home-unread')).toBe(`${before + 1} 条未读`)
    await see(phone, '#company-overview')
    await seeText(phone, '贵企业不在园区内，安静生产期不适用')
    await see(phone, `#year-${MARKET.id}`)
    expect(await textOf(phone, `#year-${MARKET.id}`)).toMatch(MARKET.name)
    await tap(phone, '#btn-show-gate')
    await see(phone, '#company-gate-image')
    await screenshot(phone, 'enterprise-home-overview')

    await tap(phone, '#home-messages')
    await see(phone, '.msg-item--checkin_notice')
    const notice = await textOf(phone, '.msg-item--checkin_notice')
    expect(notice).toMatch('入企检查告知')
    expect(notice).toMatch(`${MARKET.name}执法人员张伟（执法证号 36070000001）`)
    expect(notice).toMatch('投诉举报核查')
    await screenshot(phone, 'messages-inbox')

    await tap(phone, '.msg-item--checkin_notice')
    await see(phone, '#notice-rights')
    expect(await textOf(phone, '#notice-departments')).toBe(MARKET.name)
    expect(await textOf(phone, '#notice-officer-1')).toMatch(/张伟\s*执法证号 36070000001/)
    expect(await textOf(phone, '#notice-officer-2')).toMatch(/李娜\s*执法证号 3607/)
    await seeText(phone, '陈述申辩')
    await seeText(phone, '行政复议')
    await seeText(phone, '行政诉讼')
    await seeText(phone, '执法人员尚未录入检查结果。')
    await screenshot(phone, 'enterprise-inspection-notice')
    // Read once opened: the message is no longer counted.
    const after = await app.call('account', 'messages', {}, company)
    expect(after.data.unread).toBe(before)
  })

  it('the result puts the result and a rating link in the inbox; the company rates from it without a code', async () => {
    expect(await rectifyResult(app, officer1, inspectionId, '灭火器过期2具，疏散指示灯损坏。', '2027-01-20')).toMatchObject({ ok: true })
    await openPage(phone, app, '/pages/messages/index')
    await see(phone, '.msg-item--result_notice')
    const text = await textOf(phone, '.msg-item--result_notice')
    expect(text).toMatch('检查结果告知')
    expect(text).toMatch('责令整改，整改期限 2027-01-20')
    await tap(phone, '.msg-item--result_notice')
    await see(phone, '#rating-summary')
    expect(await textOf(phone, '#summary-dept')).toBe(MARKET.name)
    expect(await textOf(phone, '#summary-result')).toMatch(/^责令整改/)
    await tap(phone, '#score-5')
    await tap(phone, '#btn-rate')
    await see(phone, '#rate-done')
    const list = await app.call('enterprise', 'inspections', {}, company)
    expect(list.data.items.find((i: { id: string }) => i.id === inspectionId).rating).toEqual({ state: 'rated', score: 5 })
  })

  it('the complainant sees every step in the inbox and says whether the reply helped', async () => {
    await openPage(phone, app, `/enterprise/complain/index?inspectionId=${inspectionId}`)
    await see(phone, '#complain-about')
    await seeText(phone, new RegExp(`2026年12月26日 \\d\\d:\\d\\d · ${MARKET.name}`))
    await see(phone, '#category-attitude')
    // A company outside parks is not offered the quiet-period category.
    expect(await phone.page.locator('#category-quiet_period_violation').count()).toBe(0)
    await tap(phone, '#category-attitude')
    await fill(phone, 'input-content', '检查时执法人员要求立即停业整改，未说明依据。')
    await fill(phone, 'input-phone', '13807970001')
    await tap(phone, '#btn-complain')
    await see(phone, '#complain-done')

    const mine = await app.call('enterprise', 'complaints', {}, company)
    const c = mine.data.items.find((x: { inspectionId?: string }) => x.inspectionId === inspectionId)
    expect(c).toMatchObject({ phone: '13807970001', anonymous: false })
    const supervisor = await app.login('demo-supervisor-county')
    for (const [step, text] of [
      ['accept', '已受理，正在核查。'],
      ['reply', '经核查，已责成该局向贵企业说明整改依据。'],
    ]) {
      expect(await app.call('supervision', 'handleComplaint', { complaintId: c.id, step, text }, supervisor)).toMatchObject({ ok: true })
    }

    await openPage(phone, app, '/pages/messages/index')
    await see(phone, '.msg-item--complaint_update')
    const steps = await phone.page.locator('.msg-item--complaint_update >> visible=true').allInnerTexts()
    // Newest first; the demo history's own complaints follow.
    expect(steps.slice(0, 3).map((s) => s.split('\n')[0].trim())).toEqual(['投诉已答复', '投诉已受理', '投诉已收到'])
    expect(steps[0]).toMatch('已责成该局向贵企业说明整改依据')

    await tap(phone, '.msg-item--complaint_update')
    await see(phone, `#complaint-${c.id}`)
    expect(await textOf(phone, `#complaint-about-${c.id}`)).toMatch(`2026年12月26日 ${MARKET.name}`)
    await tap(phone, `#btn-reply-ok-${c.id}`)
    await see(phone, `#reply-rated-${c.id}`)
    expect(await textOf(phone, `#reply-rated-${c.id}`)).toBe('您对答复的评价：满意')
  })

  it('a rating code scanned in 核验执法人员 by mistake opens the rating it is for', async () => {
    const open = await app.call(
      'inspection',
      'checkIn',
      { scene: `c=${TOWN.id}`, clientRequestId: 'e2e-msg-checkin-0003', source: 'complaint', sourceRef: 'REF-2026-0001', location: at },
      officer1,
    )
    const id = open.data.inspection.id
    await app.call(
      'inspection',
      'checkIn',
      { scene: `c=${TOWN.id}`, clientRequestId: 'e2e-msg-checkin-0004', source: 'complaint', sourceRef: 'REF-2026-0001', location: at },
      officer2,
    )
    const result = await app.call('inspection', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '未发现问题。' }, officer1)
    const token = result.data.rating.token as string
    await openPage(phone, app, '/enterprise/verify-officer/index')
    await fill(phone, 'input-token', `${app.baseUrl}/#/enterprise/rate/index?scene=${encodeURIComponent(token)}`)
    await tap(phone, '#btn-verify')
    await see(phone, '#rating-summary')
    expect(await textOf(phone, '#summary-result')).toMatch(/^未发现问题/)
  })
})
