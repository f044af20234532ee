import type { CollectionRef, Database, DocData, DocRef, Query, Transaction, TxCollectionRef } from '../server/platform/db'

/**
 * A database port that counts what a cloud function would send to the cloud database:
 * every terminal call of a collection, query or document (get, count, update, remove,
 * set, add) and every operation inside a transaction, each one round trip in WeChat
 * cloud. `runTransaction` itself is listed too (kind 'tx'), but not counted as a call:
 * its begin and commit are reported separately (see docs/PERFORMANCE.md).
 */

export interface DbCall {
  /** 'db' outside a transaction, 'tx' inside one, 'txn' for runTransaction itself. */
  kind: 'db' | 'tx' | 'txn'
  collection: string
  op: string
  detail?: string
  /** How long the emulator took to answer (ms), once it has. */
  ms?: number
}

export interface CountingDatabase extends Database {
  calls: DbCall[]
  /** Calls counted (db + tx), excluding runTransaction markers. */
  count(): number
  reset(): void
}

export function countingDatabase(inner: Database): CountingDatabase {
  const calls: DbCall[] = []
  const record = (call: DbCall) => calls.push(call)
  /** Records the call and times it. */
  const timed = <T>(call: DbCall, run: () => Promise<T>): Promise<T> => {
    record(call)
    const start = performance.now()
    return run().finally(() => (call.ms = performance.now() - start))
  }

  const wrapQuery = (q: Query, name: string, detail: string): Query => ({
    where: (c: DocData) => wrapQuery(q.where(c), name, `where(${Object.keys(c).join(',')})`),
    orderBy: (f, d) => wrapQuery(q.orderBy(f, d), name, `${detail}.orderBy(${f})`),
    limit: (n) => wrapQuery(q.limit(n), name, detail),
    skip: (n) => wrapQuery(q.skip(n), name, detail),
    get: () => timed({ kind: 'db', collection: name, op: 'query.get', detail }, () => q.get()),
    count: () => timed({ kind: 'db', collection: name, op: 'query.count', detail }, () => q.count()),
    update: (o) => timed({ kind: 'db', collection: name, op: 'query.update', detail }, () => q.update(o)),
    remove: () => timed({ kind: 'db', collection: name, op: 'query.remove', detail }, () => q.remove()),
  })

  const wrapDoc = (d: DocRef, name: string, id: string): DocRef => ({
    get: () => timed({ kind: 'db', collection: name, op: 'doc.get', detail: id }, () => d.get()),
    set: (o) => timed({ kind: 'db', collection: name, op: 'doc.set', detail: id }, () => d.set(o)),
    update: (o) => timed({ kind: 'db', collection: name, op: 'doc.update', detail: id }, () => d.update(o)),
    remove: () => timed({ kind: 'db', collection: name, op: 'doc.remove', detail: id }, () => d.remove()),
  })

  const wrapCollection = (c: CollectionRef, name: string): CollectionRef => ({
    ...wrapQuery(c, name, ''),
    doc: (id: string) => wrapDoc(c.doc(id), name, id),
    add: (o) => timed({ kind: 'db', collection: name, op: 'add' }, () => c.add(o)),
  })

  const wrapTx = (tx: Transaction): Transaction => ({
    collection: (name: string): TxCollectionRef => {
      const c = tx.collection(name)
      return {
        doc: (id: string) => {
          const d = c.doc(id)
          return {
            get: () => timed({ kind: 'tx', collection: name, op: 'doc.get', detail: id }, () => d.get()),
            set: (o) => timed({ kind: 'tx', collection: name, op: 'doc.set', detail: id }, () => d.set(o)),
            update: (o) => timed({ kind: 'tx', collection: name, op: 'doc.update', detail: id }, () => d.update(o)),
            remove: () => timed({ kind: 'tx', collection: name, op: 'doc.remove', detail: id }, () => d.remove()),
          }
        },
        add: (o) => timed({ kind: 'tx', collection: name, op: 'add' }, () => c.add(o)),
      }
    },
  })

  return {
    command: inner.command,
    collection: (name: string) => wrapCollection(inner.collection(name), name),
    runTransaction: <T>(callback: (tx: Transaction) => Promise<T>, times?: number) => {
      return timed({ kind: 'txn', collection: '', op: 'runTransaction' }, () => inner.runTransaction((tx) => callback(wrapTx(tx)), times))
    },
    calls,
    count: () => calls.filter((c) => c.kind !== 'txn').length,
    reset: () => void calls.splice(0),
  }
}
