import { randomBytes } from 'node:crypto'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { AddResult, DocData, RemoveResult, UpdateResult } from '../../server/platform/db'
import { isCommand } from './command'
import { abortedTxError, asCloudError, cloudError, collectionMissingError, duplicateKeyError, notFoundError, writeConflictError } from './errors'
import type { CompiledWhere } from './match'
import { Mutex } from './mutex'
import { sized, type Row, type Store } from './store'
import { compileUpdate, type JsonDoc } from './update'
import { isPlainObject, toJson } from './values'

/**
 * The operations behind the port, on the Store, with the cloud database's concurrency
 * (MongoDB's, SPEC §4):
 *
 * - Every operation is short and synchronous under the async lock (FIFO); nothing holds
 *   the lock across an await, so plain calls go on while transactions are open.
 * - A transaction reads a snapshot: the documents as they were committed when it began
 *   (before-images of later writes are kept while a transaction may still need them),
 *   plus its own writes.
 * - Its writes are buffered and take a write lock per document, held to commit. A write
 *   to a document locked by another open transaction, or committed by anyone after the
 *   snapshot, fails at once with the SDK's WriteConflict error; any failed write aborts
 *   the transaction (its locks are released, later calls in it fail).
 * - A plain write to a document a transaction holds waits until that transaction ends.
 * - A transaction still open after `TX_LIFETIME_MS` is aborted (MongoDB's
 *   transactionLifetimeLimitSeconds), so a forgotten one cannot hold its locks forever.
 *
 * Results are fresh copies of stored JSON.
 */

/** MongoDB's default transactionLifetimeLimitSeconds. */
export const TX_LIFETIME_MS = 60_000

/** One open (or ended) transaction: what the wire server's transactionId stands for. */
export interface TxState {
  readonly id: string
  /** Committed or aborted: no call may use it any more. */
  done: boolean
  /** The commit sequence number its snapshot reads at. */
  readonly snapshot: number
  /** Its buffered writes by document key; null = removed. */
  readonly writes: Map<string, { collection: string; id: string; doc: JsonDoc | null }>
  /** Why it was aborted (a failed write, its lifetime), when it was. */
  abortedBy?: string
  /** Settles when it commits or aborts (plain writes waiting for its locks). */
  readonly ended: Promise<void>
}

interface OpenTx extends TxState {
  end: () => void
  timer?: ReturnType<typeof setTimeout>
}

/** Thrown inside a plain write that met a transaction's lock: the caller waits, then runs it again. Not an Error, so no wrapper turns it into one. */
class LockWait {
  constructor(readonly holder: TxState) {}
}

const keyOf = (collection: string, id: string): string => `${collection}\u0000${id}`

export interface ConcurrencyStats {
  /** Transactions begun, committed, and aborted (by the caller, a failed write or their lifetime). */
  begun: number
  committed: number
  aborted: number
  /** WriteConflict errors answered. */
  conflicts: number
  /** The same, by document written (`<collection>/<id>`). */
  conflictsOn: Record<string, number>
  /** Plain writes that waited for a transaction's lock. */
  waits: number
}

/**
 * A sorted get() walks the order field's index only when the best hint selects at least
 * this many rows (the planner counts no further): below it, reading those rows and
 * sorting them is bounded and cheaper than walking an index where matches may be sparse.
 */
const WALK_FROM = 1000
/** Rows a walk may read before giving up and sorting every match instead. */
const WALK_BUDGET = 20_000

export interface EngineOptions {
  /** Called when a query cannot use any index (a full collection read). */
  onFullScan?: (collection: string) => void
}

export interface TxState {
  done: boolean
}

export class Engine {
  readonly mutex = new Mutex()
  readonly txScope = new AsyncLocalStorage<TxState>()
  readonly stats: ConcurrencyStats = { begun: 0, committed: 0, aborted: 0, conflicts: 0, conflictsOn: {}, waits: 0 }

