import { TEST_KEYS } from '../helpers/keys'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import type { Platform } from '@server/platform/context'
import { accountHandlers } from '@server/handlers/account'
import { seedDemo, DEMO_BIND_CODES, DEMO_IDS } from '../../emulator/seed/demo'
import { createFakeDb } from './fake-db'

/**
 * The account handlers through the real dispatcher on an in-memory fake of the port:
 * the rules, without HTTP or SQLite (tests/integration covers those).
 */

const NOW = Date.parse('2026-03-10T02:00:00Z')

async function setup() {
  clearSettingsCache()
  const db = createFakeDb()
  await seedDemo(db, { now: NOW, keys: TEST_KEYS, history: false })
  const call = async (openid: string, action: string, fields: object = {}) =>
    dispatch('account', accountHandlers, { action, ...fields }, platformFor(db, openid))
  return { db, call }
}

const platformFor = (db: ReturnType<typeof createFakeDb>, openid: string): Platform => ({
  db,
  openid,
  clock: () => NOW,
  storage: { put: async () => ({ fileID: 'f' }), tempUrl: async () => 'u' },
  codes: { image: jest.fn(async ({ scene }: { scene: string }) => `data:image/png;base64,${Buffer.from(scene).toString('base64')}`) },
  notify: { send: async () => {} },
  log: { info: () => {}, error: () => {} },
  env: { ADMIN_OPENIDS: 'admin-openid' },
  keys: TEST_KEYS,
})

