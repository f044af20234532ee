import { TEST_KEYS } from '../helpers/keys'
import { inProcessPlatform } from '../helpers/platform'
import { registry } from '@server/functions'
import { dispatch, clearSettingsCache } from '@server/platform/dispatch'
import type { Platform } from '@server/platform/context'
import type { Ctx } from '@server/platform/context'
import { createCountersAhead } from '@server/jobs/counters-ahead'
import { newOpenNowDoc } from '@server/store/open-now'
import { defaultSettings } from '@contract'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, seedDemo } from '../../emulator/seed/demo'
import { userIdFor } from '@server/platform/ids'
import { DEMO_IDS } from '../../emulator/seed/demo-roster'
import { countingDatabase, type CountingDatabase } from '../../bench/counting-db'

/**
 * How many database calls a check-in makes: a count, not a timing, so it belongs in CI.
 * Every call is a round trip of 10–30 ms in WeChat cloud; docs/PERFORMANCE.md lists them
 * one by one. These numbers may only go down: a change that adds a call to the gate must
 * change this test and that list together.
 */

const NOW = Date.parse('2026-12-26T10:00:00+08:00') // after the quiet period
const roster = buildDemoRoster()
const fresh = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100)
const town = fresh.filter((c) => !c.inPark && !c.monitoringPoint)
const monitoring = fresh.find((c) => !c.inPark && c.monitoringPoint) ?? fresh.find((c) => c.monitoringPoint)!
const plannedCompany = town[3]
const TODAY = '2026-12-26'

