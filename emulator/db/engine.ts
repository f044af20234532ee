import { randomBytes } from 'node:crypto'
import { AsyncLocalStorage } from 'node:async_hooks'
import type { AddResult, DocData, RemoveResult, UpdateResult } from '../../server/platform/db'
import { isCommand } from './command'
import { asCloudError, cloudError, collectionMissingError, notFoundError } from './errors'
import type { CompiledWhere } from './match'
import { Mutex } from './mutex'
import type { Row, Store } from './store'
import { compileUpdate, type JsonDoc } from './update'
import { isPlainObject, toJson } from './values'

/**
 * The operations behind the port, on the Store. Every plain operation takes the async
 * lock, so a transaction (BEGIN … await callback … COMMIT) runs alone: no other caller
 * sees or joins its uncommitted writes. Results are fresh copies of stored JSON.
 */

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

  constructor(
    readonly store: Store,
    readonly options: EngineOptions = {},
  ) {}

  /** Runs one non-transactional operation under the lock. */
  async op<T>(api: string, collection: string, fn: () => T): Promise<T> {
    const tx = this.txScope.getStore()
    if (tx && !tx.done) {
      throw cloudError(api, 'a db call was made inside runTransaction: use the transaction object (tx) there, or read before the transaction')
    }
    return this.mutex.run(() => this.guard(api, collection, fn))
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
  selectPage(collection: string, where: CompiledWhere | undefined, order: Array<{ path: string; desc: boolean }>, sortAll: (rows: Row[]) => Row[], skip: number, take: number): Row[] {
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
    if (row) this.store.delete(collection, row.rid)
    return { stats: { removed: row ? 1 : 0 } }
  }

  add(collection: string, data: unknown): AddResult {
    if (!isPlainObject(data)) throw new Error('options.data must be an object')
    const { _id, ...rest } = data
    if (_id !== undefined && (typeof _id !== 'string' || _id.length === 0)) throw new Error('_id must be a non-empty string')
    const id = (_id as string | undefined) ?? newDocId()
    this.store.insert(collection, { _id: id, ...checkDocData(rest, 'add', true) }, 'collection.add')
    return { _id: id }
  }

  /** Applies a compiled update to one row; answers 1 when the document changed (MongoDB's nModified). */
  applyTo(collection: string, row: Row, apply: (d: JsonDoc) => JsonDoc, api: string): number {
    const next = apply(row.doc)
    if (JSON.stringify(next) === JSON.stringify(row.doc)) return 0
    this.store.replace(collection, row.rid, next, api)
    return 1
  }

  /** Runs a multi-document write atomically (SQLite transaction). */
  atomic<T>(fn: () => T): T {
    return this.store.raw.transaction(fn)()
  }
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
