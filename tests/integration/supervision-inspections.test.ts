import { defaultSettings } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { createPrng } from '../../emulator/seed/prng'
import { userIdFor } from '../../server/platform/ids'
import { lastDateOfMonth } from '../../server/domain/china-time'

/**
 * supervision.inspections / supervision.inspection (issue 16) over HTTP on the demo data,
 * 2026-12-12. The done-when test: for every county and month, the dashboard's totals are
 * what the inspection search lists for the same scope — on the demo data and after random
 * check-ins by departments of the city and of counties.
 */

const roster = buildDemoRoster()
const settings = defaultSettings()
const COUNTY = '360702'
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string | null, fn: string, action: string, fields: object = {}) =>
  emu.call(fn, action, fields, openid ? await as(openid) : undefined)
const sup = (openid: string, action: string, fields: object = {}) => call(openid, 'supervision', action, fields)
let clock = Date.parse('2026-12-12T02:00:00Z')
const advance = async (ms: number) => {
  clock += ms
  await emu.setClock(new Date(clock).toISOString())
}
let n = 0
const rid = () => `si-req-${String(++n).padStart(4, '0')}`

/** Every item the search lists for these filters, page after page (checks the pages do not overlap). */
type Listed = { id: string; deptId: string; deptIds?: string[]; status: string; flags: string[]; rating: { state: string; score?: number } }
async function searchAll(openid: string, filters: object): Promise<Listed[]> {
  const out: Listed[] = []
  let cursor: string | undefined
  for (let page = 0; page < 200; page++) {
    const res = await sup(openid, 'inspections', { ...filters, ...(cursor ? { cursor } : {}) })
    expect(res.ok).toBe(true)
    out.push(...res.data.items)
    cursor = res.data.cursor
    if (!cursor) break
  }
  expect(new Set(out.map((i) => i.id)).size).toBe(out.length)
  return out
}

const monthRange = (month: string) => ({ from: `${month}-01`, to: lastDateOfMonth(month) })

/** The dashboard of each county (and the city) against the search of the same scope and month. */
async function expectDashboardEqualsSearch(months: string[]) {
  const regions = ['3607', ...settings.city.regions.map((r) => r.code)]
  let compared = 0
  for (const month of months) {
    for (const region of regions) {
      const dash = await sup('demo-supervisor-city', 'dashboard', { month, region })
      expect(dash.ok).toBe(true)
      const all = await searchAll('demo-supervisor-city', { region, ...monthRange(month) })
      // A withdrawn scan is listed but leaves the counts (rule 18); a joint visit counts once per department (rule 14).
      const listed = all.filter((i) => i.status !== 'withdrawn')
      const depts = (i: Listed) => i.deptIds ?? [i.deptId]
      expect({ region, month, inspections: dash.data.totals.inspections }).toEqual({
        region,
        month,
        inspections: listed.reduce((n, i) => n + depts(i).length, 0),
      })
      expect(dash.data.totals.withdrawn ?? 0).toBe(all.reduce((n, i) => n + (i.status === 'withdrawn' ? depts(i).length : 0), 0))
      expect(dash.data.totals.repeated).toBe(listed.filter((i) => i.flags.includes('repeated')).length)
      // The dashboard's 撤回 and 事后补录 rows open these searches: the withdrawn visits, the back-filled ones (counted once, for the leading department).
      const withdrawn = await searchAll('demo-supervisor-city', { region, ...monthRange(month), status: 'withdrawn' })
      expect(withdrawn.map((i) => i.id)).toEqual(all.filter((i) => i.status === 'withdrawn').map((i) => i.id))
      expect(dash.data.totals.withdrawn ?? 0).toBe(withdrawn.reduce((n, i) => n + depts(i).length, 0))
      const backfilled = await searchAll('demo-supervisor-city', { region, ...monthRange(month), flag: 'backfilled' })
      expect(dash.data.totals.backfills ?? 0).toBe(backfilled.length)
      for (const d of dash.data.byDepartment) {
        expect({ region, month, deptId: d.deptId, inspections: d.inspections }).toEqual({
          region,
          month,
          deptId: d.deptId,
          inspections: listed.filter((i) => depts(i).includes(d.deptId)).length,
        })
      }
      compared += listed.length
    }
  }
  return compared
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: new Date(clock).toISOString() })
  await call('demo-admin', 'account', 'grantRole', { openid: 'zg-admin', role: 'deptAdmin', deptId: DEMO_IDS.zhangGongMarketDept })
})
afterAll(async () => {
  await emu?.close()
})

it('for every county and month of the demo data, the dashboard counts what the search lists', async () => {
  const compared = await expectDashboardEqualsSearch(['2026-11', '2026-12'])
  expect(compared).toBeGreaterThan(10)
  // The county supervisor's own view is the same as the city's narrowed to the county.
  const own = await searchAll('demo-supervisor-county', monthRange('2026-12'))
  expect(own.map((i) => i.id)).toEqual((await searchAll('demo-supervisor-city', { region: COUNTY, ...monthRange('2026-12') })).map((i) => i.id))
})