  /** Commit sequence number: bumped by every operation that wrote. */
  private seq = 0
  private readonly open = new Set<OpenTx>()
  /** Write locks: document key → the open transaction holding it. */
  private readonly locks = new Map<string, OpenTx>()
  /** Before-images of writes made while transactions are open, oldest first (snapshot reads, conflict checks). */
  private readonly history = new Map<string, Array<{ seq: number; before: JsonDoc | null }>>()
  /** The running plain operation's writes (key → before-image, kept only while transactions are open), recorded when it succeeds. */
  private notes: Map<string, JsonDoc | null> | null = null
  /** Whether the running plain operation wrote. */
  private wrote = false

  constructor(
    readonly store: Store,
    readonly options: EngineOptions = {},
  ) {}

  /** Runs one non-transactional operation under the lock; a write that meets a transaction's lock waits for it to end, then runs again. */
  async op<T>(api: string, collection: string, fn: () => T): Promise<T> {
    const tx = this.txScope.getStore()
    if (tx && !tx.done) {
      throw cloudError(api, 'a db call was made inside runTransaction: use the transaction object (tx) there, or read before the transaction')
    }
    for (;;) {
      try {
        return await this.mutex.run(() => this.plain(api, collection, fn))
      } catch (err) {
        if (!(err instanceof LockWait)) throw err
        this.stats.waits++
        await err.holder.ended
      }
    }
  }

  private plain<T>(api: string, collection: string, fn: () => T): T {
    this.notes = new Map()
    this.wrote = false
    try {
      const result = this.guard(api, collection, fn)
      if (this.wrote) this.record(this.notes)
      return result
    } finally {
      this.notes = null
    }
  }

  /** Checks the collection exists and gives validation errors the SDK's shape. */
  guard<T>(api: string, collection: string, fn: () => T): T {
    if (!this.store.has(collection)) throw collectionMissingError(api, collection)
    try {
      return fn()
    } catch (err) {
      throw asCloudError(api, err)
    }
  }

  /** A plain write is about to change this document: wait for a transaction holding it; keep its before-image. */
  private touch(collection: string, id: string, before: JsonDoc | null): void {
    const key = keyOf(collection, id)
    const holder = this.locks.get(key)
    if (holder) throw new LockWait(holder)
    this.wrote = true
    // Before-images only matter to open transactions (none can begin during this call).
    if (this.open.size && this.notes && !this.notes.has(key)) this.notes.set(key, before)
  }

  /** Counts a committed write: a new sequence number, and the before-images open transactions may still read. */
  private record(notes: Map<string, JsonDoc | null>): void {
    this.seq++
    if (this.open.size === 0) return
    for (const [key, before] of notes) {
      const list = this.history.get(key)
      if (list) list.push({ seq: this.seq, before })
      else this.history.set(key, [{ seq: this.seq, before }])
    }
  }

  // Transactions: begin, single-document reads and writes, commit, abort.

  /** Opens a transaction reading the snapshot of now. */
  begin(): TxState {
    let end!: () => void
    const ended = new Promise<void>((resolve) => (end = resolve))
    const tx: OpenTx = { id: randomBytes(12).toString('hex'), done: false, snapshot: this.seq, writes: new Map(), ended, end }
    tx.timer = setTimeout(() => this.abort(tx, `it was open longer than ${TX_LIFETIME_MS / 1000} s`), TX_LIFETIME_MS)
    tx.timer.unref?.()
    this.open.add(tx)
    this.stats.begun++
    return tx
  }

  /** The document as the transaction sees it: its own write, else the snapshot. */
  private view(tx: TxState, collection: string, id: string): JsonDoc | null {
    const key = keyOf(collection, id)
    const own = tx.writes.get(key)
    if (own) return own.doc
    const later = this.history.get(key)?.find((h) => h.seq > tx.snapshot)
    if (later) return later.before
    return this.store.getById(collection, id)?.doc ?? null
  }

  /** Runs one call of a transaction under the lock; a failed write aborts it. */
  inTx<T>(tx: TxState, api: string, collection: string, write: boolean, fn: () => T): Promise<T> {
    return this.mutex.run(() => {
      if (tx.abortedBy !== undefined) throw abortedTxError(api, tx.id, tx.abortedBy)
      if (tx.done) throw cloudError(api, 'the transaction has already finished')
      try {
        return this.guard(api, collection, fn)
      } catch (err) {
        if (write) this.abort(tx as OpenTx, err instanceof Error ? err.message : String(err))
        throw err
      }
    })
  }

