/**
 * The database port: the strict subset of the wx-server-sdk database API that the
 * handlers use. `cloud.database()` satisfies it (proved in tests/types/db-port.typetest.ts);
 * the emulator implements it on SQLite. Handlers know nothing else.
 *
 * Cloud limits kept here on purpose: `get()` returns 100 documents unless a `limit` (at
 * most 1000) says otherwise; inside a transaction only single-document operations (doc
 * get/set/update/remove, add).
 */

export type DocData = Record<string, unknown>
/** A stored document: its fields plus `_id`. */
export type Doc<T = DocData> = T & { _id: string }

/** A query operator built by `db.command` (eq, gt, in, …) or an update operator (inc, push). */
export interface DbOperator {
  // Marker only: operators are opaque values produced by DbCommand.
  readonly [key: string]: unknown
}

export interface DbCommand {
  eq(value: unknown): any
  neq(value: unknown): any
  gt(value: unknown): any
  gte(value: unknown): any
  lt(value: unknown): any
  lte(value: unknown): any
  in(values: unknown[]): any
  nin(values: unknown[]): any
  exists(present: boolean): any
  and(...conditions: any[]): any
  or(...conditions: any[]): any
  /** Update operators. */
  inc(by: number): any
  push(values: any): any
  remove(): any
}

export interface GetResult {
  data: DocData[]
}
export interface CountResult {
  total: number
}
export interface UpdateResult {
  stats: { updated: number }
}
export interface RemoveResult {
  stats: { removed: number }
}
export interface AddResult {
  _id: string | number
}

