import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { deptCounter } from '../helpers/counters'
import { defaultSettings } from '@contract'
import type { Ctx } from '../../server/platform/context'
import { createCountersAhead } from '../../server/jobs/counters-ahead'
import { countingDatabase } from '../../bench/counting-db'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/** scheduler.run: the red light, reminders, and a late result closing it. */

const roster = buildDemoRoster()
const company = roster.companies.find((c) => Number(c.id.slice(3)) >= 100 && !c.inPark)!

let emu: TestEmulator
const { call } = emulatorSession(() => emu)
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any
/** How many of the counters documents `ids` exist. */
const countersAmong = async (ids: string[]) => {
  const db = emu.emulator.db
  return (
    await db
      .collection('counters')
      .where({ _id: db.command.in(ids) })
      .count()
  ).total
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-11-26T02:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

it('marks an inspection overdue after 3 days, reminds its officers once, and a late result closes it with late_result', async () => {
  const location = { ...company.location, accuracy: 10 }
  const opened = await call('demo-officer-1', 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: 'sched-open-1',
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location,
  })
  expect(opened.ok).toBe(true)
  const id = opened.data.inspection.id
  expect(
    (
      await call('demo-officer-2', 'inspection', 'checkIn', {
        scene: `c=${company.id}`,
        clientRequestId: 'sched-join-1',
        source: 'complaint',
        sourceRef: 'REF-2026-0001',
        location,
      })
    ).data.joined,
  ).toBe(true)
  const counter = () => deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-11')

  expect(await call('demo-officer-1', 'scheduler', 'run')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  // Not yet: exactly at the deadline it is still on time.
  await emu.setClock('2026-11-29T01:59:00Z')
  await call('demo-admin', 'scheduler', 'run')
  expect((await doc('inspections', id)).status).toBe('open')
  // (That run marked the demo history's own overdue inspections; count from here.)
  const overdueBefore = (await counter()).overdue

  await emu.setClock('2026-11-29T02:00:01Z')
  const run = await call('demo-admin', 'scheduler', 'run')
  expect(run).toMatchObject({ ok: true, data: { overdueComplaints: 0 } })
  expect(run.data.overdueInspections).toBeGreaterThanOrEqual(1)
  expect(run.data.reminders).toBeGreaterThanOrEqual(2)
  expect((await doc('inspections', id)).status).toBe('overdue')
  expect((await counter()).overdue).toBe(overdueBefore + 1)
  const alerts = (
    await emu.emulator.db
      .collection('alerts')
      .where({ ref: `inspections/${id}` })
      .get()
  ).data
  expect(alerts).toEqual([expect.objectContaining({ kind: 'overdue', deptId: DEMO_IDS.cityMarketDept })])
  const outbox = (
    await emu.emulator.db
      .collection('outbox')
      .where({ template: 'overdue_reminder', page: `officer/record-result/index?id=${id}` })
      .get()
  ).data
  expect(outbox.map((m) => m.touser).sort()).toEqual(['demo-officer-1', 'demo-officer-2'])

  // Running again changes nothing for it.
  await call('demo-admin', 'scheduler', 'run')
  expect((await counter()).overdue).toBe(overdueBefore + 1)
  expect(
    (
      await emu.emulator.db
        .collection('alerts')
        .where({ ref: `inspections/${id}` })
        .get()
    ).data,
  ).toHaveLength(1)

  const list = await call('demo-officer-1', 'inspection', 'list', { status: 'overdue' })
  expect(list.data.items.map((i: { id: string }) => i.id)).toContain(id)

  await emu.setClock('2026-11-30T02:00:00Z')
  const late = await call('demo-officer-1', 'inspection', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '经核查投诉不属实' })
  expect(late).toMatchObject({ ok: true, data: { inspection: { status: 'closed', flags: ['late_result'] } } })
  expect(late.data.inspection.result.lateByMs).toBe(late.data.inspection.result.recordedAt - late.data.inspection.dueAt)
  expect(late.data.inspection.result.lateByMs).toBeGreaterThan(86_000_000)
  expect((await counter()).overdue).toBe(overdueBefore)
  expect((await counter()).results).toBeGreaterThanOrEqual(1)
})

it('creates the counters documents of this China month and the next for every county of the settings (where companies are), once, in a few calls', async () => {
  const db = emu.emulator.db
  // 2027-01-31T17:00Z is already 2027-02-01 in China: February and March.
  await emu.setClock('2027-01-31T17:00:00Z')
  const regions = defaultSettings()
    .city.regions.map((r) => r.code)
    .sort()
  const ids = regions.flatMap((r) => [`${r}_2027-02`, `${r}_2027-03`])
  expect(await countersAmong(ids)).toBe(0)

  const run = await call('demo-admin', 'scheduler', 'run')
  expect(run).toMatchObject({ ok: true, data: { countersCreated: ids.length } })
  expect(await countersAmong(ids)).toBe(ids.length)
  expect(await doc('counters', '360702_2027-03')).toEqual({
    _id: '360702_2027-03',
    region: '360702',
    city: '3607',
    month: '2027-03',
    depts: {},
    updatedAt: expect.any(Number),
  })

  // Idempotent: nothing to create, and it costs one read of the documents.
  const counted = countingDatabase(db)
  const ctx = { db: counted, now: Date.parse('2027-01-31T18:00:00Z'), settings: defaultSettings() } as unknown as Ctx
  expect(await createCountersAhead(ctx)).toEqual({ countersCreated: 0 })
  expect(counted.calls.map((c) => `${c.collection}.${c.op}`)).toEqual(['counters.query.get'])
  expect((await call('demo-admin', 'scheduler', 'run')).data.countersCreated).toBe(0)

  // A document made ahead takes a department's figures with one update (its entry is created by it).
  const town = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint)[1]
  const res = await call('demo-officer-1', 'inspection', 'checkIn', {
    scene: `c=${town.id}`,
    clientRequestId: 'sched-ahead-1',
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: { ...town.location, accuracy: 10 },
  })
  expect(res).toMatchObject({ ok: true, data: { inspection: { month: '2027-02' } } })
  expect((await doc('counters', `${town.region}_2027-02`)).depts).toEqual({ [DEMO_IDS.cityMarketDept]: { inspections: 1 } })
  expect(await deptCounter(db, DEMO_IDS.cityMarketDept, '3607', '2027-02')).toMatchObject({ inspections: 1, overdue: 0, quietExceptions: { pending: 0 } })
})
