import { TEST_KEYS } from '../helpers/keys'
import { registry } from '@server/functions'
import { dispatch, clearSettingsCache } from '@server/platform/dispatch'
import { defaultSettings } from '@contract'
import { GENESIS_HASH } from '@server/domain/hash-chain'
import { appendLedgerEntry } from '@server/store/ledger'
import { migrateToGates } from '@server/store/gate-migration'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, seedDemo } from '../../emulator/seed/demo'
import { DEMO_IDS } from '../../emulator/seed/demo-roster'
import { inProcessPlatform } from '../helpers/platform'

/**
 * A database written before the company gate and the region counters (issue 7): after the
 * migration, every rule the old documents carried still holds at the gate, and the
 * dashboard keeps the old figures.
 */

const NOW = Date.parse('2026-12-26T10:00:00+08:00')
const MIN = 60_000
const DAY = 86_400_000
const roster = buildDemoRoster()
const fresh = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint)
const [capped, joinable] = fresh
const monitored = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const db = openDatabase(':memory:')
let n = 0
const call = (fn: 'inspection' | 'enterprise' | 'supervision', openid: string, event: object) => dispatch(fn, registry[fn] as never, event, inProcessPlatform(db, openid, NOW)) as Promise<any>
const checkIn = (openid: string, company: { id: string; location: { lat: number; lng: number } }, extra: object = {}) =>
  call('inspection', openid, { action: 'checkIn', scene: `c=${company.id}`, clientRequestId: `migration-${++n}`, source: 'complaint', sourceRef: 'REF-2026-0001', location: { ...company.location, accuracy: 10 }, ...extra })
const put = (collection: string, id: string, data: Record<string, unknown>) => db.collection(collection).doc(id).set({ data })
const inspection = (companyId: string, deptId: string, checkInAt: number, officerIds: string[]) => ({
  companyId, companyName: '旧数据企业', deptId, deptName: '旧部门', deptRegion: '3607', region: '360702', city: '3607', officerIds, officerNames: officerIds.map(() => '执法人员'),
  source: 'plan', capCounted: true, checkInAt, date: '2026-12-16', month: '2026-12', location: { lat: 25.8, lng: 114.9, accuracy: 10 }, distanceM: 0, flags: [], status: 'open',
  dueAt: checkInAt + 3 * DAY, rating: { state: 'none' }, createdAt: checkInAt, updatedAt: checkInAt,
})

beforeAll(async () => {
  await seedDemo(db, { now: NOW - DAY, keys: TEST_KEYS, history: false })
  clearSettingsCache()
  // The old shapes, as the previous version wrote them.
  await put('capCounts', `${DEMO_IDS.cityMarketDept}_${capped.id}_2026`, { deptId: DEMO_IDS.cityMarketDept, companyId: capped.id, year: 2026, used: 2, inspectionIds: ['a', 'b'] })
  await put('plans', 'plan_old', {
    deptId: DEMO_IDS.cityMarketDept, region: '3607', city: '3607', title: '十二月日常检查计划', kind: 'routine', items: ['证照'], basis: '年度计划', companyIds: [capped.id],
    from: '2026-12-01', to: '2026-12-31', status: 'approved', submittedBy: 'u', submittedAt: NOW - 30 * DAY,
  })
  await put('inspections', 'insp_old_em', inspection(capped.id, DEMO_IDS.cityEmergencyDept, NOW - 10 * DAY, [DEMO_IDS.officer3]))
  await put('inspections', 'insp_old_open', inspection(joinable.id, DEMO_IDS.cityMarketDept, NOW - 30 * MIN, [DEMO_IDS.officer1]))
  await put('openInspections', `${DEMO_IDS.cityMarketDept}_${joinable.id}`, { inspectionId: 'insp_old_open', deptId: DEMO_IDS.cityMarketDept, companyId: joinable.id, checkInAt: NOW - 30 * MIN })
  let head = { seq: 0, hash: GENESIS_HASH }
  for (let i = 1; i <= 3; i++) {
    const entry = await db.runTransaction((tx) =>
      appendLedgerEntry(tx, { now: NOW - (10 - i) * DAY }, head, { companyId: monitored.id, date: `2026-12-1${i}`, source: 'manual', deptName: '赣州市市场监督管理局', officerNames: ['张伟'], purpose: '日常检查', unscanned: false, matchedInspectionId: null }),
    )
    head = { seq: entry.seq, hash: entry.hash }
  }
  await put('ledgerHeads', monitored.id, { ...head, updatedAt: NOW - 7 * DAY })
  await put('counters', `${DEMO_IDS.cityMarketDept}_2026-11`, { deptId: DEMO_IDS.cityMarketDept, region: '3607', city: '3607', month: '2026-11', inspections: 7, overdue: 2, ratings: { count: 3, sum: 12, bad: 0 } })

  expect(await migrateToGates(db, NOW, defaultSettings())).toEqual({ skipped: false, counters: 1, companies: 3 })
})

test('the old cap count and approved plan are on the gate: the next planned check-in is refused at the cap', async () => {
  expect(await checkIn('demo-officer-1', capped, { source: 'plan' })).toMatchObject({ ok: false, error: { code: 'FREQUENCY_CAP', details: { used: 2 } } })
})

test('an old check-in in the 60 days makes the next one repeated', async () => {
  const res = await checkIn('demo-officer-3', capped, { source: 'plan', exception: { category: 'emergency' } })
  expect(res).toMatchObject({ ok: true })
  expect(res.data.flags).toContain('repeated')
})

test('an old join lock still lets the second officer join', async () => {
  expect(await checkIn('demo-officer-2', joinable)).toMatchObject({ ok: true, data: { joined: true, inspection: { id: 'insp_old_open' } } })
})

test('an old ledger chain continues at seq 4 and verifies', async () => {
  expect(await checkIn('demo-officer-1', monitored)).toMatchObject({ ok: true })
  const ledger = await call('enterprise', 'demo-enterprise-1', { action: 'ledger' })
  expect(ledger).toMatchObject({ ok: true, data: { chainOk: true } })
  expect(ledger.data.items.map((e: { seq: number }) => e.seq)).toEqual([1, 2, 3, 4])
})

test('the old department counters show on the dashboard, and a second run changes nothing', async () => {
  const dash = await call('supervision', 'demo-deptadmin-1', { action: 'dashboard', month: '2026-11' })
  expect(dash).toMatchObject({ ok: true, data: { totals: { inspections: 7, overdue: 2 } } })
  const before = (await db.collection('counters').doc('3607_2026-11').get()).data
  expect(await migrateToGates(db, NOW + DAY, defaultSettings())).toEqual({ skipped: true, counters: 0, companies: 0 })
  expect((await db.collection('counters').doc('3607_2026-11').get()).data).toEqual(before)
})
