import BetterSqlite3 from 'better-sqlite3'
import { COLLECTIONS } from '../../server/platform/collections'
import type { Database, DocData } from '../../server/platform/db'
import { createDatabase } from './database'
import { Engine, type EngineOptions } from './engine'
import { Store, type CollectionSpecs } from './store'

export { newDocId } from './engine'

/** The emulator's database: the port, plus what only the emulator, seed and bench may use. */
export type EmulatorDatabase = Database & {
  /** Inserts many documents in one SQLite transaction (seed, bench); answers their ids. */
  bulkInsert(collection: string, docs: DocData[]): Promise<string[]>
  close(): void
  raw: BetterSqlite3.Database
}

export interface OpenOptions extends EngineOptions {
  /** Collections and indexes to create (default: COLLECTIONS). */
  collections?: CollectionSpecs
}

/**
 * Opens (or creates) a database file, or an in-memory one for ':memory:'.
 * File databases use WAL so a crash never leaves a half-written file.
 */
export function openDatabase(path: string | ':memory:', options: OpenOptions = {}): EmulatorDatabase {
  const raw = new BetterSqlite3(path)
  if (path !== ':memory:') {
    raw.pragma('journal_mode = WAL')
    raw.pragma('synchronous = NORMAL')
  }
  raw.pragma('busy_timeout = 5000')
  const engine = new Engine(new Store(raw, options.collections ?? COLLECTIONS), options)
  const db = createDatabase(engine)
  return Object.assign(db, {
    raw,
    close: () => raw.close(),
    bulkInsert: (collection: string, docs: DocData[]) =>
      engine.op('collection.add', collection, () => engine.atomic(() => docs.map((data) => String(engine.add(collection, data)._id)))),
  })
}
