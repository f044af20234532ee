import { registry } from '@server/functions'
import { dispatch, clearSettingsCache } from '@server/platform/dispatch'
import type { Platform } from '@server/platform/context'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, seedDemo } from '../../emulator/seed/demo'
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

let db: CountingDatabase
let n = 0
const platform = (openid: string): Platform => ({
  db,
  openid,
  clock: () => NOW,
  storage: { put: async (p) => ({ fileID: p }), tempUrl: async (id) => id },
  codes: { image: async () => '' },
  notify: { send: async () => {} },
  log: { info: () => {}, error: () => {} },
  env: {},
})
async function checkIn(openid: string, company: { id: string; location: { lat: number; lng: number } }, extra: object = {}) {
  const event = { action: 'checkIn', scene: `c=${company.id}`, clientRequestId: `db-calls-${++n}`, source: 'complaint', location: { ...company.location, accuracy: 10 }, ...extra }
  db.reset()
  const res = await dispatch('inspection', registry.inspection as never, event, platform(openid))
  return { res, calls: db.count(), list: db.calls.filter((c) => c.kind !== 'txn').map((c) => `${c.kind} ${c.collection} ${c.op}`.replace(/counters doc\.(set|update)$/, 'counters doc.set|update')) }
}

beforeAll(async () => {
  const raw = openDatabase(':memory:')
  await seedDemo(raw, { now: NOW - 86_400_000, history: false })
  db = countingDatabase(raw)
  clearSettingsCache()
  // Warm the per-instance caches (settings, secret), as a warm cloud function has them.
  await checkIn('demo-officer-3', town[10])
})

test('a new check-in (case source) makes 15 calls: 7 reads, then 8 operations in one transaction', async () => {
  const { res, calls, list } = await checkIn('demo-officer-1', town[0])
  expect(res).toMatchObject({ ok: true, data: { joined: false } })
  expect(list).toEqual([
    'db users doc.get',
    // these three go out together; the department follows the officer
    'db checkinKeys doc.get',
    'db officers doc.get',
    'db companies doc.get',
    'db departments doc.get',
    'db openInspections doc.get',
    'db inspections query.get',
    'tx checkinKeys doc.get',
    'tx openInspections doc.get',
    'tx inspections doc.set',
    'tx openInspections doc.set',
    'tx counters doc.get',
    'tx counters doc.set|update', // set the first time in a department's month, update after
    'tx audit add',
    'tx checkinKeys doc.set',
  ])
  expect(calls).toBe(15)
})

test('the second officer joining makes 13 calls', async () => {
  const { res, calls } = await checkIn('demo-officer-2', town[0])
  expect(res).toMatchObject({ ok: true, data: { joined: true } })
  expect(calls).toBe(13)
})

test('a monitoring point adds the ledger (3 calls); a retry answers from its key in 6 (the officer and company reads went out beside the key)', async () => {
  const first = await checkIn('demo-officer-1', monitoring)
  expect(first.res).toMatchObject({ ok: true })
  expect(first.calls).toBe(18)
  const event = { action: 'checkIn', scene: `c=${monitoring.id}`, clientRequestId: `db-calls-${n}`, source: 'complaint', location: { ...monitoring.location, accuracy: 10 } }
  db.reset()
  const again = await dispatch('inspection', registry.inspection as never, event, platform('demo-officer-1'))
  expect(again).toMatchObject({ ok: true })
  expect(db.count()).toBe(6)
})

test('no check-in in these cases makes more than 22 calls (target: 6, see docs/PERFORMANCE.md)', async () => {
  const repeated = await checkIn('demo-officer-3', town[1])
  const again = await checkIn('demo-officer-1', town[1], { source: 'referral' })
  expect(repeated.res.ok && again.res.ok).toBe(true)
  expect(Math.max(repeated.calls, again.calls)).toBeLessThanOrEqual(22)
})
