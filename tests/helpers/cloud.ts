import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { openDatabase } from '../../emulator/db'
import { createClock } from '../../emulator/clock'
import { startCloudWire, type CloudWire } from '../../emulator/cloud-wire/server'
import { FunctionRunner } from '../../emulator/cloud-wire/runner'
import { FN_NAMES } from '@contract'
import type { Emulator } from '../../emulator/server'
import type { CallAnswer, TestEmulator } from './emulator'

export interface CloudTestEmulator extends TestEmulator {
  wire: CloudWire
  runner: FunctionRunner
}

/** The functions' environment in the local cloud: admins, keys, and templates named by their keys (outbox messages read as in the emulator). */
export const CLOUD_FUNCTION_ENV = {
  ADMIN_OPENIDS: 'admin-openid',
  // The keys the deploy sets on every function (server/platform/keys.ts), fixed for tests.
  INSPECTPASS_SIGNING_KEY: 'local-cloud-signing-key-0123456789abcdef0123456789abcdef',
  INSPECTPASS_SEALING_KEY: 'local-cloud-sealing-key-0123456789abcdef0123456789abcdef',
  TEMPLATE_OVERDUE_REMINDER: 'overdue_reminder',
  TEMPLATE_COMPLAINT_UPDATE: 'complaint_update',
}

/**
 * The same test surface as startTestEmulator, but every call runs the deployed bundle with
 * the real wx-server-sdk on Node 16 against the local cloud (emulator/cloud-wire), the
 * engine behind it being the emulator's. A token is the caller's openid (the cloud has no
 * sessions: the identity is the call's WX_OPENID).
 */
export async function startCloudEmulator(
  opts: { seed?: 'demo' | 'none'; clock?: string; env?: Record<string, string>; db?: string; maxInstances?: number } = {},
): Promise<CloudTestEmulator> {
  const db = openDatabase(opts.db ?? ':memory:')
  const clock = createClock(opts.clock)
  const { migrateToGates, storedSettings } = await import('../../server/store/gate-migration')
  await migrateToGates(db, clock.now(), await storedSettings(db))
  if ((opts.seed ?? 'none') === 'demo') {
    const { seedDemoIfEmpty } = await import('../../emulator/seeding')
    await seedDemoIfEmpty(db, clock.now())
    if (opts.clock) clock.set(opts.clock)
  }
  const wire = await startCloudWire({ db, storageDir: mkdtempSync(path.join(tmpdir(), 'ip-cloud-files-')), clock: () => clock.now() })
  const runner = new FunctionRunner({
    contextConfig: wire.contextConfig,
    env: { ...CLOUD_FUNCTION_ENV, ...opts.env },
    clock: () => clock.now(),
    maxInstances: opts.maxInstances,
    // CLOUD_LOG=1 shows the functions' own log lines (JSON, as the cloud's log search holds them).
    onOutput: process.env.CLOUD_LOG ? (fn, line) => process.stderr.write(`[${fn}] ${line}\n`) : undefined,
  })
  // Cold starts before the clock starts, so the first calls see the instant asked for.
  await runner.warm([...FN_NAMES])
  if (opts.clock) clock.set(opts.clock)
  const emulator = { db, clock, app: undefined, close: async () => {} } as unknown as Emulator
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
    async close() {
      await runner.close()
      await wire.close()
      db.close()
    },
  }
}