  txGet(tx: TxState, collection: string, id: string): Promise<{ data: DocData }> {
    return this.inTx(tx, 'document.get', collection, false, () => {
      const doc = this.view(tx, collection, id)
      if (!doc) throw notFoundError(id)
      return { data: JSON.parse(JSON.stringify(doc)) as DocData }
    })
  }

  txSet(tx: TxState, collection: string, id: string, data: unknown): Promise<{ _id: string; stats: { updated: number; created: number } }> {
    return this.inTx(tx, 'document.set', collection, true, () => {
      const doc = { _id: id, ...checkDocData(data, 'set') }
      this.claim(tx as OpenTx, 'document.set', collection, id)
      const current = this.view(tx, collection, id)
      const changed = JSON.stringify(current) !== JSON.stringify(doc)
      if (changed) this.txWrite(tx, 'document.set', collection, id, doc)
      return { _id: id, stats: { updated: current && changed ? 1 : 0, created: current ? 0 : 1 } }
    })
  }

  txUpdate(tx: TxState, collection: string, id: string, data: unknown): Promise<UpdateResult> {
    return this.inTx(tx, 'document.update', collection, true, () => {
      const apply = compileUpdate(data)
      this.claim(tx as OpenTx, 'document.update', collection, id)
      const current = this.view(tx, collection, id)
      if (!current) return { stats: { updated: 0 } } // the cloud answers updated: 0, no error
      const next = apply(current)
      if (JSON.stringify(next) === JSON.stringify(current)) return { stats: { updated: 0 } }
      this.txWrite(tx, 'document.update', collection, id, next)
      return { stats: { updated: 1 } }
    })
  }

  txRemove(tx: TxState, collection: string, id: string): Promise<RemoveResult> {
    return this.inTx(tx, 'document.remove', collection, true, () => {
      this.claim(tx as OpenTx, 'document.remove', collection, id)
      if (!this.view(tx, collection, id)) return { stats: { removed: 0 } }
      this.txWrite(tx, 'document.remove', collection, id, null)
      return { stats: { removed: 1 } }
    })
  }

  txAdd(tx: TxState, collection: string, data: unknown): Promise<AddResult> {
    return this.inTx(tx, 'collection.add', collection, true, () => {
      const { id, doc } = newDoc(data)
      this.claim(tx as OpenTx, 'collection.add', collection, id)
      if (this.view(tx, collection, id)) throw duplicateKeyError('collection.add', collection, '_id_')
      this.txWrite(tx, 'collection.add', collection, id, doc)
      return { _id: id }
    })
  }

  /**
   * Takes the write lock on a document for `tx`, or fails with WriteConflict: when another
   * open transaction holds it, or when it was committed after `tx`'s snapshot.
   */
  private claim(tx: OpenTx, api: string, collection: string, id: string): void {
    const key = keyOf(collection, id)
    const holder = this.locks.get(key)
    if (holder === tx) return
    if (holder || this.history.get(key)?.some((h) => h.seq > tx.snapshot)) {
      this.stats.conflicts++
      const doc = `${collection}/${id}`
      this.stats.conflictsOn[doc] = (this.stats.conflictsOn[doc] ?? 0) + 1
      throw writeConflictError(api, collection, id)
    }
    this.locks.set(key, tx)
  }

  /**
   * Buffers a write after checking it as the database would, on the transaction's view:
   * its size, and its unique keys (applied with the transaction's earlier writes to the
   * same collection in a SQLite transaction that is rolled back), so a duplicate key or
   * an oversized document fails here, at the write, as in the cloud.
   */
  private txWrite(tx: TxState, api: string, collection: string, id: string, doc: JsonDoc | null): void {
    if (doc) sized(collection, doc, api)
    if (this.store.hasUnique(collection)) {
      const same = [...tx.writes.values()].filter((w) => w.collection === collection)
      const rollback = Symbol('rollback')
      try {
        this.store.raw.transaction(() => {
          for (const w of [...same, { collection, id, doc }]) this.apply(w.collection, w.id, w.doc, api)
          throw rollback
        })()
      } catch (err) {
        if (err !== rollback) throw err
      }
    }
    tx.writes.set(keyOf(collection, id), { collection, id, doc })
  }

