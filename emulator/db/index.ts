import BetterSqlite3 from 'better-sqlite3'
import { COLLECTIONS } from '../../server/platform/collections'
import type { Database, DocData } from '../../server/platform/db'
import { startCheckpoints, type CheckpointMode, type CheckpointOptions, type CheckpointStats } from './checkpointer'
import { createDatabase } from './database'
import { Engine, type EngineOptions } from './engine'
import type { Mutex } from './mutex'
import { Store, type CollectionSpecs } from './store'

export { newDocId, TX_LIFETIME_MS, type ConcurrencyStats, type Engine, type TxState } from './engine'
export { WRITE_CONFLICT, MAX_DOC_BYTES } from './errors'
export type { CheckpointMode, CheckpointOptions, CheckpointStats } from './checkpointer'

/** The emulator's database: the port, plus what only the emulator, seed and bench may use. */
export type EmulatorDatabase = Database & {
  /** Inserts many documents in one SQLite transaction (seed, bench); answers their ids. */
  bulkInsert(collection: string, docs: DocData[]): Promise<string[]>
  /** Stops the checkpointer thread (if any), then closes the connection. */
  close(): void
  /** The WAL checkpointer's figures; null for ':memory:' and the 'inline' and 'off' modes. */
  checkpointStats(): CheckpointStats | null
  raw: BetterSqlite3.Database
  /** The engine: transactions by id for a wire server (begin, txGet…, commit, abort) and its concurrency figures. */
  engine: Engine
}

export interface OpenOptions extends EngineOptions {
  /** Collections and indexes to create (default: COLLECTIONS). */
  collections?: CollectionSpecs
  /** WAL checkpoints of a file database (default 'background': off the request path; see checkpointer.ts). */
  checkpoints?: CheckpointMode | CheckpointOptions
}

/**
 * Opens (or creates) a database file, or an in-memory one for ':memory:'.
 * File databases use WAL so a crash never leaves a half-written file, and checkpoint it
 * from a thread of their own (checkpointer.ts).
 */
export function openDatabase(path: string | ':memory:', options: OpenOptions = {}): EmulatorDatabase {
  const raw = new BetterSqlite3(path)
  let wal = false
  if (path !== ':memory:' && path !== '') {
    wal = raw.pragma('journal_mode = WAL', { simple: true }) === 'wal'
    raw.pragma('synchronous = NORMAL')
  }
  raw.pragma('busy_timeout = 5000')
  const engine = new Engine(new Store(raw, options.collections ?? COLLECTIONS), options)
  // Started once the schema exists: the thread opens the file as it is.
  const checkpointer = wal ? startCheckpoints(raw, path, options.checkpoints) : null
  if (checkpointer) afterEachHolder(engine.mutex, () => checkpointer.afterOperation())
  const db = createDatabase(engine)
  return Object.assign(db, {
    raw,
    engine,
    close: () => {
      try {
        checkpointer?.close()
      } finally {
        raw.close()
      }
    },
    checkpointStats: () => checkpointer?.stats() ?? null,
    bulkInsert: (collection: string, docs: DocData[]) =>
      engine.op('collection.add', collection, () => engine.atomic(() => docs.map((data) => String(engine.add(collection, data)._id)))),
  })
}

/** Runs `after` when each holder of the engine's lock is done, before the next one starts. */
function afterEachHolder(mutex: Mutex, after: () => void): void {
  const run = mutex.run.bind(mutex)
  mutex.run = <T>(fn: () => T | Promise<T>): Promise<T> =>
    run(() => {
      let result: T | Promise<T>
      try {
        result = fn()
      } catch (err) {
        after()
        throw err
      }
      if (typeof (result as Promise<T> | undefined)?.then === 'function') return Promise.resolve(result).finally(after)
      after()
      return result
    })
}