export interface Query {
  where(condition: DocData): Query
  orderBy(fieldPath: string, direction: 'asc' | 'desc'): Query
  limit(n: number): Query
  skip(n: number): Query
  get(): Promise<GetResult>
  count(): Promise<CountResult>
  update(options: { data: DocData }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface DocRef {
  /** Rejects when the document does not exist (as the cloud does). */
  get(): Promise<{ data: DocData }>
  set(options: { data: DocData }): Promise<unknown>
  update(options: { data: DocData }): Promise<UpdateResult>
  remove(): Promise<RemoveResult>
}

export interface CollectionRef extends Query {
  doc(id: string): DocRef
  add(options: { data: DocData }): Promise<AddResult>
}

/** Inside a transaction: single-document operations only. */
export interface TxDocRef {
  get(): Promise<{ data: DocData }>
  set(options: { data: DocData }): Promise<unknown>
  update(options: { data: DocData }): Promise<unknown>
  remove(): Promise<unknown>
}
export interface TxCollectionRef {
  doc(id: string): TxDocRef
  add(options: { data: DocData }): Promise<AddResult>
}
export interface Transaction {
  collection(name: string): TxCollectionRef
}

export interface Database {
  collection(name: string): CollectionRef
  command: DbCommand
  runTransaction<T>(callback: (tx: Transaction) => Promise<T>, times?: number): Promise<T>
}

/**
 * The platform database's `command`, for code that holds only a transaction: the port's
 * Transaction (like the SDK's) has no `command`, yet the operators it builds (`_.inc`)
 * are plain values that any transaction of the same platform accepts. Recorded by the
 * dispatcher on every call and by the emulator when it opens a database; null before.
 */
let recordedCommand: DbCommand | null = null

export function recordCommand(db: Pick<Database, 'command'>): void {
  recordedCommand = db.command
}

export const platformCommand = (): DbCommand | null => recordedCommand

/** The page size handlers ask for: the SDK's default for a server-side `get()` without a limit. */
export const MAX_GET = 100

/** The most one server-side `get()` answers: the SDK sends `limit` 1000 for anything larger. */
export const SDK_GET_LIMIT = 1000

/**
 * True when an error from `doc().get()` means the document does not exist. The server
 * SDK rejects with `document.get:fail document with _id <id> does not exist`. Narrow on
 * purpose: a missing collection (`-502005 database collection not exists`) is a
 * deployment fault and must not read as "no such document".
 */
export function isNotFound(err: unknown): boolean {
  const msg = err instanceof Error ? err.message : String(err)
  return /document with _id .* does not exist|DATABASE_DOCUMENT_NOT_EXIST|cannot find document/i.test(msg)
}

/** wx-server-sdk's errCode for a server code it has no number of its own for (SYS_ERR). */
const SDK_SYS_ERR = -501001
/** The server's code for a write conflict, kept by @cloudbase/database's own errors (wx-server-sdk drops it). */
const TRANSACTION_CONFLICT = 'DATABASE_TRANSACTION_CONFLICT'

/**
 * True when an error is the cloud database's write conflict: a transaction wrote a
 * document that another open transaction holds, or that was committed after its
 * snapshot. The one place a conflict is recognised. wx-server-sdk reports it as
 * errCode -501001 (SYS_ERR, because the server's `DATABASE_TRANSACTION_CONFLICT` is not
 * in its table) with MongoDB's `WriteConflict` in the message; @cloudbase's own error
 * object keeps the code. The number decides, the name only tells SYS_ERR kinds apart.
 */
export function isWriteConflict(err: unknown): boolean {
  const e = err as { errCode?: unknown; code?: unknown; message?: unknown } | null | undefined
  if (!e || typeof e !== 'object') return false
  if (e.code === TRANSACTION_CONFLICT) return true
  return e.errCode === SDK_SYS_ERR && /\bWriteConflict\b|DATABASE_TRANSACTION_CONFLICT/.test(String(e.message))
}

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** The first back-off in ms; each later one doubles, up to `maxDelayMs`, and is jittered by ±50 %. */
  baseDelayMs: number
  maxDelayMs: number
}

export const CONFLICT_RETRY: RetryPolicy = { attempts: 10, baseDelayMs: 8, maxDelayMs: 250 }

/** Conflicts met and retries made: since the process started (`conflictStats`), or in one call. */
export interface ConflictTally {
  conflicts: number
  retries: number
  /** Transactions that still conflicted on their last attempt. */
  exhausted: number
}

export const conflictStats: ConflictTally = { conflicts: 0, retries: 0, exhausted: 0 }

/** The work each open transaction of a wrapper leaves for after its commit (`afterCommit`). */
type CommitHook = (db: Database) => Promise<void>
const commitHooks = new WeakMap<Transaction, CommitHook[]>()

/**
 * Runs `run` once `tx` has committed (not when it is rolled back, and once however many
 * attempts it took): for writes that must not be inside the transaction, such as the
 * shared counters' `_.inc` (ARCHITECTURE rule 5); `run` gets the database. The transaction must have been opened
 * through `withConflictRetry` (every handler's `ctx.db` is). The call that opened it
 * returns after the hooks, in the order they were added; a failing hook fails that call.
 */
export function afterCommit(tx: Transaction, run: CommitHook): void {
  const hooks = commitHooks.get(tx)
  if (!hooks) throw new Error('afterCommit: this transaction was not opened through withConflictRetry')
  hooks.push(run)
}

const retrying = new WeakMap<Database, Database>()
/** Every wrapper made here: wrapping one again answers it as it is (no retries of retries). */
const wrappers = new WeakSet<Database>()

/**
 * The database with every `runTransaction` retried on a write conflict (bounded, with a
 * jittered back-off, so colliding callers spread out). Each attempt runs the callback
 * afresh: it re-reads everything it decides on, so a retry decides on what the winner
 * wrote. Any other error, or the last conflict, comes out as it is. Without `tally`, one
 * wrapper per database object, so caches keyed on the database (the secret) keep
 * hitting; with it, a wrapper of the call's own that also counts into `tally`.
 */
export function withConflictRetry(db: Database, tally?: ConflictTally): Database {
  if (wrappers.has(db)) return db
  const known = tally ? undefined : retrying.get(db)
  if (known) return known
  const tallies = tally ? [conflictStats, tally] : [conflictStats]
  const count = (key: keyof ConflictTally) => tallies.forEach((t) => t[key]++)
  const wrapped: Database = {
    collection: (name) => db.collection(name),
    command: db.command,
    async runTransaction<T>(callback: (tx: Transaction) => Promise<T>, times?: number): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        let hooks: CommitHook[] = []
        let result: T
        try {
          result = await db.runTransaction((tx) => {
            // Each attempt starts with no hooks: a rolled-back attempt's are dropped.
            hooks = []
            commitHooks.set(tx, hooks)
            return callback(tx)
          }, times)
        } catch (err) {
          if (!isWriteConflict(err)) throw err
          count('conflicts')
          if (attempt >= CONFLICT_RETRY.attempts) {
            count('exhausted')
            throw err
          }
          count('retries')
          const ceiling = Math.min(CONFLICT_RETRY.maxDelayMs, CONFLICT_RETRY.baseDelayMs * 2 ** (attempt - 1))
          await new Promise((resolve) => setTimeout(resolve, ceiling * (0.5 + Math.random())))
          continue
        }
        // Committed: the hooks run outside the retry (a hook's own conflict never reruns the transaction).
        for (const run of hooks) await run(wrapped)
        return result
      }
    },
  }
  wrappers.add(wrapped)
  if (!tally) retrying.set(db, wrapped)
  return wrapped
}