  /** Writes one document to the store as it is to be (null = removed); answers its before-image. */
  private apply(collection: string, id: string, doc: JsonDoc | null, api: string): JsonDoc | null {
    const row = this.store.getById(collection, id)
    if (doc === null) {
      if (row) this.store.delete(collection, row.rid)
    } else if (row) this.store.replace(collection, row.rid, doc, api)
    else this.store.insert(collection, doc, api)
    return row?.doc ?? null
  }

  /** Commits: every buffered write at once, then the locks are released. An aborted transaction cannot commit. */
  commit(tx: TxState): Promise<void> {
    return this.mutex.run(() => {
      if (tx.abortedBy !== undefined) throw abortedTxError('transaction.commit', tx.id, tx.abortedBy)
      if (tx.done) throw cloudError('transaction.commit', 'the transaction has already finished')
      const notes = new Map<string, JsonDoc | null>()
      try {
        this.atomic(() => {
          for (const [key, w] of tx.writes) notes.set(key, this.apply(w.collection, w.id, w.doc, 'transaction.commit'))
        })
      } catch (err) {
        this.abort(tx as OpenTx, err instanceof Error ? err.message : String(err))
        throw asCloudError('transaction.commit', err)
      }
      if (notes.size) this.record(notes)
      this.finish(tx as OpenTx)
      this.stats.committed++
    })
  }

  /**
   * Aborts (rollback): nothing it wrote is kept; its locks are released. `reason`: what
   * ended it when it was not its caller (a failed write, its lifetime), which later calls
   * in it report. Ending an ended transaction does nothing.
   */
  abort(tx: TxState, reason?: string): void {
    if (tx.done) return
    if (reason !== undefined) tx.abortedBy = reason
    this.finish(tx as OpenTx)
    this.stats.aborted++
  }

  private finish(tx: OpenTx): void {
    tx.done = true
    clearTimeout(tx.timer)
    for (const [key, holder] of this.locks) if (holder === tx) this.locks.delete(key)
    this.open.delete(tx)
    this.prune()
    tx.end()
  }

  /** Drops before-images no open transaction can read any more. */
  private prune(): void {
    if (this.open.size === 0) {
      this.history.clear()
      return
    }
    let oldest = Infinity
    for (const tx of this.open) oldest = Math.min(oldest, tx.snapshot)
    for (const [key, list] of this.history) {
      const keep = list.filter((h) => h.seq > oldest)
      if (keep.length === 0) this.history.delete(key)
      else if (keep.length !== list.length) this.history.set(key, keep)
    }
  }

  /** The rows a where() selects, in insertion order. */
  select(collection: string, where: CompiledWhere | undefined): Row[] {
    const hints = where?.hints ?? []
    if (this.options.onFullScan && !this.store.usable(collection, hints)) this.options.onFullScan(collection)
    const rows = this.store.scan(collection, hints)
    return where ? rows.filter((r) => where.test(r.doc)) : rows
  }

  /**
   * A sorted, limited get(): when no hint narrows the rows to a few (`WALK_FROM`) and the
   * order is one field, walk that field's index and stop after skip + take matches;
   * otherwise (or when the walk cannot answer exactly) select every match and sort.
   */
  selectPage(
    collection: string,
    where: CompiledWhere | undefined,
    order: Array<{ path: string; desc: boolean }>,
    sortAll: (rows: Row[]) => Row[],
    skip: number,
    take: number,
  ): Row[] {
    if (order.length === 1) {
      const hints = where?.hints ?? []
      if (this.store.bestHint(collection, hints).estimate >= WALK_FROM) {
        if (this.options.onFullScan && !this.store.usable(collection, hints)) this.options.onFullScan(collection)
        const rows = this.store.walk(collection, order[0], hints, where ? (d) => where.test(d) : () => true, skip + take, WALK_BUDGET)
        if (rows) return rows.slice(skip, skip + take)
        return sortAll(this.selectQuiet(collection, where)).slice(skip, skip + take)
      }
    }
    return sortAll(this.select(collection, where)).slice(skip, skip + take)
  }