describe('account handlers (fake port)', () => {
  it('whoami answers unbound callers with today’s quiet period', async () => {
    const { call } = await setup()
    const res = await call('stranger', 'whoami')
    expect(res).toMatchObject({
      ok: true,
      data: { openid: 'stranger', user: null, today: { date: '2026-03-10', quiet: { active: true, windowEnd: '2026-03-25' } } },
    })
    const officer = await call('demo-officer-1', 'whoami')
    expect(officer).toMatchObject({ ok: true, data: { user: { name: '张伟', roles: ['officer'], officerId: DEMO_IDS.officer1 } } })
  })

  it('binds an officer once with the demo code; a retry answers the same user', async () => {
    const { call, db } = await setup()
    const { certNo, name, code } = DEMO_BIND_CODES.officers[0]
    const first = await call('new-officer', 'bindOfficer', { certNo, name, code: code.toLowerCase() })
    expect(first).toMatchObject({ ok: true, data: { user: { roles: ['officer'], name, officerId: 'off_003', deptId: DEMO_IDS.cityMarketDept } } })
    expect(await call('new-officer', 'bindOfficer', { certNo, name, code })).toMatchObject({ ok: true })
    expect(await call('someone-else', 'bindOfficer', { certNo, name, code })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('已使用') },
    })
    expect(db.dump('audit').some((e) => e.action === 'account.bindOfficer' && e.target === 'officers/off_003')).toBe(true)
  })

  it('refuses a wrong name or code with one message, and rate-limits guessing', async () => {
    const { call } = await setup()
    const { certNo, name } = DEMO_BIND_CODES.officers[1]
    const wrongName = await call('guesser', 'bindOfficer', { certNo, name: '某某', code: 'AAAAAAAA' })
    const wrongCode = await call('guesser', 'bindOfficer', { certNo, name, code: 'AAAAAAAA' })
    expect(wrongName).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(wrongCode).toEqual(wrongName)
    for (let i = 0; i < 8; i++) await call('guesser', 'bindOfficer', { certNo, name, code: 'AAAAAAAA' })
    expect(await call('guesser', 'bindOfficer', { certNo, name, code: DEMO_BIND_CODES.officers[1].code })).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    })
  })

  it('refuses an officer already bound to another certificate with CONFLICT', async () => {
    const { call } = await setup()
    const { certNo, name, code } = DEMO_BIND_CODES.officers[0]
    expect(await call('demo-officer-1', 'bindOfficer', { certNo, name, code })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('binds an enterprise contact; a bad USCC is INVALID_INPUT', async () => {
    const { call } = await setup()
    const { uscc, code, companyId } = DEMO_BIND_CODES.companies[0]
    const bad = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0')
    expect(await call('boss', 'bindEnterprise', { uscc: bad, code })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', details: { field: 'uscc' } } })
    expect(await call('boss', 'bindEnterprise', { uscc: uscc.toLowerCase(), code })).toMatchObject({
      ok: true,
      data: { user: { roles: ['enterprise'], companyId, region: '360702' } },
    })
  })

  it('lets an admin create an officer with a one-time bind code that then binds', async () => {
    const { call } = await setup()
    const created = await call('admin-openid', 'upsertOfficer', {
      deptId: DEMO_IDS.cityMarketDept,
      name: '赵六',
      certNo: 'NEW-0001',
      certExpiresAt: '2027-12-31',
    })
    expect(created).toMatchObject({
      ok: true,
      data: { officer: { certStatus: 'valid', certExpiresAt: Date.parse('2027-12-31T15:59:59.999Z') }, bindCode: expect.stringMatching(/^[A-Z0-9]{8}$/) },
    })
    const { officer, bindCode } = (created as any).data
    const updated = await call('admin-openid', 'upsertOfficer', {
      id: officer.id,
      deptId: DEMO_IDS.cityMarketDept,
      name: '赵六',
      certNo: 'NEW-0001',
      certExpiresAt: '2028-01-01T00:00:00+08:00',
    })
    expect(updated).toMatchObject({ ok: true, data: { bindCode: null, officer: { certExpiresAt: Date.parse('2027-12-31T16:00:00Z') } } })
    expect(await call('zhao', 'bindOfficer', { certNo: 'NEW-0001', name: '赵六', code: bindCode })).toMatchObject({ ok: true })
    expect(
      await call('admin-openid', 'upsertOfficer', { deptId: DEMO_IDS.cityMarketDept, name: '孙七', certNo: 'NEW-0001', certExpiresAt: '2027-12-31' }),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })

  it('keeps a department admin to their own department', async () => {
    const { call } = await setup()
    const own = await call('demo-deptadmin-1', 'upsertOfficer', {
      deptId: DEMO_IDS.cityMarketDept,
      name: '钱八',
      certNo: 'NEW-0002',
      certExpiresAt: '2027-06-30',
    })
    expect(own).toMatchObject({ ok: true })
    expect(
      await call('demo-deptadmin-1', 'upsertOfficer', { deptId: DEMO_IDS.cityEmergencyDept, name: '钱九', certNo: 'NEW-0003', certExpiresAt: '2027-06-30' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await call('demo-deptadmin-1', 'officers', { deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const mine = await call('demo-deptadmin-1', 'officers')
    expect((mine as any).data.items.every((o: any) => o.deptId === DEMO_IDS.cityMarketDept)).toBe(true)
  })

  it('voids earlier enterprise codes when a new one is issued', async () => {
    const { call } = await setup()
    const { uscc, code, companyId } = DEMO_BIND_CODES.companies[1]
    const issued = await call('admin-openid', 'issueEnterpriseCode', { companyId })
    expect(issued).toMatchObject({ ok: true })
    expect(await call('boss2', 'bindEnterprise', { uscc, code })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('作废') },
    })
    expect(await call('boss2', 'bindEnterprise', { uscc, code: (issued as any).data.bindCode })).toMatchObject({ ok: true })
  })

  it('scopes companies and certificate changes by region', async () => {
    const { call } = await setup()
    const county = await call('demo-supervisor-county', 'companies', {})
    expect((county as any).data.items.length).toBe(50)
    expect((county as any).data.items.every((c: any) => c.region === '360702')).toBe(true)
    expect(await call('demo-supervisor-county', 'companies', { region: '360703' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const city = await call('demo-supervisor-city', 'companies', { region: '360703' })
    expect((city as any).data.items.every((c: any) => c.region === '360703')).toBe(true)
    const search = await call('demo-supervisor-city', 'companies', { query: '家具' })
    expect((search as any).data.items.length).toBeGreaterThan(0)
    expect((search as any).data.items.every((c: any) => c.name.includes('家具'))).toBe(true)
    expect(await call('demo-supervisor-county', 'setCertStatus', { officerId: DEMO_IDS.officer1, status: 'suspended', reason: '测试' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call('demo-supervisor-city', 'setCertStatus', { officerId: DEMO_IDS.officer1, status: 'suspended', reason: '测试' })).toMatchObject({
      ok: true,
      data: { officer: { certStatus: 'suspended', certStatusReason: '测试' } },
    })
  })

  it('pages through every company exactly once', async () => {
    const { call } = await setup()
    const seen = new Set<string>()
    let cursor: string | undefined
    do {
      const page = (await call('demo-admin', 'companies', cursor ? { cursor } : {})) as any
      for (const c of page.data.items) seen.add(c.id)
      cursor = page.data.cursor
    } while (cursor)
    expect(seen.size).toBe(300)
  })

  it('makes the gate code once and reuses it; only the company’s own users may get it', async () => {
    const { call } = await setup()
    const first = await call('demo-enterprise-1', 'gateCode', { companyId: DEMO_IDS.parkMonitoringCompany })
    expect(first).toMatchObject({ ok: true, data: { scene: `c=${DEMO_IDS.parkMonitoringCompany}`, path: 'officer/preview/index' } })
    const again = await call('demo-admin', 'gateCode', { companyId: DEMO_IDS.parkMonitoringCompany })
    expect((again as any).data.image).toBe((first as any).data.image)
    expect(await call('demo-enterprise-1', 'gateCode', { companyId: DEMO_IDS.townCompany })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('grants roles with the fields they need', async () => {
    const { call } = await setup()
    expect(await call('admin-openid', 'grantRole', { openid: 'x', role: 'supervisor' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('admin-openid', 'grantRole', { openid: 'x', role: 'deptAdmin', deptId: 'dept_nope' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call('admin-openid', 'grantRole', { openid: 'x', role: 'supervisor', region: '360781', name: '孔明' })).toMatchObject({
      ok: true,
      data: { user: { roles: ['supervisor'], region: '360781', name: '孔明' } },
    })
    expect(await call('x', 'whoami')).toMatchObject({ ok: true, data: { user: { roles: ['supervisor'] } } })
    expect(await call('demo-officer-1', 'grantRole', { openid: 'y', role: 'admin' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a bad USCC and a duplicate one on upsertCompany', async () => {
    const { call } = await setup()
    const base = {
      name: '测试企业有限公司',
      region: '360702',
      address: '章贡区',
      location: { lat: 25.8, lng: 114.9 },
      inPark: false,
      scale: 'small',
      monitoringPoint: false,
    }
    expect(await call('admin-openid', 'upsertCompany', { ...base, uscc: '91350100M000100Y44' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { field: 'uscc' } },
    })
    expect(await call('admin-openid', 'upsertCompany', { ...base, uscc: DEMO_BIND_CODES.companies[0].uscc })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call('admin-openid', 'upsertCompany', { ...base, uscc: '91350100M000100Y43' })).toMatchObject({
      ok: true,
      data: { company: { uscc: '91350100M000100Y43' } },
    })
  })
})
