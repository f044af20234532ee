import type { Database, DocData, Transaction } from '../platform/db'
import { isNotFound, MAX_GET } from '../platform/db'
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
