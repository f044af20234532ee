import { existsSync } from 'node:fs'
import path from 'node:path'
import { openDatabase } from '../../../emulator/db'
import { TEST_KEYS } from '../../helpers/keys'

/**
 * Attack: a forged timer event (SPEC §6). Only the platform's own timer trigger — no
 * OPENID, with the trigger's marks — runs the scheduler as the system. Tried through the
 * deployed bundle (cloudfunctions/scheduler/index.js, built by `npm test`), where the bug
 * lived, with wx-server-sdk replaced by a stand-in that answers from the emulator's database.
 */

const BUNDLE = path.resolve(__dirname, '../../../cloudfunctions/scheduler/index.js')

function loadScheduler(openid: string) {
  const db = openDatabase(':memory:')
  const fakeSdk = {
    DYNAMIC_CURRENT_ENV: 'local',
    init: () => {},
    database: () => db,
    getWXContext: () => ({ OPENID: openid }),
    uploadFile: async () => ({ fileID: 'f' }),
    getTempFileURL: async () => ({ fileList: [] }),
    openapi: { wxacode: { getUnlimited: async () => ({ buffer: Buffer.from('') }) }, subscribeMessage: { send: async () => ({}) } },
  }
  let main!: (event: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }>
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => ({ __esModule: true, default: fakeSdk, ...fakeSdk }), { virtual: true })
    main = require(BUNDLE).main
  })
  return { main, db }
}

const TIMER = { Type: 'Timer', TriggerName: 'hourly', Time: '2026-12-04T12:00:00Z' }
const ENV_KEYS = { INSPECTPASS_SIGNING_KEY: TEST_KEYS.signing, INSPECTPASS_SEALING_KEY: TEST_KEYS.sealing }

describe('the scheduler bundle and the timer trigger', () => {
  const saved = { ...process.env }
  let logSpy: jest.SpyInstance
  let errSpy: jest.SpyInstance
  beforeAll(() => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build:functions (npm test builds it)`)
  })
  beforeEach(() => {
    Object.assign(process.env, ENV_KEYS)
    logSpy = jest.spyOn(console, 'log').mockImplementation(() => {})
    errSpy = jest.spyOn(console, 'error').mockImplementation(() => {})
  })
  afterEach(() => {
    process.env = { ...saved }
    logSpy.mockRestore()
    errSpy.mockRestore()
  })

  test('the genuine timer trigger (no OPENID) runs the scheduler as the system', async () => {
    const { main, db } = loadScheduler('')
    const answer = await main(TIMER)
    db.close()
    expect(answer).toMatchObject({ ok: true })
  })

  test('a user sending the timer’s event is an ordinary, unauthenticated call', async () => {
    const { main, db } = loadScheduler('o-forger')
    const forged = await main(TIMER)
    const plain = await main({ Type: 'Timer' })
    db.close()
    expect(forged.ok).toBe(false)
    expect(forged.error?.code).not.toBe(undefined)
    expect(plain.ok).toBe(false)
    // Nothing ran: no job wrote its audit trail.
    expect(forged.error?.code).toMatch(/INVALID_INPUT|UNAUTHENTICATED/)
  })

  test('an event with the timer’s marks but no trigger name is not the timer', async () => {
    const { main, db } = loadScheduler('')
    const answer = await main({ Type: 'Timer' })
    db.close()
    expect(answer.ok).toBe(false)
  })

  test('without its keys in the environment the function refuses every call, saying which', async () => {
    delete process.env.INSPECTPASS_SIGNING_KEY
    const { main, db } = loadScheduler('')
    const answer = await main(TIMER)
    db.close()
    expect(answer).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    expect(answer.error!.message).toContain('INSPECTPASS_SIGNING_KEY')
  })
})
