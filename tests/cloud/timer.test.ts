import { startCloudEmulator, type CloudTestEmulator } from '../helpers/cloud'
import { buildDemoRoster } from '../../emulator/seed/demo'

/**
 * The scheduler's hourly timer as WeChat cloud fires it: the event `{ Type, TriggerName,
 * Time, Message }` and no caller (no WX_OPENID in the instance's environment). A user who
 * sends the same event from the mini-program has an OPENID, and must not run the scheduler.
 */

const roster = buildDemoRoster()
const company = roster.companies.find((c) => Number(c.id.slice(3)) >= 100 && !c.inPark)!
const timerEvent = (iso: string) => ({ Type: 'Timer', TriggerName: 'hourly', Time: iso, Message: '' })

let emu: CloudTestEmulator
let inspectionId: string
const status = async (id: string) => ((await emu.emulator.db.collection('inspections').doc(id).get()).data as { status: string }).status

beforeAll(async () => {
  emu = await startCloudEmulator({ seed: 'demo', clock: '2026-11-26T02:00:00Z' })
  const location = { ...company.location, accuracy: 10 }
  const opened = await emu.call(
    'inspection',
    'checkIn',
    { scene: `c=${company.id}`, clientRequestId: 'timer-open-1', source: 'complaint', sourceRef: 'TS-2026-0001', location },
    'demo-officer-1',
  )
  expect(opened).toMatchObject({ ok: true })
  inspectionId = opened.data.inspection.id
  // Past the 3-day result deadline: the next scheduler run marks it overdue.
  await emu.setClock('2026-11-29T02:00:01Z')
})
afterAll(async () => {
  await emu?.close()
})

it('a user sending the timer’s event is an ordinary caller: the scheduler does not run', async () => {
  const { result } = await emu.runner.call('scheduler', timerEvent('2026-11-29T02:00:00Z'), { openid: 'demo-officer-1' })
  expect(result).toMatchObject({ ok: false })
  expect(await status(inspectionId)).toBe('open')
})

it('the genuine timer (no OPENID) runs the scheduler', async () => {
  // Its own inspection, so this holds whatever the call above did.
  const location = { ...company.location, accuracy: 10 }
  const opened = await emu.call(
    'inspection',
    'checkIn',
    { scene: `c=${company.id}`, clientRequestId: 'timer-open-2', source: 'complaint', sourceRef: 'TS-2026-0002', location },
    'demo-officer-2',
  )
  expect(opened).toMatchObject({ ok: true })
  const id = opened.data.inspection.id
  await emu.setClock('2026-12-02T02:00:02Z')
  const { result, unhandled } = await emu.runner.call('scheduler', timerEvent('2026-12-02T02:00:00Z'))
  expect(unhandled).toEqual([])
  expect(result).toMatchObject({ ok: true, data: { overdueComplaints: 0 } })
  expect((result as { data: { overdueInspections: number } }).data.overdueInspections).toBeGreaterThanOrEqual(1)
  expect(await status(id)).toBe('overdue')
  // The reminder went out through subscribeMessage.send.
  const outbox = (await emu.emulator.db.collection('outbox').where({ template: 'overdue_reminder', touser: 'demo-officer-2' }).get()).data
  expect(outbox.length).toBeGreaterThanOrEqual(1)
})
