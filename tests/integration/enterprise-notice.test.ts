import { contract } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { approvedMarketPlan } from '../helpers/plans'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * The company reads and answers (SPEC §2.22, §3 enterprise): the inspection notice 检查告知
 * with its rights, rating from its own list within 7 days of the result, its home
 * (overview), and complaints with a phone, categories that fit, and a verdict on the reply.
 * The clock starts on 2026-12-26 (after the quiet period).
 */

const roster = buildDemoRoster()
const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const { call } = emulatorSession(() => emu)
const ent = (openid: string, action: string, fields: object = {}) => call(openid, 'enterprise', action, fields)
let n = 0
let planId = ''
/** The market department's figures on the town company's home before these tests (the demo history has some). */
let baseline = { planned: 0, caseSourced: 0, service: 0 }
const marketOf = (data: { year: { byDepartment: Array<{ deptId: string; planned: number; caseSourced: number; service: number }> } }) =>
  data.year.byDepartment.find((d) => d.deptId === DEMO_IDS.cityMarketDept) ?? { planned: 0, caseSourced: 0, service: 0 }

async function inspected(source: 'plan' | 'complaint', result = true): Promise<string> {
  const fields = { scene: `c=${town.id}`, source, ...(source === 'plan' ? { planId } : { sourceRef: 'TS-2026-0001' }), location: near(town) }
  const open = await call('demo-officer-1', 'inspection', 'checkIn', { ...fields, clientRequestId: `notice-request-${++n}` })
  expect(open.error).toBeUndefined()
  await call('demo-officer-2', 'inspection', 'checkIn', { ...fields, clientRequestId: `notice-request-${++n}` })
  if (result)
    expect(
      (
        await call('demo-officer-1', 'inspection', 'recordResult', {
          inspectionId: open.data.inspection.id,
          outcome: 'rectify',
          findings: '灭火器过期',
          rectifyBy: '2027-01-15',
        })
      ).ok,
    ).toBe(true)
  return open.data.inspection.id
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z', env: { ADMIN_OPENIDS: 'demo-admin' } })
  baseline = marketOf((await ent('demo-enterprise-2', 'overview')).data)
  const plan = await approvedMarketPlan(emu, [town.id], {
    title: '十二月食品安全专项检查',
    kind: 'routine',
    items: ['食品经营许可', '进货查验记录'],
    basis: '《食品安全法》第一百一十条',
    from: '2026-12-26',
    to: '2026-12-31',
  })
  planId = plan.id
})
afterAll(async () => {
  await emu?.close()
})

