import { TEST_KEYS } from '../helpers/keys'
import { inProcessPlatform } from '../helpers/platform'
import { registry } from '@server/functions'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import type { Platform } from '@server/platform/context'
import { userIdFor } from '@server/platform/ids'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, DEMO_IDS, seedDemo } from '../../emulator/seed/demo'
import { countingDatabase, type CountingDatabase } from '../../bench/counting-db'

/**
 * The copy of a bound officer's certificate and department on their user document
 * (OfficerSnapshot): every writer keeps it, and the gate believes it — over HTTP, as an
 * officer would see it. Then the count: a check-in by an officer carrying the copy reads
 * neither `officers` nor `departments`.
 */

const roster = buildDemoRoster()
// Companies co_0100 and above are untouched by the demo history; outside parks, not monitoring points.
const town = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint)
type Company = (typeof town)[number]
let nextCompany = 40
const aCompany = (): Company => town[nextCompany++]

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const account = async (openid: string, action: string, fields: object = {}) => emu.call('account', action, fields, await as(openid))
let n = 0
const checkIn = async (openid: string, company: Company = aCompany()) =>
  emu.call(
    'inspection',
    'checkIn',
    {
      scene: `c=${company.id}`,
      clientRequestId: `snapshot-${++n}`,
      source: 'complaint',
      sourceRef: 'REF-2026-0001',
      location: { lat: company.location.lat, lng: company.location.lng, accuracy: 10 },
    },
    await as(openid),
  )
const userDoc = async (openid: string) => (await emu.emulator.db.collection('users').doc(userIdFor(openid)).get()).data as any

const ADMIN = 'admin-openid'
const OFFICER = 'snapshot-officer'
let deptA: { id: string; name: string; region: string }
let deptB: { id: string; name: string; region: string }
let officer: { id: string; certNo: string; name: string; certExpiresAt: number }

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z' }) // after the quiet period
  const a = await account(ADMIN, 'upsertDepartment', { name: '赣州市快照测试局', region: '3607', field: '测试' })
  const b = await account(ADMIN, 'upsertDepartment', { name: '章贡区快照测试局', region: '360702', field: '测试' })
  expect(a.ok && b.ok).toBe(true)
  deptA = a.data.department
  deptB = b.data.department
  const created = await account(ADMIN, 'upsertOfficer', { deptId: deptA.id, name: '快照', certNo: 'KZ-0001', certExpiresAt: '2027-12-31' })
  expect(created).toMatchObject({ ok: true, data: { bindCode: expect.any(String) } })
  officer = created.data.officer
  expect(await account(OFFICER, 'bindOfficer', { certNo: 'KZ-0001', name: '快照', code: created.data.bindCode })).toMatchObject({ ok: true })
})
afterAll(async () => {
  await emu?.close()
})

