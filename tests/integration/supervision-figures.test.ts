import ExcelJS from 'exceljs'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { zeroFigures } from '../../server/domain/dept-figures'
import { userIdFor } from '../../server/platform/ids'
import { alertIdFor } from '../../server/store/alerts'
import { DETAIL_HEADERS, DETAIL_SHEET, SUMMARY_HEADERS, SUMMARY_SHEET } from '../../server/exports/report-workbook'

/**
 * supervision: exceptions, reviewException, dashboard, alerts, monthlyReport, auditVerify
 * over HTTP against the demo data on 2026-12-12 (quiet period). Scopes: the
 * city supervisor (3607), the 章贡区 supervisor (360702), a department admin.
 */

const roster = buildDemoRoster()
const COUNTY = '360702'
const parkInCounty = roster.companies.filter((c) => c.inPark && c.region === COUNTY && c.id !== DEMO_IDS.parkMonitoringCompany)
const parkElsewhere = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && c.inPark && c.region !== COUNTY)
const monitoringElsewhere = roster.companies.find((c) => c.monitoringPoint && c.region !== COUNTY)!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })
const MONTH = '2026-12'

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string | null, fn: string, action: string, fields: object = {}) =>
  emu.call(fn, action, fields, openid ? await as(openid) : undefined)
const sup = (openid: string | null, action: string, fields: object = {}) => call(openid, 'supervision', action, fields)
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any
const docOrNull = (collection: string, id: string) => doc(collection, id).catch(() => null)
/** A department's figures of a month across the city (kept where the companies are). */
const cityDeptCounter = (deptId: string, month = MONTH) => deptCounter(emu.emulator.db, deptId, '3607', month)
let n = 0
const checkIn = (openid: string, company: { id: string; location: { lat: number; lng: number } }, extra: object) =>
  call(openid, 'inspection', 'checkIn', { scene: `c=${company.id}`, clientRequestId: `sup-fig-${++n}`, location: at(company), ...extra })

