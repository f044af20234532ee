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

  doc(id: string): TxDocRef {
    const docId = checkId(id)
    const { engine, state, name } = this
    return {
      get: () => engine.txGet(state, name, docId),
      set: (options) => engine.txSet(state, name, docId, options?.data),
      update: (options) => engine.txUpdate(state, name, docId, options?.data),
      remove: () => engine.txRemove(state, name, docId),
    }
  }

  add(options: { data: DocData }): Promise<AddResult> {
    return this.engine.txAdd(this.state, this.name, options?.data)
  }
}

// Queries inside a transaction fail in the cloud; say so instead of "is not a function".
for (const method of ['where', 'orderBy', 'limit', 'skip', 'get', 'count', 'update', 'remove']) {
  Object.defineProperty(TxCollectionImpl.prototype, method, {
    value() {
      throw cloudError(
        `transaction.collection.${method}`,
        'only single-document operations (doc().get/set/update/remove, add) are allowed inside a transaction',
      )
    },
  })
}

/**
 * `runTransaction` as wx-server-sdk runs it: begin, await the callback with a transaction
 * object, commit; on any throw abort and rethrow the callback's own error. No retry: the
 * SDK's retry never sees a conflict (its wrapper strips the code it looks for), so the
 * caller retries (server/platform/db.ts `withConflictRetry`). Holds no lock while the
 * callback runs: other callers' plain calls and transactions proceed meanwhile.
 */
export function runTransaction(engine: Engine): Database['runTransaction'] {
  return async <T>(callback: (tx: Transaction) => Promise<T>): Promise<T> => {
    const outer = engine.txScope.getStore()
    if (outer && !outer.done) throw cloudError('runTransaction', 'runTransaction cannot be nested inside another transaction')
    const state = engine.begin()
    const tx: Transaction = { collection: (name) => new TxCollectionImpl(engine, state, name) }
    try {
      const result = await engine.txScope.run(state, () => callback(tx))
      await engine.commit(state)
      return result
    } catch (err) {
      engine.abort(state)
      throw err
    }
  }
}
