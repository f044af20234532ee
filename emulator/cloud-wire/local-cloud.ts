import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { FN_NAMES } from '@contract'
import { openDatabase, type EmulatorDatabase } from '../db'
import { createClock, type SettableClock } from '../clock'
import { startCloudWire, type CloudWire } from './server'
import { FunctionRunner } from './runner'
import type { WireDatabaseOptions } from './database'

export interface LocalCloud {
  db: EmulatorDatabase
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
  /** The functions' environment. */
  env?: Record<string, string | undefined>
  /** Instances per function. */
  maxInstances?: number
  onOutput?: (fn: string, line: string) => void
}

/**
 * The whole local cloud in one call: the emulator's database (migrated and seeded as the
 * emulator does), the wire server on it, and a runner whose instances call it. One
 * instance of each function is started before the clock is set, so cold starts do not eat
 * into the instant a test stands on.
 */
export async function startLocalCloud(opts: LocalCloudOptions = {}): Promise<LocalCloud> {
  const db = openDatabase(opts.db ?? ':memory:')
  const clock = createClock(opts.clock)
  const { migrateToGates, storedSettings } = await import('../../server/store/gate-migration')
  await migrateToGates(db, clock.now(), await storedSettings(db))
  if ((opts.seed ?? 'none') === 'demo') {
    const { seedDemoIfEmpty } = await import('../seeding')
    await seedDemoIfEmpty(db, clock.now())
  }
  const wire = await startCloudWire({ ...opts, db, storageDir: mkdtempSync(path.join(tmpdir(), 'ip-cloud-files-')), clock: () => clock.now() })
  const runner = new FunctionRunner({ contextConfig: wire.contextConfig, env: opts.env, clock: () => clock.now(), maxInstances: opts.maxInstances, onOutput: opts.onOutput })
  await runner.warm([...FN_NAMES])
  if (opts.clock) clock.set(opts.clock)
  return {
    db,
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
