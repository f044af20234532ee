import type { Database } from '@server/platform/db'
import type { Platform } from '@server/platform/context'
import { TEST_KEYS } from './keys'

/** A platform for calling handlers in-process through `dispatch()`: a fixed clock, no files, no messages. */
export function inProcessPlatform(db: Database, openid: string, now: number, env: Record<string, string> = {}): Platform {
  return {
    db,
    openid,
    clock: () => now,
    storage: { put: async (p) => ({ fileID: p }), tempUrl: async (id) => id },
    codes: { image: async () => '' },
    notify: { send: async () => {} },
    log: { info: () => {}, error: () => {} },
    env,
    keys: TEST_KEYS,
    checkAnswers: true,
  }
}
