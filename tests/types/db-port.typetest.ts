/**
 * Compile-time proof that `cloud.database()` from wx-server-sdk satisfies the database
 * port (server/platform/db.ts). Checked by `tsc --noEmit`; never executed, and the SDK
 * is imported for its types only.
 *
 * The SDK declares callback overloads as `Promise<X> | void | string`, so each method's
 * return is narrowed to its Promise part. Both sides become function-valued properties
 * so parameters are checked contravariantly (methods alone would be bivariant). Each
 * level (database, collection, query, document, command) is compared on its own and
 * shallowly: TypeScript gives up on deeply recursive comparisons and would otherwise
 * let a mismatch deep inside through. A port member the SDK lacks, or a parameter the
 * SDK would not accept, fails compilation.
 *
 * Not provable here: the transaction object. The SDK types `runTransaction(run: any)`,
 * so `Transaction` was checked against the SDK's source instead (its `collection()`
 * answers a CollectionReference with `doc()` and `add()`).
 */
import type * as cloud from 'wx-server-sdk'
import type { CollectionRef, Database, DbCommand, DocRef, Query } from '@server/platform/db'

/** Stands for "some object (checked at its own level)" in a shallow comparison. */
interface Nested {
  readonly nested: true
}

type PromisePart<R> = Extract<R, Promise<unknown>>
/** SDK side: returns narrowed to their Promise part; object returns become `Nested`. */
type SdkShape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => [PromisePart<R>] extends [never] ? (R extends object ? Nested : R) : PromisePart<R>
    : T[K] extends object
      ? Nested
      : T[K]
}
/** Port side: the same shape. */
type PortShape<T> = {
  [K in keyof T]: T[K] extends (...args: infer A) => infer R
    ? (...args: A) => R extends Promise<unknown> ? R : R extends object ? Nested : R
    : T[K] extends object
      ? Nested
      : T[K]
}

type SdkDatabase = ReturnType<typeof cloud.database>
type SdkCollection = ReturnType<SdkDatabase['collection']>
type SdkQuery = ReturnType<SdkCollection['where']>
type SdkDoc = ReturnType<SdkCollection['doc']>
type SdkCommand = SdkDatabase['command']

declare const sdkDatabase: SdkShape<SdkDatabase>
declare const sdkCollection: SdkShape<SdkCollection>
declare const sdkQuery: SdkShape<SdkQuery>
declare const sdkDoc: SdkShape<SdkDoc>
declare const sdkCommand: SdkShape<SdkCommand>

// The proof, level by level.
export const proofDatabase: PortShape<Database> = sdkDatabase
export const proofCollection: PortShape<CollectionRef> = sdkCollection
export const proofQuery: PortShape<Query> = sdkQuery
export const proofDoc: PortShape<DocRef> = sdkDoc
export const proofCommand: PortShape<DbCommand> = sdkCommand

// The check has teeth: a port that names a method the SDK lacks does not compile.
interface QueryWithExtra extends Query {
  aggregateAll(): Promise<unknown>
}
// @ts-expect-error — `aggregateAll` is not in wx-server-sdk, so this must fail to compile.
export const extraFromSdk: PortShape<QueryWithExtra> = sdkQuery