describe('the officer snapshot on the user document', () => {
  it('is on the demo officers, seeded as bound', async () => {
    const officer1 = roster.officers.find((o) => o.id === DEMO_IDS.officer1)!
    const dept = roster.departments.find((d) => d.id === officer1.deptId)!
    expect((await userDoc('demo-officer-1')).officer).toEqual({
      officerId: officer1.id,
      name: officer1.name,
      certNo: officer1.certNo,
      certStatus: 'valid',
      certExpiresAt: expect.any(Number),
      deptId: dept.id,
      deptName: dept.name,
      deptRegion: dept.region,
    })
    expect((await userDoc('demo-supervisor-city')).officer).toBeUndefined()
  })

  it('is written by bindOfficer: certificate and department as stored', async () => {
    const user = await userDoc(OFFICER)
    expect(user).toMatchObject({ officerId: officer.id, deptId: deptA.id })
    expect(user.officer).toEqual({
      officerId: officer.id,
      name: '快照',
      certNo: 'KZ-0001',
      certStatus: 'valid',
      certExpiresAt: officer.certExpiresAt,
      deptId: deptA.id,
      deptName: '赣州市快照测试局',
      deptRegion: '3607',
    })
    expect(await checkIn(OFFICER)).toMatchObject({
      ok: true,
      data: { joined: false, inspection: { deptId: deptA.id, deptName: '赣州市快照测试局', officerNames: ['快照'] } },
    })
  })

  it('follows setCertStatus: a suspended certificate is refused at the gate, a reinstated one passes', async () => {
    expect(await account('demo-supervisor-city', 'setCertStatus', { officerId: officer.id, status: 'suspended', reason: '接受调查' })).toMatchObject({
      ok: true,
    })
    const user = await userDoc(OFFICER)
    expect(user.officer).toMatchObject({ certStatus: 'suspended' })
    expect(user.officer).not.toHaveProperty('certStatusReason')
    expect(await checkIn(OFFICER)).toMatchObject({ ok: false, error: { code: 'CERT_INVALID', details: { certStatus: 'suspended' } } })

    expect(await account(ADMIN, 'setCertStatus', { officerId: officer.id, status: 'valid', reason: '调查结束，恢复' })).toMatchObject({ ok: true })
    expect((await userDoc(OFFICER)).officer).toMatchObject({ certStatus: 'valid' })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true, data: { inspection: { deptId: deptA.id } } })
  })

  it('needs no write for expiry: the copied expiry is checked against the clock', async () => {
    await emu.setClock('2028-01-02T02:00:00Z')
    try {
      expect(await checkIn(OFFICER)).toMatchObject({ ok: false, error: { code: 'CERT_INVALID', details: { certStatus: 'expired' } } })
    } finally {
      await emu.setClock('2026-12-26T02:00:00Z')
    }
  })

  it('follows a department rename: the next inspection carries the new name', async () => {
    const renamed = await account(ADMIN, 'upsertDepartment', { id: deptA.id, name: '赣州市快照测试新局', region: '3607', field: '测试' })
    expect(renamed).toMatchObject({ ok: true })
    expect((await userDoc(OFFICER)).officer).toMatchObject({
      deptId: deptA.id,
      deptName: '赣州市快照测试新局',
      deptRegion: '3607',
      certStatus: 'valid',
      name: '快照',
    })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true, data: { inspection: { deptId: deptA.id, deptName: '赣州市快照测试新局' } } })
  })

  it('leaves the copies of other departments alone on a rename', async () => {
    const other = await userDoc('demo-officer-1')
    await account(ADMIN, 'upsertDepartment', { id: deptB.id, name: '章贡区快照测试局（更名）', region: '360702', field: '测试' })
    expect((await userDoc(OFFICER)).officer.deptName).toBe('赣州市快照测试新局')
    expect(await userDoc('demo-officer-1')).toEqual(other)
    await account(ADMIN, 'upsertDepartment', { id: deptB.id, name: deptB.name, region: deptB.region, field: '测试' })
  })

  it('follows upsertOfficer: an officer moved to another department checks in for it', async () => {
    const moved = await account(ADMIN, 'upsertOfficer', {
      id: officer.id,
      deptId: deptB.id,
      name: '快照',
      certNo: 'KZ-0001',
      certExpiresAt: officer.certExpiresAt,
    })
    expect(moved).toMatchObject({ ok: true, data: { officer: { deptId: deptB.id }, bindCode: null } })
    const user = await userDoc(OFFICER)
    expect(user.deptId).toBe(deptB.id)
    expect(user.officer).toMatchObject({ deptId: deptB.id, deptName: '章贡区快照测试局', deptRegion: '360702' })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true, data: { inspection: { deptId: deptB.id, deptName: '章贡区快照测试局' } } })
  })

  it('follows a correction of the name, certificate number and expiry', async () => {
    const corrected = await account(ADMIN, 'upsertOfficer', {
      id: officer.id,
      deptId: deptB.id,
      name: '快照改',
      certNo: 'KZ-0002',
      certExpiresAt: '2028-06-30',
    })
    expect(corrected).toMatchObject({ ok: true })
    const user = await userDoc(OFFICER)
    expect(user.name).toBe('快照改')
    expect(user.officer).toMatchObject({ name: '快照改', certNo: 'KZ-0002', certExpiresAt: corrected.data.officer.certExpiresAt, deptId: deptB.id })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true, data: { inspection: { officerNames: ['快照改'] } } })
  })

  it('a user without the copy (bound before it existed) still checks in, reading the documents', async () => {
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(OFFICER))
      .update({ data: { officer: emu.emulator.db.command.remove() } })
    expect(await userDoc(OFFICER)).not.toHaveProperty('officer')
    expect(await checkIn(OFFICER)).toMatchObject({
      ok: true,
      data: { inspection: { deptId: deptB.id, deptName: '章贡区快照测试局', officerNames: ['快照改'] } },
    })
    // …and is refused as before when the certificate is suspended (the document says so).
    await emu.emulator.db
      .collection('officers')
      .doc(officer.id)
      .update({ data: { certStatus: 'suspended' } })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: false, error: { code: 'CERT_INVALID' } })
    // The next write of the certificate gives the user a copy again.
    expect(await account(ADMIN, 'setCertStatus', { officerId: officer.id, status: 'valid', reason: '恢复' })).toMatchObject({ ok: true })
    expect((await userDoc(OFFICER)).officer).toMatchObject({ officerId: officer.id, certStatus: 'valid', deptId: deptB.id, deptName: '章贡区快照测试局' })
  })

  it('is what the gate believes: a copy saying revoked is refused while the document still says valid', async () => {
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(OFFICER))
      .update({ data: { officer: { certStatus: 'revoked' } } })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: false, error: { code: 'CERT_INVALID', details: { certStatus: 'revoked' } } })
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(OFFICER))
      .update({ data: { officer: { certStatus: 'valid' } } })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true })
  })

  it('a copy that names another officer is not believed', async () => {
    const user = await userDoc(OFFICER)
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(OFFICER))
      .update({ data: { officer: { officerId: 'off_001', deptName: '别的单位' } } })
    expect(await checkIn(OFFICER)).toMatchObject({ ok: true, data: { inspection: { deptId: deptB.id, deptName: '章贡区快照测试局' } } })
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(OFFICER))
      .update({ data: { officer: user.officer } })
  })
})

