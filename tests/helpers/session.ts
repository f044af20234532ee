import type { CallAnswer, TestEmulator } from './emulator'

/**
 * Calls into a test emulator as its users: each openid logs in once and its token is kept for
 * the file. The emulator is read through `emulator()` so a session can be made at the top of a
 * file, before its beforeAll starts the emulator.
 */
export function emulatorSession(emulator: () => TestEmulator) {
  const tokens: Record<string, string> = {}
  /** The token of `openid`, logging in on first use. */
  const as = async (openid: string): Promise<string> => (tokens[openid] ??= await emulator().login(openid))
  /** Calls `fn.action` as `openid`. */
  const call = async (openid: string, fn: string, action: string, fields: object = {}): Promise<CallAnswer> =>
    emulator().call(fn, action, fields, await as(openid))
  /** Calls into one cloud function: (openid, action, fields). */
  const into =
    (fn: string) =>
    (openid: string, action: string, fields: object = {}): Promise<CallAnswer> =>
      call(openid, fn, action, fields)
  return { as, call, into }
}
