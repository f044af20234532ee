import type { Database } from '../server/platform/db'
import type { Logger, Platform } from '../server/platform/context'
import type { Keys } from '../server/platform/keys'

const QUIET: Logger = { info: () => {}, error: () => {} }

/**
 * A platform for calling handlers in-process through `dispatch()` (tests, benchmarks): a
 * fixed clock, stored files named by their path, empty code images, no messages sent, a
 * quiet log unless one is given.
 */
export function inProcessPlatform(opts: {
  db: Database
  openid: string
  now: number
  keys: Keys
  env?: Record<string, string>
  log?: Logger
  checkAnswers?: boolean
}): Platform {
  return {
    db: opts.db,
    openid: opts.openid,
    clock: () => opts.now,
    storage: { put: async (p) => ({ fileID: p }), tempUrl: async (id) => id },
    codes: { image: async () => 'data:image/png;base64,' },
    notify: { send: async () => {} },
    log: opts.log ?? QUIET,
    env: opts.env ?? {},
    keys: opts.keys,
    ...(opts.checkAnswers ? { checkAnswers: true } : {}),
  }
}
