/**
 * The database port: the strict subset of the wx-server-sdk database API that the
 * handlers use. `cloud.database()` satisfies it (proved in tests/types/db-port.typetest.ts);
 * the emulator implements it on SQLite. Handlers know nothing else.
 *
 * Cloud limits kept here on purpose: `get()` returns at most 100 documents; inside a
 * transaction only single-document operations (doc get/set/update/remove, add).
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

/** The cloud's page size for a server-side `get()`. */
export const MAX_GET = 100

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
