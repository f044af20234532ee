import { AlertKind } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { overdueDepartments } from '../../server/domain/joint'
import type { InspectionRecord } from '../../server/domain/inspection-records'
import type { DocData } from '../../server/platform/db'

/**
 * What the dashboard says is open now (SPEC §3: `overdueOpen`, `openAlerts` by kind) is kept,
 * not counted per request (ARCHITECTURE rule 6, store/open-now.ts), yet it must always say
 * what a count of the records says: after the demo history, and after each of a mix of
 * writes that open and close things (a special case, a joint join with its own, red lights
 * marked by the scheduler, a late result, a review that raises an alert, alerts handled).
 * A corrupted figure is repaired by the hourly job once two runs have seen it.
 */

const roster = buildDemoRoster()
const parkMon = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const COUNTY = parkMon.region
const STORED = AlertKind.options.filter((k) => k !== 'overdue' && k !== 'pending_exception')

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const ok = async (p: Promise<{ ok: boolean; data?: any; error?: unknown }>) => {
  const res = await p
  expect(res.error).toBeUndefined()
  return res.data
}

/** A live count of the records, as the dashboard counted before it kept them. */
async function liveCount(where: DocData, deptId?: string) {
  const db = emu.emulator.db
  const all = async (w: DocData) => (await db.collection('inspections').where(w).limit(1000).get()).data as unknown as InspectionRecord[]
  const overdue = (await all({ ...where, status: 'overdue' })).flatMap((r) => overdueDepartments(r)).filter((d) => deptId === undefined || d === deptId).length
  const lead = (await all({ ...where, 'exception.review': 'pending' })).length
  const joined = (await all({ ...where, 'joins.exception.review': 'pending' })).flatMap((r) =>
    (r.joins ?? []).filter((j) => j.exception?.review === 'pending'),
  ).length
  const alerts: Record<string, number> = {}
  for (const kind of STORED)
    alerts[kind] = (
      await db
        .collection('alerts')
        .where({ ...where, resolved: false, kind })
        .count()
    ).total
  return { overdue, pending: lead + joined, alerts }
}

async function dashboard(openid: string, region?: string) {
  return ok(call(openid, 'supervision', 'dashboard', { month: '2026-12', ...(region ? { region } : {}) }))
}

/** The city's, the county's and a department admin's dashboards say what the records say. */
async function expectDashboardsLive() {
  for (const [openid, region, where] of [
    ['demo-supervisor-city', undefined, { city: '3607' }],
    ['demo-supervisor-county', undefined, { region: '360702' }],
    ['demo-supervisor-city', COUNTY, { region: COUNTY }],
  ] as const) {
    const live = await liveCount(where)
    const d = await dashboard(openid, region)
    expect({ scope: where, overdueOpen: d.overdueOpen, openAlerts: d.openAlerts }).toEqual({
      scope: where,
      overdueOpen: live.overdue,
      openAlerts: { ...live.alerts, overdue: live.overdue, pending_exception: live.pending },
    })
  }
  // A department admin: its own red lights wherever the companies are.
  expect((await dashboard('demo-deptadmin-1')).overdueOpen).toBe((await liveCount({ city: '3607' }, DEMO_IDS.cityMarketDept)).overdue)
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z', env: { ADMIN_OPENIDS: 'demo-admin' } })
})
afterAll(async () => {
  await emu?.close()
})

