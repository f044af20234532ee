import { existsSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../../emulator/db'
import { BUNDLE_ENV, fakeWxCloud, loadBundle } from '../../helpers/bundle'

/**
 * Attack: a forged timer event (SPEC §6). Only the platform's own timer trigger — no
 * OPENID, with the trigger's marks — runs the scheduler as the system. Tried through the
 * deployed bundle, where the bug lived.
 */

const TIMER = { Type: 'Timer', TriggerName: 'hourly', Time: '2026-12-04T12:00:00Z' }

describe('the scheduler bundle and the timer trigger', () => {
  const db = openDatabase(':memory:')
  const caller = { openid: '' }
  const saved = { ...process.env }
  let scheduler: ReturnType<typeof loadBundle>
  let spies: jest.SpyInstance[] = []
  beforeAll(() => {
    const bundle = path.resolve(__dirname, '../../../cloudfunctions/scheduler/index.js')
    if (!existsSync(bundle)) throw new Error(`${bundle} is missing: run npm run build:functions (npm test builds it)`)
    scheduler = loadBundle('scheduler', fakeWxCloud(db, caller))
  })
  beforeEach(() => {
    Object.assign(process.env, BUNDLE_ENV)
    spies = [jest.spyOn(console, 'log').mockImplementation(() => {}), jest.spyOn(console, 'error').mockImplementation(() => {})]
  })
  afterEach(() => {
    process.env = { ...saved }
    for (const s of spies) s.mockRestore()
  })
  afterAll(() => db.close())

  test('the genuine timer trigger (no OPENID) runs the scheduler as the system', async () => {
    caller.openid = ''
    expect(await scheduler.main(TIMER)).toMatchObject({ ok: true })
  })

  test('a user sending the timer’s event is an ordinary call, and an unauthenticated one', async () => {
    caller.openid = 'o-forger'
    const forged = await scheduler.main(TIMER)
    expect(forged.ok).toBe(false)
    expect(forged.error?.code).toMatch(/INVALID_INPUT|UNAUTHENTICATED/)
    expect(await scheduler.main({ action: 'run' })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  test('an event that only says Type: Timer is not the timer, even without an OPENID', async () => {
    caller.openid = ''
    expect((await scheduler.main({ Type: 'Timer' })).ok).toBe(false)
  })

  test('without its keys in the environment the function refuses every call, saying which', async () => {
    caller.openid = ''
    delete process.env.INSPECTPASS_SIGNING_KEY
    const answer = await scheduler.main(TIMER)
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(answer.error!.message).toContain('INSPECTPASS_SIGNING_KEY')
  })
})