let db: CountingDatabase
let n = 0
const platform = (openid: string): Platform => inProcessPlatform(db, openid, NOW)
async function checkIn(openid: string, company: { id: string; location: { lat: number; lng: number } }, extra: object = {}) {
  const event = {
    action: 'checkIn',
    scene: `c=${company.id}`,
    clientRequestId: `db-calls-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: { ...company.location, accuracy: 10 },
    ...extra,
  }
  db.reset()
  const res = await dispatch('inspection', registry.inspection as never, event, platform(openid))
  const all = db.calls
    .filter((c) => c.kind !== 'txn')
    .map((c) => `${c.kind} ${c.collection} ${c.op}`.replace(/counters doc\.(set|update)$/, 'counters doc.set|update'))
  // The 入企告知 (SPEC §2.22) runs after the check-in has committed: each of the company's
  // contacts (kept on the company document) gets an inbox message. Counted apart from the gate's calls.
  const isNotice = (c: string) => c.startsWith('db messages ')
  const notice = all.filter(isNotice)
  return { res, calls: db.count() - notice.length, list: all.filter((c) => !isNotice(c)), notice }
}

beforeAll(async () => {
  const raw = openDatabase(':memory:')
  await seedDemo(raw, { now: NOW - 86_400_000, keys: TEST_KEYS, history: false })
  db = countingDatabase(raw)
  clearSettingsCache()
  // A department admin for the emergency department, so both departments have an approved plan.
  await raw
    .collection('users')
    .doc(userIdFor('test-em-admin'))
    .set({ data: { openid: 'test-em-admin', roles: ['deptAdmin'], name: '应急局管理员', deptId: DEMO_IDS.cityEmergencyDept, createdAt: NOW, updatedAt: NOW } })
  for (const [admin, deptId, companies] of [
    ['demo-deptadmin-1', DEMO_IDS.cityMarketDept, [town[1], plannedCompany]],
    ['test-em-admin', DEMO_IDS.cityEmergencyDept, [town[1]]],
  ] as const) {
    const plan = {
      action: 'submitPlan',
      deptId,
      title: '十二月日常监督检查计划',
      kind: 'routine',
      items: ['证照及公示信息'],
      basis: '年度执法检查计划',
      companyIds: companies.map((c) => c.id),
      from: TODAY,
      to: '2026-12-31',
    }
    const submitted = (await dispatch('supervision', registry.supervision as never, plan, platform(admin))) as any
    const approved = await dispatch(
      'supervision',
      registry.supervision as never,
      { action: 'reviewPlan', planId: submitted.data.plan.id, decision: 'approve', comment: '同意' },
      platform('demo-supervisor-city'),
    )
    expect(approved).toMatchObject({ ok: true })
  }
  // The counters documents of the month, created ahead by the hourly job (one per county,
  // where the companies are); then warm the per-instance caches (settings, secret), as a
  // warm cloud function has them.
  await createCountersAhead({ db: raw, now: NOW, settings: defaultSettings() } as unknown as Ctx)
  // Each county's open-now document, as its first open thing made it (store/open-now.ts).
  for (const r of defaultSettings().city.regions)
    await raw
      .collection('openNow')
      .doc(r.code)
      .set({ data: newOpenNowDoc(r.code) })
  await checkIn('demo-officer-3', town[10])
  await checkIn('demo-officer-1', town[11])
})

test('a new check-in makes 7 calls: the caller, one transaction that reads the company and the inspection its key would make and writes the inspection, its gate and the audit event, then the counters outside it', async () => {
  const { res, calls, list, notice } = await checkIn('demo-officer-1', town[0])
  expect(res).toMatchObject({ ok: true, data: { joined: false } })
  // After the commit, the notice: the company's contacts come with the company the transaction read (this one has none).
  expect(notice).toEqual([])
  expect(list).toEqual([
    'db users doc.get', // the dispatcher: roles, and the officer's certificate and department (the snapshot)
    'tx companies doc.get', // the gate: retry, join lock, plans, cap, recent check-ins, ledger head
    'tx inspections doc.get', // the key's inspection must not exist yet (a key reused elsewhere never overwrites)
    'tx inspections doc.set',
    'tx companies doc.set',
    'tx audit add',
    'db counters doc.set|update', // after the commit: `_.inc`, no read, shared by the county's transactions no more
  ])
  expect(calls).toBe(7)
})

test('the notice to a company with bound contacts: one inbox message each, no query for them', async () => {
  const company = town[12]
  for (const k of [1, 2]) {
    const openid = `db-calls-contact-${k}`
    const code = await dispatch('account', registry.account as never, { action: 'issueEnterpriseCode', companyId: company.id }, platform('demo-admin'))
    const bound = await dispatch(
      'account',
      registry.account as never,
      { action: 'bindEnterprise', uscc: company.uscc, code: (code as any).data.bindCode },
      platform(openid),
    )
    expect(bound).toMatchObject({ ok: true })
  }
  const { res, calls, notice } = await checkIn('demo-officer-1', company)
  expect(res).toMatchObject({ ok: true, data: { joined: false } })
  expect(notice).toEqual(['db messages doc.set', 'db messages doc.set'])
  expect(calls).toBe(7)
})

test('a planned check-in finds its approved plan on the company gate: 7 calls', async () => {
  const preview = await dispatch('inspection', registry.inspection as never, { action: 'preview', scene: `c=${plannedCompany.id}` }, platform('demo-officer-1'))
  const planId = (preview as any).data.plans[0]?.id
  expect(planId).toBeDefined()
  const { res, calls } = await checkIn('demo-officer-1', plannedCompany, { source: 'plan', planId })
  expect(res).toMatchObject({ ok: true, data: { inspection: { source: 'plan', planId } } })
  expect(calls).toBe(7)
})

test('the second officer joining makes 6 calls: the open inspection is read instead of the counters written', async () => {
  const { res, calls, list, notice } = await checkIn('demo-officer-2', town[0])
  expect(res).toMatchObject({ ok: true, data: { joined: true } })
  expect(notice).toEqual([]) // a join tells nobody again
  expect(list).toEqual([
    'db users doc.get',
    'tx companies doc.get',
    'tx inspections doc.get',
    'tx inspections doc.update',
    'tx audit add',
    'tx companies doc.set',
  ])
  expect(calls).toBe(6)
})

test('a monitoring point adds its ledger entry (8), a repeated inspection its alert; a retry answers from the gate in 3', async () => {
  const first = await checkIn('demo-officer-1', monitoring)
  expect(first.res).toMatchObject({ ok: true })
  expect(first.list).toContain('tx ledger doc.set')
  expect(first.calls).toBe(8)
  const second = await checkIn('demo-officer-3', monitoring)
  expect(second.res).toMatchObject({ ok: true, data: { joined: false } })
  expect(second.list).toContain('tx ledger doc.set')
  expect(second.calls).toBe(8)

  const event = {
    action: 'checkIn',
    scene: `c=${monitoring.id}`,
    clientRequestId: `db-calls-${n - 1}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: { ...monitoring.location, accuracy: 10 },
  }
  db.reset()
  const again = await dispatch('inspection', registry.inspection as never, event, platform('demo-officer-1'))
  expect(again).toMatchObject({ ok: true, data: { inspection: { id: (first.res as any).data.inspection.id } } })
  expect(db.calls.filter((c) => c.kind !== 'txn').map((c) => `${c.kind} ${c.collection} ${c.op}`)).toEqual([
    'db users doc.get',
    'tx companies doc.get',
    'db inspections doc.get',
  ])
})

test('a repeated inspection adds its alert and the open alerts of its county: 9 calls', async () => {
  const first = await checkIn('demo-officer-1', town[1], { source: 'plan' })
  expect(first.res).toMatchObject({ ok: true, data: { flags: [] } })
  expect(first.calls).toBe(7)
  const second = await checkIn('demo-officer-3', town[1], { source: 'plan' })
  expect(second.res).toMatchObject({ ok: true, data: { flags: ['repeated'] } })
  expect(second.list).toContain('tx alerts doc.set')
  // After the commit: the month's figures, then the county's open alerts (the dashboard's openAlerts.repeated).
  expect(second.list.slice(-2)).toEqual(['db counters doc.set|update', 'db openNow doc.update'])
  expect(second.calls).toBe(9)
})
