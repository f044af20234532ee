import type { AddResult, Database, DocData, Transaction, TxCollectionRef, TxDocRef } from '../../server/platform/db'
import { checkId } from './collection'
import type { Engine, TxState } from './engine'
import { cloudError } from './errors'

/** Inside runTransaction: single-document operations only, as in the cloud. */
class TxCollectionImpl implements TxCollectionRef {
  constructor(
    private readonly engine: Engine,
    private readonly state: TxState,
    private readonly name: string,
  ) {}

  private run<T>(api: string, fn: () => T): Promise<T> {
    return new Promise<T>((resolve) => {
      if (this.state.done) throw cloudError(api, 'the transaction has already finished')
      resolve(this.engine.guard(api, this.name, fn))
    })
  }

  doc(id: string): TxDocRef {
    const docId = checkId(id)
    return {
      get: () => this.run('document.get', () => this.engine.docGet(this.name, docId)),
      set: (options) => this.run('document.set', () => this.engine.docSet(this.name, docId, options?.data)),
      update: (options) => this.run('document.update', () => this.engine.docUpdate(this.name, docId, options?.data)),
      remove: () => this.run('document.remove', () => this.engine.docRemove(this.name, docId)),
    }
  }

  add(options: { data: DocData }): Promise<AddResult> {
    return this.run('collection.add', () => this.engine.add(this.name, options?.data))
  }
}

// Queries inside a transaction fail in the cloud; say so instead of "is not a function".
for (const method of ['where', 'orderBy', 'limit', 'skip', 'get', 'count', 'update', 'remove']) {
  Object.defineProperty(TxCollectionImpl.prototype, method, {
    value() {
      throw cloudError(`transaction.collection.${method}`, 'only single-document operations (doc().get/set/update/remove, add) are allowed inside a transaction')
    },
  })
}

/**
 * `runTransaction`: BEGIN, await the callback with a transaction object, COMMIT; on any
 * throw ROLLBACK and rethrow the callback's own error. Holds the engine's lock throughout.
 */
export function runTransaction(engine: Engine): Database['runTransaction'] {
  return async <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> => {
    const outer = engine.txScope.getStore()
    if (outer && !outer.done) throw cloudError('runTransaction', 'runTransaction cannot be nested inside another transaction')
    return engine.mutex.run(async () => {
      const state: TxState = { done: false }
      const tx: Transaction = { collection: (name) => new TxCollectionImpl(engine, state, name) }
      const raw = engine.store.raw
      raw.exec('BEGIN IMMEDIATE')
      try {
        const result = await engine.txScope.run(state, () => callback(tx))
        state.done = true
        raw.exec('COMMIT')
        return result
      } catch (err) {
        state.done = true
        if (raw.inTransaction) raw.exec('ROLLBACK')
        throw err
      }
    })
  }
}
