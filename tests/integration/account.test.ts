import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { DEMO_BIND_CODES, DEMO_IDS } from '../../emulator/seed/demo'

/** The account function over HTTP against the emulator with the demo data. */

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, action: string, fields: object = {}) => emu.call('account', action, fields, await as(openid))

beforeAll(async () => {
  // 23:00 on 25 March in Beijing: the last hour of the quiet period, with room for a busy machine (the clock runs on).
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-03-25T15:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

describe('account.whoami', () => {
  it('tells an unbound caller who they are and that the quiet period is on (still the 25th in Beijing)', async () => {
    const res = await call('stranger-1', 'whoami')
    expect(res).toEqual({
      ok: true,
      data: {
        openid: 'stranger-1',
        user: null,
        // The time in Beijing too (the clock runs on from 23:00), for the date pickers' bounds.
        today: {
          date: '2026-03-25',
          time: expect.stringMatching(/^23:[0-5]\d$/),
          quiet: expect.objectContaining({ active: true, windowEnd: '2026-03-25', scope: 'park' }),
        },
        city: { code: '3607', name: '赣州市', regions: expect.any(Array), basis: expect.stringContaining('赣市府建办字〔2023〕2号') },
        rules: expect.objectContaining({
          quietPeriod: expect.objectContaining({ firstDay: 1, lastDay: 25 }),
          frequencyCap: expect.objectContaining({ perDeptCompanyYear: 2 }),
          ledger: { maxBackdateDays: 30, manualPerDay: 10 },
        }),
        templates: expect.any(Object),
      },
    })
    expect(res.data.city.regions).toHaveLength(18)
    expect(res.data.city.regions).toContainEqual({ code: '360783', name: '龙南市' })
  })

  it('turns the quiet period off at 16:00Z (the 26th in Beijing)', async () => {
    await emu.setClock('2026-03-25T16:00:00Z')
    const res = await call('stranger-1', 'whoami')
    expect(res.data.today).toMatchObject({ date: '2026-03-26', quiet: { active: false, windowEnd: null } })
    await emu.setClock('2026-03-25T15:00:00Z')
  })

  it('answers the demo personas with their roles', async () => {
    expect((await call('demo-officer-1', 'whoami')).data.user).toMatchObject({ name: '张伟', roles: ['officer'], deptId: DEMO_IDS.cityMarketDept })
    expect((await call('demo-supervisor-county', 'whoami')).data.user).toMatchObject({ roles: ['supervisor'], region: '360702' })
    expect((await call('admin-openid', 'whoami')).data.user.roles).toContain('admin')
  })
})

describe('account binding', () => {
  it('binds an officer with a demo code once', async () => {
    const { certNo, name, code } = DEMO_BIND_CODES.officers[0]
    expect(await call('new-officer', 'bindOfficer', { certNo, name, code })).toMatchObject({
      ok: true,
      data: { user: { roles: ['officer'], officerId: 'off_003' } },
    })
    expect(await call('other-officer', 'bindOfficer', { certNo, name, code })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('refuses a wrong code without saying which field was wrong', async () => {
    const { certNo, name } = DEMO_BIND_CODES.officers[1]
    const res = await call('guesser', 'bindOfficer', { certNo, name, code: 'AAAAAAAA' })
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('binds an enterprise contact; a USCC with a wrong check digit is INVALID_INPUT', async () => {
    const { uscc, code, companyId } = DEMO_BIND_CODES.companies[0]
    const wrong = uscc.slice(0, 17) + (uscc[17] === '0' ? '1' : '0')
    expect(await call('boss-1', 'bindEnterprise', { uscc: wrong, code })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await call('boss-1', 'bindEnterprise', { uscc, code })).toMatchObject({ ok: true, data: { user: { roles: ['enterprise'], companyId } } })
  })

  it('needs a bound user for everything else', async () => {
    expect(await call('stranger-2', 'departments')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('account roster', () => {
  it('lets an admin create a department, a company and an officer', async () => {
    const dept = await call('admin-openid', 'upsertDepartment', { name: '赣州市林业局', region: '3607', field: '林业' })
    expect(dept).toMatchObject({ ok: true, data: { department: { name: '赣州市林业局', region: '3607' } } })
    const company = await call('admin-openid', 'upsertCompany', {
      uscc: '91350100m000100y43',
      name: '测试林产品有限公司',
      region: '360702',
      address: '江西省赣州市章贡区测试路1号',
      location: { lat: 25.83, lng: 114.93 },
      inPark: false,
      scale: 'small',
      monitoringPoint: false,
    })
    expect(company).toMatchObject({ ok: true, data: { company: { uscc: '91350100M000100Y43' } } })
    const officer = await call('admin-openid', 'upsertOfficer', {
      deptId: dept.data.department.id,
      name: '林一',
      certNo: 'LY-0001',
      certExpiresAt: '2027-12-31',
    })
    expect(officer).toMatchObject({ ok: true, data: { officer: { certExpiresAt: Date.parse('2027-12-31T15:59:59.999Z') }, bindCode: expect.any(String) } })
  })

  it('pages companies for a county supervisor within their county only', async () => {
    const first = await call('demo-supervisor-county', 'companies')
    expect(first.ok).toBe(true)
    expect(first.data.items.length).toBe(50)
    expect(first.data.items.every((c: { region: string }) => c.region === '360702')).toBe(true)
    const next = await call('demo-supervisor-county', 'companies', { cursor: first.data.cursor })
    expect(next.data.items[0].id > first.data.items[49].id).toBe(true)
    expect(await call('demo-supervisor-county', 'companies', { region: '3607' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('lists departments to any bound user', async () => {
    const res = await call('demo-officer-1', 'departments')
    expect(res.data.items.length).toBeGreaterThanOrEqual(27)
    expect(res.data.items[0].region).toBe('3607')
  })

  it('serves the gate code once made, to the company and admins only', async () => {
    const mine = await call('demo-enterprise-1', 'gateCode', { companyId: DEMO_IDS.parkMonitoringCompany })
    expect(mine).toMatchObject({ ok: true, data: { scene: `c=${DEMO_IDS.parkMonitoringCompany}`, path: 'officer/preview/index', image: expect.any(String) } })
    expect(await call('demo-enterprise-2', 'gateCode', { companyId: DEMO_IDS.parkMonitoringCompany })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })

  it('lets the city supervisor suspend a certificate with a reason, not the county one for a city officer', async () => {
    expect(await call('demo-supervisor-county', 'setCertStatus', { officerId: DEMO_IDS.officer2, status: 'suspended', reason: '接受调查' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await call('demo-supervisor-city', 'setCertStatus', { officerId: DEMO_IDS.officer2, status: 'suspended', reason: '接受调查' })).toMatchObject({
      ok: true,
      data: { officer: { certStatus: 'suspended' } },
    })
    expect(await call('demo-supervisor-city', 'setCertStatus', { officerId: DEMO_IDS.officer2, status: 'valid', reason: '调查结束，恢复' })).toMatchObject({
      ok: true,
    })
  })
})

describe('account.upsertOfficer re-issues bind codes for unbound officers', () => {
  const fields = (o: { id: string; deptId: string; name: string; certNo: string; certExpiresAt: number }) => ({
    id: o.id,
    deptId: o.deptId,
    name: o.name,
    certNo: o.certNo,
    certExpiresAt: o.certExpiresAt,
  })

  it('issues a fresh code for a seeded officer without one, keeps it on the next correction, and answers null once bound', async () => {
    const withCodes = new Set(DEMO_BIND_CODES.officers.map((c) => c.officerId))
    const listed = await call('admin-openid', 'officers', { deptId: 'dept_3607_fire' })
    const seeded = listed.data.items.find((o: { id: string; userId?: string }) => !o.userId && !withCodes.has(o.id))
    expect(seeded).toBeDefined()

    const first = await call('admin-openid', 'upsertOfficer', fields(seeded))
    expect(first).toMatchObject({ ok: true, data: { officer: { id: seeded.id }, bindCode: expect.stringMatching(/^[A-Z0-9]{8}$/) } })
    // A correction while that code is still usable keeps it: the code just handed out stays good.
    expect(await call('admin-openid', 'upsertOfficer', fields(seeded))).toMatchObject({ ok: true, data: { bindCode: null } })

    expect(await call('reissued-officer', 'bindOfficer', { certNo: seeded.certNo, name: seeded.name, code: first.data.bindCode })).toMatchObject({
      ok: true,
      data: { user: { officerId: seeded.id } },
    })
    expect(await call('admin-openid', 'upsertOfficer', fields(seeded))).toMatchObject({ ok: true, data: { bindCode: null } })
  })

  it('re-issues a lost code once it has expired; the old code stays refused', async () => {
    const dept = (await call('admin-openid', 'departments')).data.items[0]
    const created = await call('admin-openid', 'upsertOfficer', { deptId: dept.id, name: '遗失码', certNo: 'LOST-0001', certExpiresAt: '2027-12-31' })
    const lost = created.data.bindCode as string
    try {
      await emu.setClock('2026-04-25T16:00:00Z') // 31 days on: the first code has expired
      const again = await call('admin-openid', 'upsertOfficer', fields(created.data.officer))
      expect(again).toMatchObject({ ok: true, data: { bindCode: expect.stringMatching(/^[A-Z0-9]{8}$/) } })
      expect(again.data.bindCode).not.toBe(lost)
      expect(await call('lost-code-officer', 'bindOfficer', { certNo: 'LOST-0001', name: '遗失码', code: lost })).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN' },
      })
      expect(await call('lost-code-officer', 'bindOfficer', { certNo: 'LOST-0001', name: '遗失码', code: again.data.bindCode })).toMatchObject({ ok: true })
    } finally {
      await emu.setClock('2026-03-25T15:00:00Z')
    }
  })
})