describe('检查告知 (enterprise.inspection)', () => {
  it('shows the plan with its basis and items, every officer with the certificate number, the result and the rights', async () => {
    const id = await inspected('plan')
    const res = await ent('demo-enterprise-2', 'inspection', { inspectionId: id })
    expect(res.ok).toBe(true)
    contract.enterprise.inspection.output.parse(res.data)
    const i = res.data.inspection
    expect(i).toMatchObject({
      departments: [{ deptId: DEMO_IDS.cityMarketDept, name: '赣州市市场监督管理局' }],
      officers: [
        { name: '张伟', certNo: '36070000001' },
        { name: '李娜', certNo: expect.stringMatching(/^3607/) },
      ],
      sourceLabel: '检查计划',
      plan: { title: '十二月食品安全专项检查', basis: '《食品安全法》第一百一十条', items: ['食品经营许可', '进货查验记录'] },
      result: { outcome: 'rectify', outcomeLabel: '责令整改', findings: '灭火器过期', rectifyBy: '2027-01-15' },
      rating: { state: 'issued', canRate: true },
    })
    expect(i.rights.map((r: { title: string }) => r.title)).toEqual(['陈述申辩', '行政复议', '行政诉讼'])
    expect(i.rights[1].channel).toContain('60 日内')
  })

  it('refuses another company’s inspection (FORBIDDEN) and an unknown one (NOT_FOUND)', async () => {
    const id = await inspected('complaint', false)
    expect(await ent('demo-enterprise-1', 'inspection', { inspectionId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ent('demo-enterprise-2', 'inspection', { inspectionId: 'insp_nosuchthing' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('rating from the list (enterprise.rate by inspectionId)', () => {
  it('is refused before the result, allowed once after it, and only for the company’s own inspection', async () => {
    const open = await inspected('complaint', false)
    expect(await ent('demo-enterprise-2', 'rate', { inspectionId: open, score: 5 })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await call('demo-officer-1', 'inspection', 'recordResult', { inspectionId: open, outcome: 'compliant', findings: '未发现问题' })).ok).toBe(true)
    expect(await ent('demo-enterprise-1', 'rate', { inspectionId: open, score: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const rated = await ent('demo-enterprise-2', 'rate', { inspectionId: open, score: 4, tags: ['规范'] })
    expect(rated).toMatchObject({ ok: true, data: { rating: { inspectionId: open, score: 4 } } })
    expect(await ent('demo-enterprise-2', 'rate', { inspectionId: open, score: 1 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    const notice = await ent('demo-enterprise-2', 'inspection', { inspectionId: open })
    expect(notice.data.inspection.rating).toMatchObject({ state: 'rated', score: 4, canRate: false })
  })

  it('closes 7 days after the result; the token and the id together are refused', async () => {
    const id = await inspected('complaint')
    expect(await ent('demo-enterprise-2', 'rate', { inspectionId: id, token: 'r.x', score: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ent('demo-enterprise-2', 'rate', { score: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    await emu.setClock('2027-01-02T03:00:00Z')
    const late = await ent('demo-enterprise-2', 'rate', { inspectionId: id, score: 5 })
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(late.error!.message).toContain('7 天')
    await emu.setClock('2026-12-26T02:00:00Z')
  })
})

describe('the company home (enterprise.overview)', () => {
  it('counts this year’s inspections by department: planned against the cap, case-sourced apart; the gate code; the quiet period', async () => {
    const res = await ent('demo-enterprise-2', 'overview')
    expect(res.ok).toBe(true)
    contract.enterprise.overview.output.parse(res.data)
    expect(res.data.gate).toEqual({ scene: `c=${town.id}`, path: 'officer/preview/index' })
    expect(res.data.company).toMatchObject({ id: town.id, inPark: false })
    expect(res.data.quiet).toEqual({ active: false, appliesToCompany: false, windowEnd: null })
    const market = marketOf(res.data)
    expect(market).toMatchObject({ deptName: '赣州市市场监督管理局', planned: baseline.planned + 1, cap: 2, service: baseline.service })
    // Case-sourced visits are shown, never counted toward the cap (scans within the join window joined one visit).
    expect(market.caseSourced).toBeGreaterThan(baseline.caseSourced)
    expect(res.data.year.year).toBe(2026)
    // Results still open to rating from the list: the planned one and the late-window one (now back in time).
    expect(res.data.toRate).toBeGreaterThanOrEqual(1)
  })

  it('tells a park company the quiet period protects it', async () => {
    await emu.setClock('2026-12-10T02:00:00Z')
    const res = await ent('demo-enterprise-1', 'overview')
    expect(res.data.quiet).toEqual({ active: true, appliesToCompany: true, windowEnd: '2026-12-25' })
    await emu.setClock('2026-12-26T02:00:00Z')
  })
})

describe('complaints: phone, categories, the verdict on the reply', () => {
  it('keeps a phone on a named complaint, shows the visit by date and department; refuses a phone on an anonymous one', async () => {
    const id = await inspected('complaint', false)
    const named = await ent('demo-enterprise-2', 'complain', { inspectionId: id, category: 'attitude', content: '检查人员态度粗暴', phone: '13807970001' })
    expect(named).toMatchObject({ ok: true, data: { complaint: { phone: '13807970001', inspectionDate: '2026-12-26', deptName: '赣州市市场监督管理局' } } })
    const anon = await ent('demo-enterprise-2', 'complain', { category: 'attitude', content: '检查人员态度粗暴', anonymous: true, phone: '13807970001' })
    expect(anon).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(anon.error!.message).toContain('匿名')
    const sup = await call('demo-supervisor-city', 'supervision', 'complaints')
    expect(sup.data.items.find((c: { id: string }) => c.id === named.data.complaint.id)).toMatchObject({ phone: '13807970001', complainantName: '吴刚' })
  })

  it('refuses the quiet-period category for a company outside parks, allows it in a park', async () => {
    const out = await ent('demo-enterprise-2', 'complain', { category: 'quiet_period_violation', content: '安静生产期入企检查' })
    expect(out).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(out.error!.message).toContain('不在园区')
    expect(await ent('demo-enterprise-1', 'complain', { category: 'quiet_period_violation', content: '安静生产期入企检查' })).toMatchObject({ ok: true })
  })

  it('rateReply: only after a reply, once, by the author', async () => {
    const made = await ent('demo-enterprise-2', 'complain', { category: 'other', content: '检查时要求提供与检查无关的材料', anonymous: true })
    const id = made.data.complaint.id
    expect(await ent('demo-enterprise-2', 'rateReply', { complaintId: id, satisfied: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    await call('demo-supervisor-county', 'supervision', 'handleComplaint', { complaintId: id, step: 'accept', text: '已受理' })
    await call('demo-supervisor-county', 'supervision', 'handleComplaint', { complaintId: id, step: 'reply', text: '已责成整改' })
    expect(await ent('demo-enterprise-1', 'rateReply', { complaintId: id, satisfied: true })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const rated = await ent('demo-enterprise-2', 'rateReply', { complaintId: id, satisfied: false, comment: '问题没有解决' })
    expect(rated).toMatchObject({ ok: true, data: { complaint: { replyRating: { satisfied: false, comment: '问题没有解决' } } } })
    expect(await ent('demo-enterprise-2', 'rateReply', { complaintId: id, satisfied: true })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const sup = await call('demo-supervisor-city', 'supervision', 'complaints')
    expect(sup.data.items.find((c: { id: string }) => c.id === id)).toMatchObject({ replyRating: { satisfied: false } })
  })
})
