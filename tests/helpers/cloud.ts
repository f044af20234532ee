import type { Emulator } from '../../emulator/server'
import { startLocalCloud, type LocalCloud } from '../../emulator/cloud-wire/local-cloud'
import type { CallAnswer, TestEmulator } from './emulator'

export interface CloudTestEmulator extends TestEmulator {
  wire: LocalCloud['wire']
  runner: LocalCloud['runner']
}

/** The functions' environment in the local cloud (keys aside: startLocalCloud adds them): admins, and templates named by their keys (outbox messages read as in the emulator). */
export const CLOUD_FUNCTION_ENV = {
  ADMIN_OPENIDS: 'admin-openid',
  TEMPLATE_OVERDUE_REMINDER: 'overdue_reminder',
  TEMPLATE_COMPLAINT_UPDATE: 'complaint_update',
}

/** CLOUD_LOG=1 shows the functions' own log lines (JSON, as the cloud's log search holds them). */
export const cloudLogOutput = process.env.CLOUD_LOG ? (fn: string, line: string) => void process.stderr.write(`[${fn}] ${line}\n`) : undefined

/**
 * The same test surface as startTestEmulator, but every call runs the deployed bundle with
 * the real wx-server-sdk on Node 16 against the local cloud (emulator/cloud-wire), the
 * engine behind it being the emulator's. A token is the caller's openid (the cloud has no
 * sessions: the identity is the call's WX_OPENID).
 */
export async function startCloudEmulator(
  opts: { seed?: 'demo' | 'none'; clock?: string; env?: Record<string, string>; db?: string; maxInstances?: number } = {},
): Promise<CloudTestEmulator> {
  const cloud = await startLocalCloud({ ...opts, env: { ...CLOUD_FUNCTION_ENV, ...opts.env }, onOutput: cloudLogOutput })
  const { db, clock, keys, wire, runner } = cloud
  const emulator = { db, clock, keys, app: undefined, close: async () => {} } as unknown as Emulator
  return {
    baseUrl: wire.url,
    emulator,
    wire,
    runner,
    login: async (openid) => openid,
    async call(fn, action, fields = {}, token) {
      const { result, unhandled } = await runner.call(fn, { action, ...fields }, { openid: token })
      if (unhandled.length) throw new Error(`${fn}.${action} left unhandled rejections:\n${unhandled.join('\n')}`)
      return result as CallAnswer
    },
    post: async () => {
      throw new Error('raw HTTP posts belong to the emulator’s own API; the local cloud has none')
    },
    async setClock(iso) {
      clock.set(iso)
    },
    close: () => cloud.close(),
  }
}
