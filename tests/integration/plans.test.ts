import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { DEMO_IDS } from '../../emulator/seed/demo'

/** supervision.submitPlan / reviewPlan / plans over HTTP against the demo data. */

let emu: TestEmulator
const { into } = emulatorSession(() => emu)
const sup = into('supervision')

const basePlan = {
  deptId: DEMO_IDS.cityMarketDept,
  title: '2026年12月食品生产企业日常检查',
  kind: 'routine',
  items: ['食品生产许可', '原料进货查验'],
  basis: '《食品安全法》第一百一十条',
  companyIds: ['co_0150', 'co_0151'],
  from: '2026-12-01',
  to: '2026-12-31',
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

describe('supervision.submitPlan', () => {
  it('files a pending plan in the department’s region', async () => {
    const res = await sup('demo-deptadmin-1', 'submitPlan', basePlan)
    expect(res).toMatchObject({
      ok: true,
      data: { plan: { status: 'pending', region: '3607', deptId: DEMO_IDS.cityMarketDept, companyIds: ['co_0150', 'co_0151'] } },
    })
  })

  it('refuses another department’s plan (FORBIDDEN), and officers altogether', async () => {
    expect(await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await sup('demo-officer-1', 'submitPlan', basePlan)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a window that ends before it starts, naming `to` and saying so in Chinese; a one-day window is fine', async () => {
    const res = await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, from: '2026-12-20', to: '2026-12-19' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['to'] }] } } })
    expect(res.error!.message).toContain('结束日期不能早于开始日期')
    expect(res.error!.message).not.toMatch(/\bto\b|from/)
    expect(await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, title: '一日计划', from: '2026-12-20', to: '2026-12-20' })).toMatchObject({ ok: true })
  })

  it('lists the companies that do not exist (NOT_FOUND)', async () => {
    const res = await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, companyIds: ['co_0150', 'co_9998', 'co_9999'] })
    expect(res).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', details: { missing: ['co_9998', 'co_9999'] } } })
  })

  it('names the field of bad input', async () => {
    const res = await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, kind: 'surprise', from: '2026-13-01' })
    expect(res.ok).toBe(false)
    expect(res.error!.code).toBe('INVALID_INPUT')
    const paths = (res.error!.details as { issues: Array<{ path: string[] }> }).issues.map((i) => i.path.join('.'))
    expect(paths).toEqual(expect.arrayContaining(['kind', 'from']))
  })
})

describe('supervision.reviewPlan', () => {
  let planId: string
  beforeAll(async () => {
    planId = (await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, title: '待审核计划' })).data.plan.id
  })

  it('refuses a county supervisor for a city department’s plan', async () => {
    expect(await sup('demo-supervisor-county', 'reviewPlan', { planId, decision: 'approve', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('refuses a department admin (FORBIDDEN) and an unknown plan (NOT_FOUND)', async () => {
    expect(await sup('demo-deptadmin-1', 'reviewPlan', { planId, decision: 'approve', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await sup('demo-supervisor-city', 'reviewPlan', { planId: 'plan_nope', decision: 'approve', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
  })

  it('approves once with the comment on record; a second review is CONFLICT', async () => {
    const res = await sup('demo-supervisor-city', 'reviewPlan', { planId, decision: 'approve', comment: '同意，注意避开安静生产期' })
    expect(res).toMatchObject({
      ok: true,
      data: { plan: { id: planId, status: 'approved', review: { decision: 'approve', comment: '同意，注意避开安静生产期' } } },
    })
    expect(await sup('demo-supervisor-city', 'reviewPlan', { planId, decision: 'reject', comment: '改主意' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('rejects a plan', async () => {
    const id = (await sup('demo-deptadmin-1', 'submitPlan', { ...basePlan, title: '将被驳回' })).data.plan.id
    expect(await sup('demo-supervisor-city', 'reviewPlan', { planId: id, decision: 'reject', comment: '依据不足' })).toMatchObject({
      ok: true,
      data: { plan: { status: 'rejected' } },
    })
  })

  it('names a missing comment', async () => {
    expect(await sup('demo-supervisor-city', 'reviewPlan', { planId, decision: 'approve' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['comment'] }] } },
    })
  })
})

describe('supervision.plans', () => {
  it('shows a department admin their own plans, newest first, filtered by status', async () => {
    const all = await sup('demo-deptadmin-1', 'plans', {})
    expect(all.ok).toBe(true)
    const items = all.data.items as Array<{ deptId: string; submittedAt: number; status: string }>
    expect(items.length).toBeGreaterThanOrEqual(3)
    expect(items.every((p) => p.deptId === DEMO_IDS.cityMarketDept)).toBe(true)
    expect([...items].sort((a, b) => b.submittedAt - a.submittedAt).map((p) => p.submittedAt)).toEqual(items.map((p) => p.submittedAt))
    const pending = await sup('demo-deptadmin-1', 'plans', { status: 'pending' })
    expect((pending.data.items as Array<{ status: string }>).every((p) => p.status === 'pending')).toBe(true)
    expect(await sup('demo-deptadmin-1', 'plans', { deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('scopes supervisors to their region', async () => {
    const city = await sup('demo-supervisor-city', 'plans', { deptId: DEMO_IDS.cityMarketDept })
    expect(city.data.items.length).toBeGreaterThanOrEqual(3)
    const county = await sup('demo-supervisor-county', 'plans', {})
    expect((county.data.items as Array<{ region: string }>).every((p) => p.region === '360702')).toBe(true)
  })

  it('is closed to officers and companies', async () => {
    expect(await sup('demo-officer-1', 'plans', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await sup('demo-enterprise-1', 'plans', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})
