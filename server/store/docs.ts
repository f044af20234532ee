import type { Database, DocData, Transaction, UpdateResult } from '../platform/db'
import { isNotFound, MAX_GET, withConflictRetry } from '../platform/db'
import { fail } from '../platform/errors'

/**
 * Reading one document by id, in or out of a transaction. The port's `doc().get()`
 * rejects when the document does not exist (as the cloud does); these answer null.
 */

/** Where a write goes: inside a transaction (`tx`) or straight to the database. */
export type Writer = Transaction | Database

/** True when `w` is the database itself rather than a transaction. */
export const isDatabase = (w: Writer): w is Database => typeof (w as Database).runTransaction === 'function'

/** A document by id (with `_id`), or null when it does not exist. */
export async function readDoc<T extends { _id: string }>(r: Writer, collection: string, id: string): Promise<T | null> {
  try {
    const got = await r.collection(collection).doc(id).get()
    return { ...(got.data as object), _id: id } as T
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

/** A document by id; NOT_FOUND with `missing` (what a person reads) when it does not exist. */
export async function readOrFail<T extends { _id: string }>(r: Writer, collection: string, id: string, missing: string): Promise<T> {
  return (await readDoc<T>(r, collection, id)) ?? fail('NOT_FOUND', missing)
}

/** Writes a record whole under its `_id` (creating or replacing the document). */
export async function setDoc<T extends { _id: string }>(w: Writer, collection: string, record: T): Promise<void> {
  await w
    .collection(collection)
    .doc(record._id)
    .set({ data: fieldsOf(record) })
}

/** A record's fields without `_id` and without undefined values, as `set` wants them. */
export function fieldsOf<T extends { _id: string }>(record: T): DocData {
  const out: DocData = {}
  for (const [k, v] of Object.entries(record)) if (k !== '_id' && v !== undefined) out[k] = v
  return out
}

/** The first document matching an equality condition, or null. */
export async function findOne<T extends { _id: string }>(db: Database, collection: string, where: DocData): Promise<T | null> {
  const got = await db.collection(collection).where(where).limit(1).get()
  return (got.data[0] as T | undefined) ?? null
}

/**
 * Every document matching `where`, read in pages of the cloud's 100 by `_id` (keyset, so
 * the cost per page does not grow). Stops at `cap` documents and says so.
 */
export async function findAll<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: DocData,
  cap = 2000,
): Promise<{ items: T[]; truncated: boolean }> {
  const items: T[] = []
  let after: string | null = null
  for (;;) {
    const condition: DocData = after === null ? where : { ...where, _id: db.command.gt(after) }
    const page = (await db.collection(collection).where(condition).orderBy('_id', 'asc').limit(MAX_GET).get()).data as T[]
    items.push(...page)
    if (items.length >= cap) return { items: items.slice(0, cap), truncated: true }
    if (page.length < MAX_GET) return { items, truncated: false }
    after = page[page.length - 1]._id
  }
}

/** Field paths (`['depts', deptId, 'overdue']`) and what to add to each. */
export type Increments = Array<[string[], number]>

/**
 * Adds to numbers of one shared document (a counters document): one plain `update` with
 * `_.inc` on each dot path (a missing field or parent is created by the increment), no
 * read. Never inside a transaction: the document is shared by many writers, so holding it
 * in a transaction would make them conflict (ARCHITECTURE rule 5); callers add after their
 * commit. When the document does not exist yet (`stats.updated` 0) it is created as
 * `fresh()` plus the increments, in a small transaction that adds to whatever a concurrent
 * writer created in between (retried on a conflict). Zero increments write nothing.
 */
export async function incrementDoc(db: Database, collection: string, id: string, increments: Increments, fresh: () => DocData): Promise<void> {
  const live = increments.filter(([, by]) => by !== 0)
  if (live.length === 0) return
  const _ = db.command
  const data: DocData = {}
  for (const [path, by] of live) data[path.join('.')] = _.inc(by)
  const updated = updatedCount(await db.collection(collection).doc(id).update({ data }))
  if (updated !== undefined && updated > 0) return
  await withConflictRetry(db).runTransaction(async (tx) => {
    const ref = tx.collection(collection).doc(id)
    if (await readDoc(tx, collection, id)) {
      // `stats` said nothing was updated: a concurrent writer created it since. Without `stats` the update applied.
      if (updated !== undefined) await ref.update({ data })
      return
    }
    await ref.set({ data: withIncrements(fresh(), live) })
  })
}

/** `stats.updated` of an update's answer. */
function updatedCount(answer: unknown): number | undefined {
  const n = (answer as Partial<UpdateResult> | undefined)?.stats?.updated
  return typeof n === 'number' ? n : undefined
}

/** `doc` with the increments added (missing numbers and parents start at zero / empty). */
function withIncrements(doc: DocData, increments: Increments): DocData {
  const out = JSON.parse(JSON.stringify(doc)) as DocData
  for (const [path, by] of increments) {
    let cur = out
    for (const seg of path.slice(0, -1)) {
      if (typeof cur[seg] !== 'object' || cur[seg] === null) cur[seg] = {}
      cur = cur[seg] as DocData
    }
    const last = path[path.length - 1]
    cur[last] = ((cur[last] as number | undefined) ?? 0) + by
  }
  return out
}
