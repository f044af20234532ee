import http from 'node:http'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { startTestEmulator, type TestEmulator } from '../../helpers/emulator'
import { buildDemoRoster, DEMO_BIND_CODES, DEMO_IDS } from '../../../emulator/seed/demo'

/**
 * The attacks of docs/RELIABILITY.md "Attacks tried", each through the emulator's HTTP
 * surface as a client would send it (the forged timer lives in the deployed bundle:
 * timer-trigger.test.ts). Each test fails without its fix.
 */

const roster = buildDemoRoster()
// Companies co_0100 and above are untouched by the demo history.
const fresh = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100)
const town = fresh.filter((c) => !c.inPark && !c.monitoringPoint)
const outsideZhangGong = fresh.find((c) => c.region !== '360702')!
const inZhangGong = roster.companies.find((c) => c.region === '360702')!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0005, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const rawDoc = (collection: string, id: string): string | undefined =>
  (emu.emulator.db.raw.prepare(`SELECT doc FROM "c_${collection}" WHERE id = ?`).get(id) as { doc: string } | undefined)?.doc
const countAll = async (collection: string) => (await emu.emulator.db.collection(collection).count()).total
let n = 0
const crid = () => `atk-${++n}-${Date.now().toString(36)}`
const checkIn = (openid: string, company: { id: string; location: { lat: number; lng: number } }, extra: object = {}) =>
  call(openid, 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: crid(),
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(company),
    ...extra,
  })

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z' })
})
afterAll(() => emu.close())

describe('a reused clientRequestId never replaces another inspection', () => {
  test('the same key at a second company is CONFLICT, and the first inspection keeps its result', async () => {
    const [a, b] = [town[0], town[1]]
    const key = 'reused-key-0001'
    const first = await checkIn('demo-officer-1', a, { clientRequestId: key })
    expect(first).toMatchObject({ ok: true, data: { joined: false } })
    const id = first.data.inspection.id
    expect(await checkIn('demo-officer-2', a)).toMatchObject({ ok: true, data: { joined: true } })
    expect(
      await call('demo-officer-1', 'inspection', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '现场检查未发现问题' }),
    ).toMatchObject({ ok: true })

    const again = await checkIn('demo-officer-1', b, { clientRequestId: key })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const stored = JSON.parse(rawDoc('inspections', id)!)
    expect(stored).toMatchObject({ companyId: a.id, status: 'closed', result: { outcome: 'compliant' } })
    // The retry at the first company still answers the first inspection.
    expect(await checkIn('demo-officer-1', a, { clientRequestId: key })).toMatchObject({ ok: true, data: { inspection: { id } } })
  })
})

describe('re-scans by an officer already on the inspection write nothing', () => {
  test('30 re-scans leave the company document and the audit trail as they were', async () => {
    const c = town[2]
    const first = await checkIn('demo-officer-1', c)
    expect(first.ok).toBe(true)
    const before = rawDoc('companies', c.id)!
    const audits = await countAll('audit')
    for (let i = 0; i < 30; i++) {
      const again = await checkIn('demo-officer-1', c)
      expect(again).toMatchObject({ ok: true, data: { inspection: { id: first.data.inspection.id }, joined: false } })
    }
    expect(rawDoc('companies', c.id)).toBe(before)
    expect(await countAll('audit')).toBe(audits)
  })
})

describe('plan ids are looked up as ids, never as object keys', () => {
  test.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty'])('planId %s is refused as an unknown plan, not INTERNAL', async (planId) => {
    const answer = await checkIn('demo-officer-1', town[3], { source: 'plan', planId })
    expect(answer.ok).toBe(false)
    expect(['PLAN_REQUIRED', 'INVALID_INPUT']).toContain(answer.error!.code)
  })
})