describe('database calls of a check-in with the copy', () => {
  const NOW = Date.parse('2026-12-26T10:00:00+08:00')
  let db: CountingDatabase
  const platform = (openid: string): Platform => inProcessPlatform(db, openid, NOW, { ADMIN_OPENIDS: 'admin-openid' })
  const call = (fn: 'account' | 'inspection', openid: string, event: object) => dispatch(fn, registry[fn] as never, event, platform(openid))
  let m = 0
  const counted = async (openid: string, company: Company) => {
    db.reset()
    const res = await call('inspection', openid, {
      action: 'checkIn',
      scene: `c=${company.id}`,
      clientRequestId: `counting-${++m}`,
      source: 'complaint',
      sourceRef: 'REF-2026-0001',
      location: { lat: company.location.lat, lng: company.location.lng, accuracy: 10 },
    })
    return { res, reads: db.calls.filter((c) => c.kind !== 'txn').map((c) => `${c.kind} ${c.collection} ${c.op}`) }
  }

  beforeAll(async () => {
    const raw = openDatabase(':memory:')
    await seedDemo(raw, { now: NOW - 86_400_000, keys: TEST_KEYS, history: false })
    db = countingDatabase(raw)
    clearSettingsCache()
    const created = (await call('account', 'admin-openid', {
      action: 'upsertOfficer',
      deptId: roster.departments[0].id,
      name: '计数',
      certNo: 'JS-0001',
      certExpiresAt: '2027-12-31',
    })) as any
    expect(created).toMatchObject({ ok: true })
    expect(await call('account', 'counted-officer', { action: 'bindOfficer', certNo: 'JS-0001', name: '计数', code: created.data.bindCode })).toMatchObject({
      ok: true,
    })
    // Warm the per-instance caches (settings, secret), as a warm cloud function has them.
    await counted('counted-officer', town[0])
  })

  it('reads neither officers nor departments', async () => {
    const { res, reads } = await counted('counted-officer', town[1])
    expect(res).toMatchObject({ ok: true, data: { joined: false, inspection: { deptId: roster.departments[0].id, deptName: roster.departments[0].name } } })
    expect(reads[0]).toBe('db users doc.get')
    expect(reads.filter((r) => / (officers|departments) /.test(r))).toEqual([])
  })

  it('an officer without the copy reads both, as before', async () => {
    await db
      .collection('users')
      .doc(userIdFor('demo-officer-1'))
      .update({ data: { officer: db.command.remove(), updatedAt: NOW } })
    const { res, reads } = await counted('demo-officer-1', town[2])
    expect(res).toMatchObject({ ok: true })
    expect(reads).toEqual(expect.arrayContaining(['db officers doc.get', 'db departments doc.get']))
  })
})