describe('the dashboard’s open figures are kept, and equal a live count', () => {
  let inspectionId = ''

  it('after the demo history, which the handlers and the scheduler wrote', async () => {
    const live = await liveCount({ city: '3607' })
    // The history has something open of each sort, so the comparisons below mean something.
    expect(live.overdue).toBeGreaterThan(0)
    expect(live.pending).toBeGreaterThan(0)
    expect(live.alerts.repeated).toBeGreaterThan(0)
    await expectDashboardsLive()
  })

  it('a special case in the quiet period, and another department joining with its own', async () => {
    const before = (await dashboard('demo-supervisor-city')).openAlerts.pending_exception
    const at = { lat: parkMon.location.lat + 0.0003, lng: parkMon.location.lng, accuracy: 15 }
    const base = { scene: `c=${parkMon.id}`, source: 'plan', exception: { category: 'emergency' }, location: at }
    const opened = await ok(call('demo-officer-1', 'inspection', 'checkIn', { ...base, clientRequestId: 'open-now-1' }))
    inspectionId = opened.inspection.id
    await ok(call('demo-officer-2', 'inspection', 'checkIn', { ...base, clientRequestId: 'open-now-2' }))
    const joint = await ok(call('demo-officer-3', 'inspection', 'checkIn', { ...base, clientRequestId: 'open-now-3', joinInspectionId: inspectionId }))
    expect(joint.joint).toBe(true)
    expect((await dashboard('demo-supervisor-city')).openAlerts.pending_exception).toBe(before + 2)
    await expectDashboardsLive()
  })

  it('red lights marked by the scheduler, and one closed by a late result', async () => {
    const before = (await dashboard('demo-supervisor-city')).overdueOpen
    await emu.setClock('2026-12-16T02:00:00Z')
    await ok(call('demo-admin', 'scheduler', 'run'))
    const after = (await dashboard('demo-supervisor-city')).overdueOpen
    // The joint inspection is two red lights: one per department without its result.
    expect(after).toBeGreaterThanOrEqual(before + 2)
    await expectDashboardsLive()
    await ok(call('demo-officer-1', 'inspection', 'recordResult', { inspectionId, outcome: 'compliant', findings: '现场检查未发现问题' }))
    expect((await dashboard('demo-supervisor-city')).overdueOpen).toBe(after - 1)
    await expectDashboardsLive()
  })

  it('a review that finds the special case unjustified, and alerts handled', async () => {
    // Each department's special case is reviewed on its own (rule 14).
    const lead = { inspectionId, deptId: DEMO_IDS.cityMarketDept }
    await ok(call('demo-supervisor-city', 'supervision', 'reviewException', { ...lead, verdict: 'unjustified', comment: '不属于突发事件' }))
    // Reviewing twice raises nothing twice.
    expect((await call('demo-supervisor-city', 'supervision', 'reviewException', { ...lead, verdict: 'unjustified', comment: '再审' })).ok).toBe(false)
    await expectDashboardsLive()
    const pendingBefore = (await dashboard('demo-supervisor-city')).openAlerts.pending_exception
    await ok(call('demo-supervisor-city', 'supervision', 'reviewException', { inspectionId, verdict: 'justified', comment: '确属突发事件' }))
    expect((await dashboard('demo-supervisor-city')).openAlerts.pending_exception).toBe(pendingBefore - 1)
    await expectDashboardsLive()
    const open = (await emu.emulator.db.collection('alerts').where({ city: '3607', resolved: false, kind: 'repeated' }).limit(2).get()).data
    expect(open).toHaveLength(2)
    for (const a of open) await ok(call('demo-supervisor-city', 'supervision', 'handleAlert', { alertId: a._id, note: '已提醒该部门组织联合检查' }))
    const unjustified = (await emu.emulator.db.collection('alerts').where({ resolved: false, kind: 'unjustified_exception' }).limit(1).get()).data[0]
    await ok(call('demo-supervisor-city', 'supervision', 'handleAlert', { alertId: unjustified._id, note: '已约谈执法单位' }))
    await expectDashboardsLive()
  })

  it('the hourly job repairs a corrupted figure once two runs have seen it', async () => {
    const db = emu.emulator.db
    const _ = db.command
    const right = await dashboard('demo-supervisor-city')
    await db
      .collection('openNow')
      .doc(COUNTY)
      .update({ data: { 'alerts.repeated': _.inc(3), [`depts.${DEMO_IDS.cityMarketDept}.overdue`]: _.inc(-1) } })
    const wrong = await dashboard('demo-supervisor-city')
    expect([wrong.openAlerts.repeated, wrong.overdueOpen]).toEqual([right.openAlerts.repeated + 3, right.overdueOpen - 1])

    const first = await ok(call('demo-admin', 'scheduler', 'run'))
    expect(first.openNow).toMatchObject({ differenceCount: 2, repaired: 0 })
    expect(first.openNow.differences).toEqual(
      expect.arrayContaining([
        { region: COUNTY, figure: 'alerts.repeated', kept: expect.any(Number), recounted: expect.any(Number) },
        { region: COUNTY, figure: `depts.${DEMO_IDS.cityMarketDept}.overdue`, kept: expect.any(Number), recounted: expect.any(Number) },
      ]),
    )
    // Seen once: it might be a bump on its way, so nothing is touched yet.
    expect((await dashboard('demo-supervisor-city')).openAlerts.repeated).toBe(right.openAlerts.repeated + 3)

    const second = await ok(call('demo-admin', 'scheduler', 'run'))
    expect(second.openNow).toMatchObject({ differenceCount: 2, repaired: 2 })
    const third = await ok(call('demo-admin', 'scheduler', 'run'))
    expect(third.openNow).toEqual({ differences: [], differenceCount: 0, repaired: 0 })
    await expectDashboardsLive()
  })
})
