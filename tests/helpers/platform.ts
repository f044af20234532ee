import type { Database } from '@server/platform/db'
import type { Platform } from '@server/platform/context'
import { inProcessPlatform as platform } from '../../emulator/in-process'
import { TEST_KEYS } from './keys'

/** A platform for calling handlers in-process through `dispatch()`, with the test keys and every answer checked against the contract. */
export function inProcessPlatform(db: Database, openid: string, now: number, env: Record<string, string> = {}): Platform {
  return platform({ db, openid, now, env, keys: TEST_KEYS, checkAnswers: true })
}