it('after random check-ins by city and county departments, the dashboard still counts what the search lists', async () => {
  const random = createPrng(1616)
  const pick = <T>(list: T[]): T => random.pick(list)
  // Officers of several departments (valid certificates), bound directly.
  const officers = roster.officers.filter((o) => o.certStatus === 'valid' && o.expiresInDays > 60)
  const team = [...new Set(officers.map((o) => o.deptId))].slice(0, 8).map((deptId) => officers.find((o) => o.deptId === deptId)!)
  for (const o of team) {
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(`si-${o.id}`))
      .set({ data: { openid: `si-${o.id}`, roles: ['officer'], name: o.name, deptId: o.deptId, officerId: o.id, createdAt: 0, updatedAt: 0 } })
  }
  const companies = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100)
  let ok = 0
  for (let i = 0; i < 60; i++) {
    await advance(random.int(0, 2) * 3_600_000 + 60_000)
    const officer = pick(team)
    const company = pick(companies)
    const res = await call(`si-${officer.id}`, 'inspection', 'checkIn', {
      scene: `c=${company.id}`,
      clientRequestId: rid(),
      source: pick(['referral', 'complaint', 'monitoring']),
      sourceRef: `SI-${i}`,
      location: near(company),
      ...(company.inPark ? { exception: { category: 'emergency' } } : {}),
    })
    if (res.ok) ok++
  }
  expect(ok).toBeGreaterThan(30)
  await expectDashboardEqualsSearch(['2026-12'])
}, 120_000)

