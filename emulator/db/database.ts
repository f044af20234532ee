import { recordCommand, type CollectionRef, type Database } from '../../server/platform/db'
import { CollectionRefImpl } from './collection'
import { command } from './command'
import type { Engine } from './engine'
import { runTransaction } from './transaction'

/** The port: `collection()`, `command` and `runTransaction` over one engine. */
export function createDatabase(engine: Engine): Database {
  // Code holding only a transaction (store/counters.ts) builds its `_.inc` with this.
  recordCommand({ command })
  return {
    command,
    collection(name: string): CollectionRef {
      if (typeof name !== 'string' || !name) throw new Error('Collection name is required')
      return new CollectionRefImpl(engine, name)
    },
    runTransaction: runTransaction(engine),
  }
}