describe('a company’s manual ledger entries are bounded (SPEC §6)', () => {
  const entry = (date: string, deptId: string = DEMO_IDS.zhangGongMarketDept) => ({ date, deptId, officerNames: ['某某'], purpose: '日常检查' })
  const add = (fields: object) => call('demo-enterprise-1', 'enterprise', 'addLedgerEntry', fields)

  test('no future date, nothing older than the setting allows (1999 was accepted)', async () => {
    for (const date of ['2026-12-27', '1999-01-01', '2026-11-25']) {
      const answer = await add(entry(date))
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      expect(answer.error!.message).not.toMatch(/date/)
    }
  })

  test('a department that does not cover the company’s county is refused', async () => {
    const elsewhere = roster.departments.find((d) => d.region !== '3607' && d.region !== '360702')!
    expect(await add(entry('2026-12-20', elsewhere.id))).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  test('at most the daily number of entries; the next is RATE_LIMITED and writes nothing', async () => {
    const before = await countAll('ledger')
    for (let i = 0; i < 10; i++) expect(await add(entry('2026-12-20'))).toMatchObject({ ok: true })
    const over = await add(entry('2026-12-20'))
    expect(over).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await countAll('ledger')).toBe(before + 10)
  })
})

describe('separation of duties', () => {
  test('an officer is never made a supervisor, and a supervisor never binds a certificate', async () => {
    expect(await call('demo-admin', 'account', 'grantRole', { openid: 'demo-officer-1', role: 'supervisor', region: '3607' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await call('demo-admin', 'account', 'grantRole', { openid: 'demo-deptadmin-1', role: 'supervisor', region: '3607' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const code = DEMO_BIND_CODES.officers[0]
    const bind = { certNo: code.certNo, name: code.name, code: code.code }
    expect(await call('demo-supervisor-county', 'account', 'bindOfficer', bind)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // The refused bind did not use up the code.
    expect(await call('sod-new-officer', 'account', 'bindOfficer', bind)).toMatchObject({ ok: true })
    expect(await call('demo-admin', 'account', 'grantRole', { openid: 'sod-new-officer', role: 'supervisor', region: '3607' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  test('nobody changes their own certificate’s status', async () => {
    const made = await call('demo-admin', 'account', 'upsertOfficer', {
      deptId: DEMO_IDS.cityMarketDept,
      name: '赵管理',
      certNo: '36070009901',
      certExpiresAt: '2028-01-01T00:00:00+08:00',
    })
    expect(made).toMatchObject({ ok: true })
    expect(await call('demo-admin', 'account', 'bindOfficer', { certNo: '36070009901', name: '赵管理', code: made.data.bindCode })).toMatchObject({ ok: true })
    const own = await call('demo-admin', 'account', 'setCertStatus', { officerId: made.data.officer.id, status: 'suspended', reason: '测试本人操作' })
    expect(own).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    // Someone else's still works.
    expect(await call('demo-admin', 'account', 'setCertStatus', { officerId: DEMO_IDS.officer3, status: 'valid', reason: '复核无误' })).toMatchObject({
      ok: true,
    })
  })
})

describe('a department plans only inside its own region', () => {
  test('a county department naming a company of another county is FORBIDDEN; its own county is fine', async () => {
    expect(await call('demo-admin', 'account', 'grantRole', { openid: 'zg-admin', role: 'deptAdmin', deptId: DEMO_IDS.zhangGongMarketDept })).toMatchObject({
      ok: true,
    })
    const plan = (companyIds: string[]) => ({
      deptId: DEMO_IDS.zhangGongMarketDept,
      title: '日常检查',
      kind: 'routine',
      items: ['证照'],
      basis: '《行政处罚法》',
      companyIds,
      from: '2027-01-01',
      to: '2027-01-31',
    })
    const refused = await call('zg-admin', 'supervision', 'submitPlan', plan([inZhangGong.id, outsideZhangGong.id]))
    expect(refused).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(refused.error!.message).toContain(outsideZhangGong.name)
    expect(await call('zg-admin', 'supervision', 'submitPlan', plan([inZhangGong.id]))).toMatchObject({ ok: true })
  })
})

describe('what an officer sees at the gate', () => {
  test('never the company’s registered location; other departments’ plans only as department, title and dates', async () => {
    const target = town[4]
    expect(await call('demo-admin', 'account', 'grantRole', { openid: 'em-admin-atk', role: 'deptAdmin', deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({
      ok: true,
    })
    const submitted = await call('em-admin-atk', 'supervision', 'submitPlan', {
      deptId: DEMO_IDS.cityEmergencyDept,
      title: '安全生产专项检查',
      kind: 'campaign',
      items: ['消防通道'],
      basis: '《安全生产法》',
      companyIds: [target.id, town[5].id],
      from: '2026-12-01',
      to: '2026-12-31',
    })
    expect(
      await call('demo-supervisor-city', 'supervision', 'reviewPlan', { planId: submitted.data.plan.id, decision: 'approve', comment: '同意' }),
    ).toMatchObject({ ok: true })

    const preview = await call('demo-officer-1', 'inspection', 'preview', { scene: `c=${target.id}` })
    expect(preview.ok).toBe(true)
    expect(preview.data.company.location).toBeUndefined()
    expect(JSON.stringify(preview.data)).not.toContain(String(target.location.lat))
    expect(preview.data.otherPlans).toEqual([{ deptId: DEMO_IDS.cityEmergencyDept, title: '安全生产专项检查', from: '2026-12-01', to: '2026-12-31' }])
    expect(JSON.stringify(preview.data)).not.toContain(town[5].id)
  })
})

describe('ratings stay aggregates for departments (rule 9)', () => {
  test('an officer’s own list and detail show that an inspection was rated, never its score', async () => {
    const rated: Array<{ id: string; rating: { state: string; score?: number } }> = []
    for (const status of ['closed', undefined]) {
      const page = await call('demo-officer-1', 'inspection', 'list', status ? { status } : {})
      rated.push(...page.data.items.filter((i: { rating: { state: string } }) => i.rating.state === 'rated'))
    }
    expect(rated.length).toBeGreaterThan(0) // the demo history has rated visits of this officer
    for (const i of rated) expect(i.rating.score).toBeUndefined()
    const detail = await call('demo-officer-1', 'inspection', 'detail', { inspectionId: rated[0].id })
    expect(detail.data.inspection.rating).toEqual({ state: 'rated' })
  })
})

describe('the certificate card', () => {
  test('showing it again within half its validity shows the same code; later, a new one', async () => {
    const first = await call('demo-officer-3', 'inspection', 'certCard')
    const second = await call('demo-officer-3', 'inspection', 'certCard')
    expect(first.ok && second.ok).toBe(true)
    expect(second.data.token).toBe(first.data.token)
    expect(second.data.expiresAt).toBe(first.data.expiresAt)
    await emu.setClock(new Date(first.data.expiresAt - 60_000).toISOString())
    const later = await call('demo-officer-3', 'inspection', 'certCard')
    expect(later.data.token).not.toBe(first.data.token)
    await emu.setClock('2026-12-26T02:00:00Z')
  })
})

describe('the emulator’s own surface', () => {
  const request = (pathname: string, opts: { method?: string; host?: string; body?: string; base?: string } = {}): Promise<number> => {
    const u = new URL(opts.base ?? emu.baseUrl)
    return new Promise((resolve, reject) => {
      const req = http.request(
        {
          host: u.hostname,
          port: u.port,
          path: pathname,
          method: opts.method ?? 'GET',
          headers: { ...(opts.host ? { host: opts.host } : {}), ...(opts.body ? { 'content-type': 'application/json' } : {}) },
        },
        (res) => {
          res.resume()
          resolve(res.statusCode!)
        },
      )
      req.on('error', reject)
      req.end(opts.body)
    })
  }

  test('dev login answers only a loopback Host (DNS rebinding gets nothing)', async () => {
    const body = JSON.stringify({ openid: 'demo-admin' })
    expect(await request('/api/dev/login', { method: 'POST', host: 'evil.example:8787', body })).toBe(403)
    expect(await request('/api/dev/clock', { method: 'POST', host: 'attacker.test', body: JSON.stringify({ now: null }) })).toBe(403)
    expect(await request('/api/dev/login', { method: 'POST', host: 'localhost:8787', body })).toBe(200)
    expect(await request('/api/dev/login', { method: 'POST', host: '127.0.0.1', body })).toBe(200)
  })

  test('stored files need a session', async () => {
    const exported = await call('demo-enterprise-1', 'enterprise', 'exportLedger', { from: '2026-12-01', to: '2026-12-26' })
    expect(exported.ok).toBe(true)
    const url: string = exported.data.url
    expect(await request(url)).toBe(401)
    const res = await fetch(emu.baseUrl + url, { headers: { authorization: `Bearer ${await as('demo-enterprise-1')}` } })
    expect(res.status).toBe(200)
    expect((await fetch(`${emu.baseUrl}${url}?session=${encodeURIComponent(await as('demo-enterprise-1'))}`)).status).toBe(200)
  })

  test('a path out of the static folder answers 404, not 500', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ip-static-'))
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>t</title>')
    const site = await startTestEmulator({ staticDir: dir })
    try {
      for (const p of ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/a/%2e%2e/%2e%2e/%2e%2e/etc/passwd']) {
        expect([p, await request(p, { base: site.baseUrl })]).toEqual([p, 404])
      }
    } finally {
      await site.close()
    }
  })
})