it('filters by department, company, source, flag, status and dates; a department admin sees only their department', async () => {
  const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
  await advance(3 * 3_600_000)
  const open = await call('demo-officer-1', 'inspection', 'checkIn', {
    scene: `c=${town.id}`,
    clientRequestId: rid(),
    source: 'referral',
    sourceRef: 'REF-2026-0001',
    location: near(town),
  })
  expect(open.error).toBeUndefined()
  const id = open.data.inspection.id
  const byCompany = await searchAll('demo-supervisor-county', { companyId: town.id })
  expect(byCompany.map((i) => i.id)).toContain(id)
  expect(byCompany.every((i) => (i as unknown as { companyId: string }).companyId === town.id)).toBe(true)
  const referral = await searchAll('demo-supervisor-county', { source: 'referral', deptId: DEMO_IDS.cityMarketDept, from: '2026-12-01' })
  expect(referral.map((i) => i.id)).toContain(id)
  expect(referral.every((i) => (i as unknown as { source: string }).source === 'referral' && i.deptId === DEMO_IDS.cityMarketDept)).toBe(true)
  expect((await searchAll('demo-supervisor-county', { status: 'open', companyId: town.id })).map((i) => i.id)).toContain(id)
  expect((await searchAll('demo-supervisor-county', { status: 'closed', companyId: town.id })).map((i) => i.id)).not.toContain(id)
  expect((await searchAll('demo-supervisor-county', { to: '2026-11-30', companyId: town.id })).map((i) => i.id)).not.toContain(id)
  const repeated = await searchAll('demo-supervisor-city', { flag: 'repeated' })
  expect(repeated.every((i) => i.flags.includes('repeated'))).toBe(true)

  // A department admin: their department everywhere, never a score.
  const mine = await searchAll('demo-deptadmin-1', {})
  expect(mine.length).toBeGreaterThan(0)
  // Their department's, the joint inspections it joined included (rule 14).
  expect(mine.every((i) => (i.deptIds ?? [i.deptId]).includes(DEMO_IDS.cityMarketDept) && i.rating.score === undefined)).toBe(true)
  expect(await sup('demo-deptadmin-1', 'inspections', { deptId: DEMO_IDS.cityEmergencyDept })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await sup('demo-supervisor-county', 'inspections', { region: '360703' })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await sup('demo-supervisor-county', 'inspections', { cursor: 'not-a-cursor!' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
})

it('the detail: timeline, ledger entry; the rating and its comment and the complaints for supervisors only', async () => {
  const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
  await advance(3 * 3_600_000)
  const fields = { scene: `c=${town.id}`, source: 'referral', sourceRef: 'REF-2026-0001', location: near(town) }
  const open = await call('demo-officer-1', 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  await call('demo-officer-2', 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  const id = open.data.inspection.id
  const result = await call('demo-officer-1', 'inspection', 'recordResult', {
    inspectionId: id,
    outcome: 'rectify',
    findings: '消防通道堆放杂物',
    rectifyBy: '2027-01-10',
  })
  expect(result.ok).toBe(true)
  expect(
    await call('demo-enterprise-2', 'enterprise', 'rate', {
      token: result.data.rating.token,
      score: 1,
      tags: ['态度生硬'],
      comment: 'SI-COMMENT 检查人员态度很差',
    }),
  ).toMatchObject({ ok: true })
  expect(
    await call('demo-enterprise-2', 'enterprise', 'complain', { inspectionId: id, category: 'attitude', content: 'SI-COMPLAINT 检查人员态度恶劣' }),
  ).toMatchObject({ ok: true })

  const seen = await sup('demo-supervisor-county', 'inspection', { inspectionId: id })
  expect(seen).toMatchObject({
    ok: true,
    data: {
      inspection: { id, companyName: town.name, officerNames: ['张伟', '李娜'], rating: { state: 'rated', score: 1 } },
      rating: { score: 1, tags: ['态度生硬'], comment: 'SI-COMMENT 检查人员态度很差' },
    },
  })
  expect(seen.data.timeline.map((e: { kind: string }) => e.kind)).toEqual(['check_in', 'result', 'rating'])
  expect(seen.data.timeline[0].text).toContain('赣州市市场监督管理局')
  expect(seen.data.complaints).toEqual([expect.objectContaining({ inspectionId: id, content: 'SI-COMPLAINT 检查人员态度恶劣' })])

  // The department: the visit and its timeline, never the score, the comment or the complaint.
  const dept = await sup('demo-deptadmin-1', 'inspection', { inspectionId: id })
  expect(dept).toMatchObject({ ok: true, data: { inspection: { id, rating: { state: 'rated' } } } })
  expect(dept.data.inspection.rating.score).toBeUndefined()
  expect(dept.data.rating).toBeUndefined()
  expect(dept.data.complaints).toBeUndefined()
  expect(dept.data.timeline.map((e: { kind: string }) => e.kind)).toEqual(['check_in', 'result'])
  expect(JSON.stringify(dept)).not.toMatch(/SI-COMMENT|SI-COMPLAINT|态度生硬/)
  expect(JSON.stringify(await sup('demo-deptadmin-1', 'inspections', { companyId: town.id }))).not.toMatch(/SI-COMMENT|"score"/)

  // A monitoring point's visit carries its ledger entry.
  const park = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
  await advance(3 * 3_600_000)
  const atPark = await call('demo-officer-3', 'inspection', 'checkIn', {
    scene: `c=${park.id}`,
    clientRequestId: rid(),
    source: 'monitoring',
    sourceRef: 'REF-2026-0001',
    exception: { category: 'emergency' },
    location: near(park),
  })
  expect(atPark.ok).toBe(true)
  const parkSeen = await sup('demo-supervisor-city', 'inspection', { inspectionId: atPark.data.inspection.id })
  expect(parkSeen.data.ledgerEntry).toMatchObject({ companyId: park.id, source: 'scan', inspectionId: atPark.data.inspection.id, unscanned: false })
  expect(await sup('demo-supervisor-city', 'inspection', { inspectionId: 'insp_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  expect(await sup('zg-admin', 'inspection', { inspectionId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

it("plan review shows the facts: the companies with their park, the dates against the quiet period, overlaps with the department's other plans", async () => {
  const park = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
  const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
  const plan = (title: string, companyIds: string[], from: string, to: string) =>
    call('demo-deptadmin-1', 'supervision', 'submitPlan', {
      deptId: DEMO_IDS.cityMarketDept,
      title,
      kind: 'routine',
      items: ['证照检查'],
      basis: '《市场监督管理行政处罚程序规定》',
      companyIds,
      from,
      to,
    })
  const first = await plan('SI 一月专项', [park.id, town.id], '2027-01-20', '2027-02-05')
  expect(first.ok).toBe(true)
  const second = await plan('SI 二月日常', [town.id], '2027-02-01', '2027-02-28')
  const apart = await plan('SI 三月日常', [town.id], '2027-03-26', '2027-03-31')
  const items = (await sup('demo-supervisor-city', 'plans', { status: 'pending' })).data.items
  const facts = items.find((p: { id: string }) => p.id === first.data.plan.id).facts
  expect(facts.companies).toEqual([
    expect.objectContaining({ id: park.id, name: park.name, inPark: true }),
    expect.objectContaining({ id: town.id, name: town.name, inPark: false }),
  ])
  // 2027-01-20..02-05: 17 days; 20–25 January and 1–5 February are in the quiet period (1st–25th).
  expect(facts.quiet).toEqual({ days: 17, quietDays: 11, openDays: 6, parkCompanies: 1 })
  // The demo history's plans of the department that overlap count too (an approved one naming both companies).
  expect(facts.overlaps).toEqual(
    expect.arrayContaining([expect.objectContaining({ planId: second.data.plan.id, title: 'SI 二月日常', status: 'pending', sharedCompanies: 1 })]),
  )
  expect(facts.overlaps.every((o: { from: string; to: string }) => o.from <= '2027-02-05' && o.to >= '2027-01-20')).toBe(true)
  expect(items.find((p: { id: string }) => p.id === apart.data.plan.id).facts.overlaps.map((o: { planId: string }) => o.planId)).not.toContain(
    first.data.plan.id,
  )
  // Department admins get their plans without the review facts.
  const own = (await sup('demo-deptadmin-1', 'plans', {})).data.items.find((p: { id: string }) => p.id === first.data.plan.id)
  expect(own.facts).toBeUndefined()
})