/** Inspections made here: in the county (by a county department and by a city department) and elsewhere. */
const ids = { countyByCounty: '', countyByCity: '', elsewhere1: '', elsewhere2: '', plain: '' }

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z' })
  // A bound officer of 章贡区市场监管局 and a department admin of the city emergency department.
  const zg = roster.officers.find((o) => o.deptId === DEMO_IDS.zhangGongMarketDept)!
  await emu.emulator.db
    .collection('users')
    .doc(userIdFor('zg-officer'))
    .set({
      data: { openid: 'zg-officer', roles: ['officer'], name: zg.name, deptId: zg.deptId, officerId: zg.id, createdAt: 0, updatedAt: 0 },
    })
  expect(await call('demo-admin', 'account', 'grantRole', { openid: 'em-admin', role: 'deptAdmin', deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({
    ok: true,
  })

  const special = { source: 'complaint', sourceRef: 'REF-2026-0001', exception: { category: 'high_risk' } }
  const a = await checkIn('zg-officer', parkInCounty[0], special)
  expect(a).toMatchObject({ ok: true, data: { inspection: { exception: { review: 'pending' } } } })
  ids.countyByCounty = a.data.inspection.id
  ids.countyByCity = (await checkIn('demo-officer-3', parkInCounty[1], special)).data.inspection.id
  ids.elsewhere1 = (await checkIn('demo-officer-1', parkElsewhere[0], special)).data.inspection.id
  ids.elsewhere2 = (
    await checkIn('demo-officer-1', parkElsewhere[1], {
      source: 'complaint',
      sourceRef: 'REF-2026-0001',
      exception: { category: 'other', reason: '群众反映夜间偷排废水需现场核查' },
    })
  ).data.inspection.id
  ids.plain = (
    await checkIn('demo-officer-1', roster.companies.find((c) => Number(c.id.slice(3)) >= 100 && !c.inPark)!, {
      source: 'referral',
      sourceRef: 'REF-2026-0001',
    })
  ).data.inspection.id
  for (const id of Object.values(ids)) expect(id).toMatch(/^insp_/)
  // Ledger entries at a monitoring point in the county (a second one) and at one elsewhere.
  expect(
    await checkIn('zg-officer', roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!, {
      source: 'monitoring',
      sourceRef: 'REF-2026-0001',
      exception: { category: 'emergency' },
    }),
  ).toMatchObject({ ok: true })
  expect(
    await checkIn('demo-officer-1', monitoringElsewhere, {
      source: 'monitoring',
      sourceRef: 'REF-2026-0001',
      ...(monitoringElsewhere.inPark ? { exception: { category: 'emergency' } } : {}),
    }),
  ).toMatchObject({ ok: true })
})
afterAll(async () => {
  await emu?.close()
})

describe('exceptions', () => {
  it('lists pending special cases of the city, newest first', async () => {
    const res = await sup('demo-supervisor-city', 'exceptions')
    expect(res.ok).toBe(true)
    const got = res.data.items.map((i: { id: string }) => i.id)
    for (const id of [ids.countyByCounty, ids.countyByCity, ids.elsewhere1, ids.elsewhere2]) expect(got).toContain(id)
    expect(got).not.toContain(ids.plain)
    // Special cases, and back-filled visits (rule 17), which wait for the same review.
    expect(
      res.data.items.every(
        (i: any) =>
          (i.exception?.review === 'pending' && i.flags.includes('quiet_exception')) || (i.backfill?.review === 'pending' && i.flags.includes('backfilled')),
      ),
    ).toBe(true)
    const times = res.data.items.map((i: { checkInAt: number }) => i.checkInAt)
    expect(times).toEqual([...times].sort((x, y) => y - x))
    expect(res.data.items.find((i: any) => i.exception)).toMatchObject({
      companyName: expect.any(String),
      deptName: expect.any(String),
      exception: { category: expect.any(String) },
    })
  })

  it('a county supervisor sees only what happened in the county (by county and city departments)', async () => {
    const res = await sup('demo-supervisor-county', 'exceptions')
    const got = res.data.items.map((i: { id: string }) => i.id)
    expect(got).toEqual(expect.arrayContaining([ids.countyByCounty, ids.countyByCity]))
    expect(got).not.toContain(ids.elsewhere1)
    expect(res.data.items.every((i: { region: string }) => i.region === COUNTY)).toBe(true)
  })

  it('filters by status, and is for supervisors only', async () => {
    expect(
      (await sup('demo-supervisor-city', 'exceptions', { status: 'justified' })).data.items.every(
        (i: any) => i.exception?.review === 'justified' || i.backfill?.review === 'justified',
      ),
    ).toBe(true)
    expect(await sup('demo-supervisor-city', 'exceptions', { status: 'maybe' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-enterprise-1', 'demo-admin'])
      expect(await sup(who, 'exceptions')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await sup(null, 'exceptions')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('reviewException', () => {
  it('refuses out of scope (FORBIDDEN), unknown (NOT_FOUND), not a special case (CONFLICT), bad input, non-supervisors', async () => {
    expect(await sup('demo-supervisor-county', 'reviewException', { inspectionId: ids.elsewhere1, verdict: 'justified', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await sup('demo-supervisor-city', 'reviewException', { inspectionId: 'insp_nope', verdict: 'justified', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await sup('demo-supervisor-city', 'reviewException', { inspectionId: ids.plain, verdict: 'justified', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await sup('demo-supervisor-city', 'reviewException', { inspectionId: ids.elsewhere1, verdict: 'fine', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await sup('demo-supervisor-city', 'reviewException', { inspectionId: ids.elsewhere1, verdict: 'justified', comment: '  ' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await sup('demo-deptadmin-1', 'reviewException', { inspectionId: ids.elsewhere1, verdict: 'justified', comment: '同意' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await doc('inspections', ids.elsewhere1)).exception.review).toBe('pending')
  })

  it('justified: moves the counter from pending to justified in one go, audits, and only once (CONFLICT)', async () => {
    const before = await cityDeptCounter(DEMO_IDS.cityMarketDept)
    const res = await sup('demo-supervisor-city', 'reviewException', {
      inspectionId: ids.elsewhere1,
      verdict: 'justified',
      comment: '属重点监管对象，情形成立',
    })
    expect(res).toMatchObject({
      ok: true,
      data: {
        inspection: {
          id: ids.elsewhere1,
          exception: { review: 'justified', reviewComment: '属重点监管对象，情形成立', reviewedBy: userIdFor('demo-supervisor-city') },
        },
      },
    })
    const after = await cityDeptCounter(DEMO_IDS.cityMarketDept)
    expect(after.quietExceptions).toEqual({
      ...before.quietExceptions,
      pending: before.quietExceptions.pending - 1,
      justified: before.quietExceptions.justified + 1,
    })
    expect(
      (
        await emu.emulator.db
          .collection('audit')
          .where({ target: `inspections/${ids.elsewhere1}`, action: 'supervision.reviewException' })
          .count()
      ).total,
    ).toBe(1)
    expect(await docOrNull('alerts', alertIdFor('unjustified_exception', `inspections/${ids.elsewhere1}`))).toBeNull()
    expect(await sup('demo-supervisor-city', 'reviewException', { inspectionId: ids.elsewhere1, verdict: 'unjustified', comment: '改判' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', details: { review: 'justified' } },
    })
    expect(await cityDeptCounter(DEMO_IDS.cityMarketDept)).toEqual(after)
    const listed = (await sup('demo-supervisor-city', 'exceptions', { status: 'justified' })).data.items.map((i: { id: string }) => i.id)
    expect(listed).toContain(ids.elsewhere1)
  })

  it('unjustified by the county supervisor: alert raised, pending_exception alert resolved, counters of the city department', async () => {
    const ref = `inspections/${ids.countyByCity}`
    // A stored pending_exception alert (should check-in ever raise one) is resolved by the verdict.
    await emu.emulator.db
      .collection('alerts')
      .doc(alertIdFor('pending_exception', ref))
      .set({
        data: { kind: 'pending_exception', ref, at: 1, region: COUNTY, city: '3607', deptId: DEMO_IDS.cityEmergencyDept, summary: 'x', resolved: false },
      })
    const before = await cityDeptCounter(DEMO_IDS.cityEmergencyDept)
    const res = await sup('demo-supervisor-county', 'reviewException', { inspectionId: ids.countyByCity, verdict: 'unjustified', comment: '不属于特殊情形' })
    expect(res).toMatchObject({ ok: true, data: { inspection: { exception: { review: 'unjustified' } } } })
    const after = await cityDeptCounter(DEMO_IDS.cityEmergencyDept)
    expect(after.quietExceptions.pending).toBe(before.quietExceptions.pending - 1)
    expect(after.quietExceptions.unjustified).toBe(before.quietExceptions.unjustified + 1)
    expect(await doc('alerts', alertIdFor('unjustified_exception', ref))).toMatchObject({
      kind: 'unjustified_exception',
      region: COUNTY,
      deptId: DEMO_IDS.cityEmergencyDept,
      resolved: false,
    })
    expect(await doc('alerts', alertIdFor('pending_exception', ref))).toMatchObject({ resolved: true })
  })
})

describe('dashboard', () => {
  it('city supervisor: every department of the city with names, totals = the sum, a 12-month trend', async () => {
    const res = await sup('demo-supervisor-city', 'dashboard', { month: MONTH })
    expect(res.ok).toBe(true)
    const { totals, byDepartment, trend } = res.data
    expect(byDepartment).toHaveLength(roster.departments.length)
    const market = byDepartment.find((d: { deptId: string }) => d.deptId === DEMO_IDS.cityMarketDept)
    expect(market).toMatchObject({ deptName: '赣州市市场监督管理局' })
    const counter = await cityDeptCounter(DEMO_IDS.cityMarketDept)
    expect(market).toMatchObject({
      inspections: counter.inspections,
      overdue: counter.overdue,
      quietExceptions: counter.quietExceptions,
      repeated: counter.repeated,
      capRefusals: counter.capRefusals,
    })
    const sum = (f: (d: any) => number) => byDepartment.reduce((s: number, d: any) => s + f(d), 0)
    expect(totals.inspections).toBe(sum((d) => d.inspections))
    expect(totals.overdue).toBe(sum((d) => d.overdue))
    expect(totals.quietExceptions.pending).toBe(sum((d) => d.quietExceptions.pending))
    expect(totals.ratings.count).toBe(sum((d) => d.ratings.count))
    expect(trend.map((t: { month: string }) => t.month)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    const dec = trend[11]
    expect(dec).toEqual({
      month: MONTH,
      inspections: totals.inspections,
      overdue: totals.overdue,
      quietExceptions: totals.quietExceptions.pending + totals.quietExceptions.justified + totals.quietExceptions.unjustified,
    })
    // The demo history reaches back into November.
    expect(trend[10].inspections).toBeGreaterThan(0)
    // Red lights open today count whatever month they began (November's too).
    const openRed = (await emu.emulator.db.collection('inspections').where({ city: '3607', status: 'overdue' }).count()).total
    expect(openRed).toBeGreaterThan(0)
    expect(res.data.overdueOpen).toBe(openRed)
    expect(res.data.overdueOpen).toBeGreaterThan(totals.overdue)
    expect(trend[0].inspections).toBe(0)
  })

  it('city supervisor narrowed to a county; county supervisor forced to theirs, other regions FORBIDDEN', async () => {
    const narrowed = await sup('demo-supervisor-city', 'dashboard', { month: MONTH, region: COUNTY })
    // The county's departments, and the city departments that inspected a company of the county.
    const countyDepts = roster.departments.filter((d) => d.region === COUNTY).map((d) => d.id)
    const shown = narrowed.data.byDepartment.map((d: { deptId: string }) => d.deptId)
    expect(shown).toEqual(expect.arrayContaining([...countyDepts, DEMO_IDS.cityEmergencyDept]))
    const inCounty = (await emu.emulator.db.collection('inspections').where({ region: COUNTY, month: MONTH }).count()).total
    expect(narrowed.data.totals.inspections).toBe(inCounty)
    const own = await sup('demo-supervisor-county', 'dashboard', { month: MONTH })
    expect(own.data.byDepartment.map((d: { deptId: string }) => d.deptId).sort()).toEqual([...shown].sort())
    expect(own.data.totals).toEqual(narrowed.data.totals)
    expect(own.data.trend).toEqual(narrowed.data.trend)
    expect((await sup('demo-supervisor-county', 'dashboard', { month: MONTH, region: COUNTY })).data.totals).toEqual(own.data.totals)
    expect(own.data.byDepartment.find((d: { deptId: string }) => d.deptId === DEMO_IDS.zhangGongMarketDept).quietExceptions.pending).toBeGreaterThanOrEqual(1)
    for (const region of ['3607', '360703', '3608']) {
      expect(await sup('demo-supervisor-county', 'dashboard', { month: MONTH, region })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await sup('demo-supervisor-city', 'dashboard', { month: MONTH, region: '3608' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('department admin: only their own department, no complaint figures, no average under 5 ratings', async () => {
    const res = await sup('demo-deptadmin-1', 'dashboard', { month: MONTH })
    expect(res.ok).toBe(true)
    expect(res.data.byDepartment).toHaveLength(1)
    const [own] = res.data.byDepartment
    expect(own).toMatchObject({
      deptId: DEMO_IDS.cityMarketDept,
      deptName: '赣州市市场监督管理局',
      complaints: { open: 0, overdue: 0 },
      hidden: expect.arrayContaining(['complaints']),
    })
    const counter = await cityDeptCounter(DEMO_IDS.cityMarketDept)
    expect(own.inspections).toBe(counter.inspections)
    expect(res.data.totals.inspections).toBe(counter.inspections)
    expect(JSON.stringify(res.data)).not.toMatch(/raterKey|complain(ant|tName)|openid/)
    // Only own figures: the trend is the department's too.
    const city = await sup('demo-supervisor-city', 'dashboard', { month: MONTH })
    expect(res.data.trend[11].inspections).toBe(counter.inspections)
    expect(res.data.trend[11].inspections).toBeLessThan(city.data.trend[11].inspections)
    expect((await sup('demo-deptadmin-1', 'dashboard', { month: MONTH, region: '3607' })).ok).toBe(true)
    expect(await sup('demo-deptadmin-1', 'dashboard', { month: MONTH, region: COUNTY })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('shows the rating average only from 5 ratings on (never who rated)', async () => {
    // The emergency department's entry of the city's October document (created when missing).
    const ref = emu.emulator.db.collection('counters').doc('3607_2026-10')
    const figures = { ...zeroFigures(), inspections: 6, results: 6, ratings: { count: 4, sum: 14, bad: 1 }, complaints: { received: 1, open: 1, overdue: 0 } }
    if ((await ref.update({ data: { depts: { [DEMO_IDS.cityEmergencyDept]: figures } } })).stats.updated === 0) {
      await ref.set({ data: { region: '3607', city: '3607', month: '2026-10', depts: { [DEMO_IDS.cityEmergencyDept]: figures } } })
    }
    const few = await sup('em-admin', 'dashboard', { month: '2026-10' })
    expect(few.data.byDepartment[0].ratings).toEqual({ count: 4, avg: null, bad: 0 })
    expect(few.data.byDepartment[0].hidden).toEqual(['ratings.avg', 'complaints', 'ratings.bad'])
    const supView = (await sup('demo-supervisor-city', 'dashboard', { month: '2026-10' })).data.byDepartment.find(
      (d: { deptId: string }) => d.deptId === DEMO_IDS.cityEmergencyDept,
    )
    expect(supView).toMatchObject({ ratings: { count: 4, avg: null, bad: 1 }, complaints: { open: 1, overdue: 0 } })
    expect(supView.hidden).toEqual(['ratings.avg'])
    await ref.update({ data: { depts: { [DEMO_IDS.cityEmergencyDept]: { ratings: { count: 5, sum: 18, bad: 1 } } } } })
    const enough = await sup('em-admin', 'dashboard', { month: '2026-10' })
    expect(enough.data.byDepartment[0].ratings).toEqual({ count: 5, avg: 3.6, bad: 1 })
    expect(enough.data.byDepartment[0].hidden).toEqual(['complaints'])
  })

  it('validates the month; officers, companies and strangers get nothing', async () => {
    expect(await sup('demo-supervisor-city', 'dashboard', { month: '2026-13' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await sup('demo-supervisor-city', 'dashboard', {})).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    for (const who of ['demo-officer-1', 'demo-enterprise-1', 'demo-admin'])
      expect(await sup(who, 'dashboard', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await sup('nobody', 'dashboard', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('reads counters only, the month and the trend together: its cost does not grow with inspections', async () => {
    const db = emu.emulator.db
    let reads: string[] = []
    const original = db.collection.bind(db)
    const readsOf = async (openid: string) => {
      await as(openid)
      reads = []
      expect((await sup(openid, 'dashboard', { month: MONTH })).ok).toBe(true)
      return reads
    }
    ;(db as any).collection = (name: string) => (reads.push(name), original(name))
    let city: string[], admin: string[]
    try {
      city = await readsOf('demo-supervisor-city')
      admin = await readsOf('demo-deptadmin-1')
    } finally {
      ;(db as any).collection = original
    }
    // What is open now (red lights, special cases waiting, open alerts by kind) comes from the
    // kept open-now documents: no inspection or alert is read or counted.
    const allowed = ['users', 'system', 'departments', 'counters', 'openNow']
    for (const r of [city, admin]) expect(r.filter((name) => !allowed.includes(name))).toEqual([])
    // One document per region and month. The city's 12 months: 3 queries of 4 months sent
    // together, each one page (19 regions × 4 months ≤ 100); a department admin's: the same
    // (their department's visits are kept in every county they went to).
    const times = (r: string[], name: string) => r.filter((n) => n === name).length
    expect([times(city, 'counters'), times(city, 'departments')]).toEqual([3, 1])
    expect([times(admin, 'counters'), times(admin, 'departments')]).toEqual([3, 1])
    // One county document each, of the scope: one query.
    expect([times(city, 'openNow'), times(admin, 'openNow')]).toEqual([1, 1])
  })
})

describe('alerts', () => {
  it('city: unresolved alerts and pending special cases, newest first, each naming its record', async () => {
    const res = await sup('demo-supervisor-city', 'alerts')
    expect(res.ok).toBe(true)
    const items = res.data.items
    expect(items.length).toBeGreaterThan(0)
    expect(items.length).toBeLessThanOrEqual(100)
    const times = items.map((a: { at: number }) => a.at)
    expect(times).toEqual([...times].sort((x, y) => y - x))
    for (const a of items)
      expect(a).toMatchObject({
        id: expect.any(String),
        kind: expect.any(String),
        ref: expect.stringMatching(/^(inspections|ratings|ledger|complaints)\//),
        at: expect.any(Number),
        region: expect.any(String),
        summary: expect.any(String),
      })
    const pending = items.filter((a: { kind: string }) => a.kind === 'pending_exception').map((a: { ref: string }) => a.ref)
    expect(pending).toContain(`inspections/${ids.elsewhere2}`)
    expect(pending).toContain(`inspections/${ids.countyByCounty}`)
    // Reviewed ones are no longer pending; the unjustified one is an alert of its own.
    expect(pending).not.toContain(`inspections/${ids.elsewhere1}`)
    expect(pending).not.toContain(`inspections/${ids.countyByCity}`)
    expect(items).toContainEqual(
      expect.objectContaining({ kind: 'unjustified_exception', ref: `inspections/${ids.countyByCity}`, deptId: DEMO_IDS.cityEmergencyDept }),
    )
    expect(items.every((a: { resolved: boolean }) => a.resolved === false)).toBe(true)
  })

  it('county: only the county, by listing and by asking for another region', async () => {
    const res = await sup('demo-supervisor-county', 'alerts')
    expect(res.data.items.length).toBeGreaterThan(0)
    expect(res.data.items.every((a: { region: string }) => a.region === COUNTY)).toBe(true)
    expect(res.data.items.map((a: { ref: string }) => a.ref)).not.toContain(`inspections/${ids.elsewhere2}`)
    for (const region of ['3607', '360703'])
      expect(await sup('demo-supervisor-county', 'alerts', { region })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const narrowed = await sup('demo-supervisor-city', 'alerts', { region: COUNTY })
    expect(narrowed.data.items.map((a: { id: string }) => a.id)).toEqual(res.data.items.map((a: { id: string }) => a.id))
  })

  it('leaves out an overdue alert once its result is recorded; department admins and officers get FORBIDDEN', async () => {
    const overdue = (await sup('demo-supervisor-city', 'alerts')).data.items.filter((a: { kind: string }) => a.kind === 'overdue')
    if (overdue.length > 0) {
      const id = overdue[0].ref.slice('inspections/'.length)
      await emu.emulator.db
        .collection('inspections')
        .doc(id)
        .update({ data: { result: { outcome: 'compliant', findings: 'x', recordedAt: 1, recordedBy: 'off_001', lateByMs: 1 }, status: 'closed' } })
      const after = (await sup('demo-supervisor-city', 'alerts')).data.items.map((a: { id: string }) => a.id)
      expect(after).not.toContain(overdue[0].id)
    }
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-enterprise-2'])
      expect(await sup(who, 'alerts')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('monthlyReport', () => {
  const readReport = async (fileID: string) => {
    const rel = fileID.replace(/^local:\/\//, '')
    const res = await fetch(`${emu.baseUrl}/api/files/${rel.split('/').map(encodeURIComponent).join('/')}`, {
      headers: { authorization: `Bearer ${await as('demo-supervisor-city')}` },
    })
    expect(res.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as never)
    return wb
  }

  it('city: a workbook with the ranking and every department, matching the dashboard', async () => {
    const res = await sup('demo-supervisor-city', 'monthlyReport', { month: MONTH })
    expect(res).toMatchObject({
      ok: true,
      data: {
        fileID: expect.stringMatching(/^local:\/\/exports\/report\/3607\/2026-12_\d+\.xlsx$/),
        fileName: '赣州市_2026年12月_行政执法监督通报.xlsx',
        url: expect.stringMatching(/^(http:\/\/127\.0\.0\.1:\d+)?\/api\/files\//),
      },
    })
    const wb = await readReport(res.data.fileID)
    const summary = wb.getWorksheet(SUMMARY_SHEET)!
    const detail = wb.getWorksheet(DETAIL_SHEET)!
    expect(String(summary.getRow(1).getCell(1).value)).toContain('赣州市 2026年12月')
    expect(String(summary.getRow(2).getCell(1).value)).toMatch(/^排名规则/)
    expect((summary.getRow(3).values as unknown[]).slice(1)).toEqual([...SUMMARY_HEADERS])
    expect((detail.getRow(3).values as unknown[]).slice(1)).toEqual([...DETAIL_HEADERS])
    expect(summary.rowCount).toBe(3 + roster.departments.length)
    expect(detail.rowCount).toBe(3 + roster.departments.length)
    const board = (await sup('demo-supervisor-city', 'dashboard', { month: MONTH })).data
    const dash = board.byDepartment
    const withheld = `样本不足（少于${board.rules.minRatings}条）`
    for (let r = 4; r <= detail.rowCount; r++) {
      const row = detail.getRow(r).values as unknown[]
      const d = dash.find((x: { deptName: string }) => x.deptName === row[1])
      expect(d).toBeDefined()
      expect(row.slice(2, 8)).toEqual([
        d.inspections,
        d.quietExceptions.pending,
        d.quietExceptions.justified,
        d.quietExceptions.unjustified,
        d.overdue,
        d.ratings.count,
      ])
      expect(row.slice(9)).toEqual([
        d.ratings.bad,
        d.complaints.open,
        d.complaints.overdue,
        d.unscanned,
        d.repeated,
        d.capRefusals,
        d.noPenalty ?? 0,
        d.backfills ?? 0,
        d.withdrawn ?? 0,
        d.serviceVisits ?? 0,
        d.serviceRatings?.count ?? 0,
        d.serviceRatings?.avg ?? (d.serviceRatings?.count ? withheld : '—'),
        d.serviceRatings?.bad ?? 0,
      ])
    }
    // Ranks never go down the sheet, and rank 1 has the most problems.
    const ranks = Array.from({ length: summary.rowCount - 3 }, (_, i) => summary.getRow(i + 4).values as unknown[])
    expect(ranks[0][1]).toBe(1)
    for (let i = 1; i < ranks.length; i++) expect(Number(ranks[i][3])).toBeLessThanOrEqual(Number(ranks[i - 1][3]))
    expect((await emu.emulator.db.collection('audit').where({ action: 'supervision.monthlyReport' }).count()).total).toBe(1)
  })

  it('county: only the county departments; others FORBIDDEN', async () => {
    const res = await sup('demo-supervisor-county', 'monthlyReport', { month: MONTH })
    expect(res.data.fileID).toMatch(/^local:\/\/exports\/report\/360702\//)
    const wb = await readReport(res.data.fileID)
    expect(String(wb.getWorksheet(SUMMARY_SHEET)!.getRow(1).getCell(1).value)).toContain('章贡区 2026年12月')
    const names = Array.from(
      { length: wb.getWorksheet(DETAIL_SHEET)!.rowCount - 3 },
      (_, i) =>
        wb
          .getWorksheet(DETAIL_SHEET)!
          .getRow(i + 4)
          .getCell(1).value,
    ).sort()
    const dash = (await sup('demo-supervisor-county', 'dashboard', { month: MONTH })).data.byDepartment.map((d: { deptName: string }) => d.deptName).sort()
    expect(names).toEqual(dash)
    expect(names).toEqual(
      expect.arrayContaining(roster.departments.filter((d) => d.region === COUNTY || d.id === DEMO_IDS.cityEmergencyDept).map((d) => d.name)),
    )
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-admin'])
      expect(await sup(who, 'monthlyReport', { month: MONTH })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await sup('demo-supervisor-city', 'monthlyReport', { month: '12-2026' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('auditVerify', () => {
  it('verifies every monitoring point of the scope; the county checks fewer entries than the city', async () => {
    const city = await sup('demo-supervisor-city', 'auditVerify')
    expect(city).toMatchObject({ ok: true, data: { ok: true } })
    expect(city.data.checked).toBeGreaterThan(0)
    expect(city.data.brokenAt).toBeUndefined()
    const county = await sup('demo-supervisor-county', 'auditVerify')
    expect(county).toMatchObject({ ok: true, data: { ok: true } })
    const countyEntries = (
      await emu.emulator.db
        .collection('ledger')
        .where({ companyId: emu.emulator.db.command.in(roster.companies.filter((c) => c.monitoringPoint && c.region === COUNTY).map((c) => c.id)) })
        .count()
    ).total
    expect(county.data.checked).toBe(countyEntries)
    expect(county.data.checked).toBeLessThan(city.data.checked)
    expect(await sup('demo-admin', 'auditVerify')).toMatchObject({ ok: true, data: { ok: true, checked: city.data.checked } })
  })

  it('one company: in scope only (FORBIDDEN outside), NOT_FOUND when unknown', async () => {
    const own = await sup('demo-supervisor-county', 'auditVerify', { companyId: DEMO_IDS.parkMonitoringCompany })
    expect(own).toMatchObject({ ok: true, data: { ok: true } })
    expect(own.data.checked).toBeGreaterThan(0)
    expect(await sup('demo-supervisor-county', 'auditVerify', { companyId: monitoringElsewhere.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await sup('demo-supervisor-city', 'auditVerify', { companyId: 'co_9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-enterprise-1'])
      expect(await sup(who, 'auditVerify')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('finds a changed entry and a removed last entry', async () => {
    const companyId = DEMO_IDS.parkMonitoringCompany
    const entries = (await emu.emulator.db.collection('ledger').where({ companyId }).orderBy('seq', 'asc').get()).data as any[]
    expect(entries.length).toBeGreaterThanOrEqual(2)
    const victim = entries[0]
    await emu.emulator.db
      .collection('ledger')
      .doc(victim._id)
      .update({ data: { purpose: victim.purpose + '（改）' } })
    expect(await sup('demo-supervisor-city', 'auditVerify', { companyId })).toMatchObject({
      ok: true,
      data: { ok: false, checked: 0, brokenAt: { companyId, seq: victim.seq } },
    })
    expect(await sup('demo-supervisor-county', 'auditVerify')).toMatchObject({ ok: true, data: { ok: false, brokenAt: { companyId, seq: victim.seq } } })
    await emu.emulator.db
      .collection('ledger')
      .doc(victim._id)
      .update({ data: { purpose: victim.purpose } })
    expect(await sup('demo-supervisor-city', 'auditVerify', { companyId })).toMatchObject({ ok: true, data: { ok: true, checked: entries.length } })

    const last = entries[entries.length - 1]
    await emu.emulator.db.collection('ledger').doc(last._id).remove()
    expect(await sup('demo-supervisor-city', 'auditVerify', { companyId })).toMatchObject({
      ok: true,
      data: { ok: false, checked: entries.length - 1, brokenAt: { companyId, seq: last.seq } },
    })
    const { _id, ...data } = last
    await emu.emulator.db.collection('ledger').doc(_id).set({ data })
    expect(await sup('demo-supervisor-city', 'auditVerify', { companyId })).toMatchObject({ ok: true, data: { ok: true } })
  })
})
