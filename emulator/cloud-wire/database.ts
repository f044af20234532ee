import { randomBytes } from 'node:crypto'
import { isNotFound, type Database, type DocData, type Query, type RemoveResult, type Transaction, type UpdateResult } from '../../server/platform/db'
import { orderOf, parseEjson, stringifyDoc, updateOf, whereOf, WireError } from './decode'

/**
 * The `database.*` actions of the cloud's wire protocol, answered by the database port of
 * the emulator's engine. A wire transaction (start → operations → commit/abort, each its
 * own HTTP request) is one `runTransaction` callback held open until commit or abort, so
 * whatever the engine does inside transactions (snapshots, write locks, conflicts) is what
 * the real SDK sees.
 */

type Params = Record<string, unknown>
export type WireAnswer = Record<string, unknown>

interface OpenTx {
  tx: Transaction
  finish(commit: boolean): void
  /** Settles with the callback's outcome once finish() was called (or the engine aborted it). */
  done: Promise<void>
  timer: NodeJS.Timeout
}

/** An abort asked for by the client: the callback rejects with this and the engine rolls back. */
class ClientAbort extends Error {}

export interface WireDatabaseOptions {
  /** A transaction left open this long (a crashed instance) is aborted. */
  txTimeoutMs?: number
  /** Observes every database call (action name), e.g. to count or slow them. */
  beforeCall?: (action: string) => Promise<void> | void
}

export interface WireDatabase {
  handle(action: string, params: Params): Promise<WireAnswer>
  /** Aborts every open transaction (shutdown). */
  close(): Promise<void>
  openTransactions(): number
}