  private selectQuiet(collection: string, where: CompiledWhere | undefined): Row[] {
    const rows = this.store.scan(collection, where?.hints ?? [])
    return where ? rows.filter((r) => where.test(r.doc)) : rows
  }

  // Single-document operations, shared by plain calls and transactions.

  docGet(collection: string, id: string): { data: DocData } {
    const row = this.store.getById(collection, id)
    if (!row) throw notFoundError(id)
    return { data: row.doc }
  }

  docSet(collection: string, id: string, data: unknown): { _id: string; stats: { updated: number; created: number } } {
    const doc = { _id: id, ...checkDocData(data, 'set') }
    const row = this.store.getById(collection, id)
    this.touch(collection, id, row?.doc ?? null)
    if (!row) {
      this.store.insert(collection, doc, 'document.set')
      return { _id: id, stats: { updated: 0, created: 1 } }
    }
    const changed = JSON.stringify(row.doc) !== JSON.stringify(doc)
    if (changed) this.store.replace(collection, row.rid, doc, 'document.set')
    return { _id: id, stats: { updated: changed ? 1 : 0, created: 0 } }
  }

  docUpdate(collection: string, id: string, data: unknown): UpdateResult {
    const apply = compileUpdate(data)
    const row = this.store.getById(collection, id)
    if (!row) return { stats: { updated: 0 } } // the cloud answers updated: 0, no error
    return { stats: { updated: this.applyTo(collection, row, apply, 'document.update') } }
  }

  docRemove(collection: string, id: string): RemoveResult {
    const row = this.store.getById(collection, id)
    if (row) this.deleteRow(collection, row)
    return { stats: { removed: row ? 1 : 0 } }
  }

  deleteRow(collection: string, row: Row): void {
    this.touch(collection, row.doc._id as string, row.doc)
    this.store.delete(collection, row.rid)
  }

  add(collection: string, data: unknown): AddResult {
    const { id, doc } = newDoc(data)
    this.touch(collection, id, null)
    this.store.insert(collection, doc, 'collection.add')
    return { _id: id }
  }

  /** Applies a compiled update to one row; answers 1 when the document changed (MongoDB's nModified). */
  applyTo(collection: string, row: Row, apply: (d: JsonDoc) => JsonDoc, api: string): number {
    const next = apply(row.doc)
    if (JSON.stringify(next) === JSON.stringify(row.doc)) return 0
    this.touch(collection, row.doc._id as string, row.doc)
    this.store.replace(collection, row.rid, next, api)
    return 1
  }

  /** Runs a multi-document write atomically (SQLite transaction). */
  atomic<T>(fn: () => T): T {
    return this.store.raw.transaction(fn)()
  }
}

/** A document to add: its `_id` (given, or a new one) and its checked fields. */
function newDoc(data: unknown): { id: string; doc: JsonDoc } {
  if (!isPlainObject(data)) throw new Error('options.data must be an object')
  const { _id, ...rest } = data
  if (_id !== undefined && (typeof _id !== 'string' || _id.length === 0)) throw new Error('_id must be a non-empty string')
  const id = (_id as string | undefined) ?? newDocId()
  return { id, doc: { _id: id, ...checkDocData(rest, 'add', true) } }
}

/** The cloud's auto ids are 32 hex characters. */
export const newDocId = (): string => randomBytes(16).toString('hex')

function checkDocData(data: unknown, verb: 'set' | 'add', allowEmpty = false): JsonDoc {
  if (!isPlainObject(data)) throw new Error('options.data must be an object')
  if (!allowEmpty && Object.keys(data).length === 0) throw new Error('options.data must not be empty')
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw new Error('不能更新_id的值 (data must not contain _id)')
  assertNoOperators(data, verb)
  return toJson(data, 'data') as JsonDoc
}

function assertNoOperators(value: unknown, verb: string): void {
  if (isCommand(value)) throw new Error(`update operator complicit: db.command values cannot be used in ${verb}()`)
  if (Array.isArray(value)) value.forEach((v) => assertNoOperators(v, verb))
  else if (isPlainObject(value)) Object.values(value).forEach((v) => assertNoOperators(v, verb))
}
