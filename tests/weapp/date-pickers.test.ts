import { buildDemoRoster } from '../../emulator/seed/demo-roster'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { complaintCheckIn } from '../helpers/visits'
import { MiniProgram } from './standin/miniprogram'

/**
 * The date pickers on the weapp build (WeChat stand-in): WeChat's own picker enforces its
 * `start` and `end`, so the build must hand them over, from the server's day (27 December
 * 2026 here) and the settings: the rectification deadline after today up to 180 days ahead,
 * the back-filled visit up to 3 days back, the plan from today on.
 */

const CLOCK = '2026-12-27T02:00:00Z'
const CO = buildDemoRoster().companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint)[7]

let emulator: TestEmulator
beforeAll(async () => void (emulator = await startTestEmulator({ seed: 'demo', clock: CLOCK })), 60_000)
afterAll(() => emulator?.close())

/** Opens `url` as `openid`, runs `check`, and closes it with nothing reported wrong. */
async function onPage(openid: string, url: string, check: (mp: MiniProgram) => Promise<void>): Promise<void> {
  const mp = await MiniProgram.launch({ emulator, openid, url })
  try {
    await check(mp)
    expect(mp.problems).toEqual([])
  } finally {
    mp.close()
  }
}

/** The `<picker>` the box `id` opens, as the template hands it to WeChat. */
async function pickerOf(mp: MiniProgram, id: string): Promise<Record<string, unknown>> {
  await mp.see({ id })
  const picker = mp
    .locate({ id })!
    .ancestors.slice()
    .reverse()
    .find((a) => a.tag === 'picker')
  expect(picker).toBeDefined()
  return picker!.attr
}

test('record-result: the rectification deadline is bounded by the server’s day', async () => {
  const visit = await complaintCheckIn(emulator, await emulator.login('demo-officer-1'), CO, 'weapp-dates-0001')
  expect(visit).toMatchObject({ ok: true })
  await onPage('demo-officer-1', `officer/record-result/index?id=${visit.data.inspection.id}&company=x&n=2`, async (mp) => {
    await mp.tap({ id: 'outcome-rectify' })
    expect(await pickerOf(mp, 'input-rectify-by')).toMatchObject({ mode: 'date', start: '2026-12-28', end: '2027-06-25', value: '2026-12-28' })
  })
})

test('backfill: the visit’s day is today or up to 3 days back', async () => {
  await onPage('demo-officer-1', `officer/backfill/index?companyId=${CO.id}&company=x`, async (mp) => {
    expect(await pickerOf(mp, 'input-date')).toMatchObject({ mode: 'date', start: '2026-12-24', end: '2026-12-27' })
  })
})

test('plans: the period starts today or later, and ends on or after its start', async () => {
  await onPage('demo-deptadmin-1', 'supervisor/plans/index', async (mp) => {
    expect(await pickerOf(mp, 'input-from')).toMatchObject({ mode: 'date', start: '2026-12-27', value: '2026-12-27' })
    expect(await pickerOf(mp, 'input-to')).toMatchObject({ mode: 'date', start: '2026-12-27', value: '2026-12-31' })
  })
})