export function wireDatabase(db: Database, options: WireDatabaseOptions = {}): WireDatabase {
  const txs = new Map<string, OpenTx>()
  const command = db.command
  const timeoutMs = options.txTimeoutMs ?? 30_000

  const collectionName = (p: Params): string => {
    if (typeof p.collectionName !== 'string' || !p.collectionName) throw new WireError('INVALID_PARAM', 'collectionName is required')
    return p.collectionName
  }

  /** The document id of a DOC query (`{"_id": "..."}`). */
  const docIdOf = (p: Params): string => {
    const q = parseEjson(p.query, 'query') as { _id?: unknown }
    if (typeof q?._id !== 'string' && typeof q?._id !== 'number') throw new WireError('INVALID_PARAM', 'a document query needs an _id')
    return String(q._id)
  }

  const txOf = (p: Params): OpenTx | undefined => {
    if (p.transactionId === undefined || p.transactionId === '') return undefined
    const open = txs.get(String(p.transactionId))
    if (!open) throw new WireError('DATABASE_TRANSACTION_FAIL', `transaction ${String(p.transactionId)} is not open (committed, aborted or expired)`)
    return open
  }

  const inTxOnlyDoc = (p: Params) => {
    if (p.queryType !== 'DOC') throw new WireError('DATABASE_REQUEST_FAILED', 'only single-document operations (by _id) are allowed inside a transaction')
  }

  const query = (p: Params): Query => {
    let q: Query = db.collection(collectionName(p))
    const where = p.query === undefined ? undefined : whereOf(command, parseEjson(p.query, 'query'))
    if (where) q = q.where(where)
    if (p.order !== undefined) for (const [path, dir] of orderOf(parseEjson(p.order, 'order'))) q = q.orderBy(path, dir)
    if (typeof p.offset === 'number' && p.offset > 0) q = q.skip(p.offset)
    if (typeof p.limit === 'number') q = q.limit(p.limit)
    return q
  }

  const startTransaction = async (): Promise<WireAnswer> => {
    const id = randomBytes(12).toString('hex')
    let ready!: (tx: Transaction) => void
    const started = new Promise<Transaction>((resolve) => (ready = resolve))
    let finish!: (commit: boolean) => void
    const decided = new Promise<void>((resolve, reject) => {
      finish = (commit) => (commit ? resolve() : reject(new ClientAbort('aborted by the client')))
    })
    decided.catch(() => {}) // observed through runTransaction
    const done = db
      .runTransaction(async (tx) => {
        ready(tx)
        await decided
      })
      .then(() => undefined)
    done.catch(() => {}) // observed by commit/abort
    // The engine may refuse to start (or fail before the callback runs).
    const tx = await Promise.race([started, done.then(() => null)])
    if (!tx) throw new WireError('DATABASE_TRANSACTION_FAIL', 'the transaction ended before it started')
    const timer = setTimeout(() => {
      txs.delete(id)
      finish(false)
    }, timeoutMs)
    timer.unref()
    txs.set(id, { tx, finish, done, timer })
    return { transactionId: id }
  }

  const endTransaction = async (p: Params, commit: boolean): Promise<WireAnswer> => {
    const open = txOf(p)
    if (!open) throw new WireError('INVALID_PARAM', 'transactionId is required')
    txs.delete(String(p.transactionId))
    clearTimeout(open.timer)
    open.finish(commit)
    try {
      await open.done
    } catch (err) {
      if (!(err instanceof ClientAbort) || commit) throw err
    }
    return {}
  }

  const getDocument = async (p: Params): Promise<WireAnswer> => {
    const open = txOf(p)
    if (p.queryType === 'DOC') {
      const id = docIdOf(p)
      const name = collectionName(p)
      try {
        const { data } = open ? await open.tx.collection(name).doc(id).get() : await db.collection(name).doc(id).get()
        return { data: { list: data ? [stringifyDoc(data)] : [] } }
      } catch (err) {
        if (isNotFound(err)) return { data: { list: [] } }
        throw err
      }
    }
    if (open) inTxOnlyDoc(p)
    const { data } = await query(p).get()
    return { data: { list: data.map(stringifyDoc), limit: p.limit, offset: p.offset ?? 0 } }
  }

  const insertDocument = async (p: Params): Promise<WireAnswer> => {
    const open = txOf(p)
    const name = collectionName(p)
    if (!Array.isArray(p.data) || p.data.length === 0) throw new WireError('INVALID_PARAM', 'data must be a non-empty array of documents')
    const insertedIds: string[] = []
    for (const text of p.data) {
      const data = parseEjson(text, 'data') as DocData
      const { _id } = open ? await open.tx.collection(name).add({ data }) : await db.collection(name).add({ data })
      insertedIds.push(String(_id))
    }
    return { data: { insertedIds } }
  }

  const modifyDocument = async (p: Params): Promise<WireAnswer> => {
    const open = txOf(p)
    const name = collectionName(p)
    const data = parseEjson(p.data, 'data')
    if (p.queryType === 'DOC') {
      const id = docIdOf(p)
      if (p.merge === false) {
        // set(): the whole document, created when missing.
        const res = (
          open
            ? await open.tx
                .collection(name)
                .doc(id)
                .set({ data: data as DocData })
            : await db
                .collection(name)
                .doc(id)
                .set({ data: data as DocData })
        ) as { stats?: { updated?: number; created?: number } }
        return { data: { updated: res?.stats?.updated ?? 0, upsert_id: res?.stats?.created ? id : undefined } }
      }
      const update = { data: updateOf(command, data) }
      const res = (open ? await open.tx.collection(name).doc(id).update(update) : await db.collection(name).doc(id).update(update)) as UpdateResult
      return { data: { updated: res.stats.updated } }
    }
    if (open) inTxOnlyDoc(p)
    if (p.multi === false) throw new WireError('INVALID_PARAM', 'update with multi: false is not supported by the local cloud')
    const res = await query(p).update({ data: updateOf(command, data) })
    return { data: { updated: res.stats.updated } }
  }

  const removeDocument = async (p: Params): Promise<WireAnswer> => {
    const open = txOf(p)
    if (p.queryType === 'DOC') {
      const id = docIdOf(p)
      const name = collectionName(p)
      const res = (open ? await open.tx.collection(name).doc(id).remove() : await db.collection(name).doc(id).remove()) as RemoveResult
      return { data: { deleted: res.stats.removed } }
    }
    if (open) inTxOnlyDoc(p)
    const res = await query(p).remove()
    return { data: { deleted: res.stats.removed } }
  }

  const calculateDocument = async (p: Params): Promise<WireAnswer> => {
    const { total } = await query(p).count()
    return { data: { total } }
  }

  const actions: Record<string, (p: Params) => Promise<WireAnswer>> = {
    'database.getDocument': getDocument,
    'database.insertDocument': insertDocument,
    'database.modifyDocument': modifyDocument,
    'database.removeDocument': removeDocument,
    'database.calculateDocument': calculateDocument,
    'database.startTransaction': startTransaction,
    'database.commitTransaction': (p) => endTransaction(p, true),
    'database.abortTransaction': (p) => endTransaction(p, false),
  }

  return {
    async handle(action, params) {
      const run = actions[action]
      if (!run) throw new WireError('INVALID_PARAM', `${action} is not supported by the local cloud (emulator/cloud-wire)`)
      await options.beforeCall?.(action)
      return run(params)
    },
    async close() {
      for (const [id, open] of txs) {
        txs.delete(id)
        clearTimeout(open.timer)
        open.finish(false)
        await open.done.catch(() => {})
      }
    },
    openTransactions: () => txs.size,
  }
}
