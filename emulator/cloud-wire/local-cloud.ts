import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FN_NAMES } from '@contract'
import { KEY_ENV, type Keys } from '../../server/platform/keys'
import { openDatabase, type EmulatorDatabase } from '../db'
import { createClock, type SettableClock } from '../clock'
import { emulatorKeys } from '../keys'
import { startCloudWire, type CloudWire } from './server'
import { FunctionRunner } from './runner'
import type { WireDatabaseOptions } from './database'

export interface LocalCloud {
  db: EmulatorDatabase
  keys: Keys
  clock: SettableClock
  wire: CloudWire
  runner: FunctionRunner
  close(): Promise<void>
}

export interface LocalCloudOptions extends WireDatabaseOptions {
  /** SQLite file or ':memory:' (default). */
  db?: string
  seed?: 'demo' | 'none'
  /** The clock starts here (ISO) once the instances are warm, and runs on. */
  clock?: string
  /** The functions' environment (the keys are added to it, as the deploy sets them). */
  env?: Record<string, string | undefined>
  /** The signing and sealing keys (default: as the emulator keeps them for `db`; fresh for ':memory:'). */
  keys?: Keys
  /** Instances per function. */
  maxInstances?: number
  onOutput?: (fn: string, line: string) => void
}

/**
 * The whole local cloud in one call: the emulator's database (seeded as the emulator
 * does), the wire server on it, and a runner whose instances call it, with the keys in
 * their environment as the deploy puts them there (docs/deploy.md). One
 * instance of each function is started before the clock is set, so cold starts do not eat
 * into the instant a test stands on.
 */
export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const keys = opts.keys ?? emulatorKeys(opts.db ?? ':memory:')
  const db = openDatabase(opts.db ?? ':memory:')
  const clock = createClock(opts.clock)
  if ((opts.seed ?? 'none') === 'demo') {
    const { seedDemoIfEmpty } = await import('../seeding')
    await seedDemoIfEmpty(db, clock.now(), keys)
  }
  const wire = await startCloudWire({ ...opts, db, storageDir: mkdtempSync(path.join(tmpdir(), 'ip-cloud-files-')), clock: () => clock.now() })
  const env = { ...opts.env, [KEY_ENV.signing]: keys.signing, [KEY_ENV.sealing]: keys.sealing }
  const runner = new FunctionRunner({
    contextConfig: wire.contextConfig,
    env,
    clock: () => clock.now(),
    maxInstances: opts.maxInstances,
    onOutput: opts.onOutput,
  })
  await runner.warm([...FN_NAMES])
  if (opts.clock) clock.set(opts.clock)
  return {
    db,
    keys,
    clock,
    wire,
    runner,
    async close() {
      await runner.close()
      await wire.close()
      db.close()
    },
  }
}
