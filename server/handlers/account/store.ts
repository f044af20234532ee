import type { Database, DocData, Transaction } from '../../platform/db'
import { isNotFound, MAX_GET } from '../../platform/db'

/** Small reading and writing helpers over the database port, shared by the account handlers. */

/** A document by id, or null when it does not exist. */
export async function getDocOrNull<T extends { _id: string }>(db: Database, collection: string, id: string): Promise<T | null> {
  try {
    const got = await db.collection(collection).doc(id).get()
    return { ...(got.data as object), _id: id } as T
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
}

/** The same inside a transaction. */
export async function txGetOrNull<T extends { _id: string }>(tx: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const got = await tx.collection(collection).doc(id).get()
    return { ...(got.data as object), _id: id } as T
  } catch (err) {
    if (isNotFound(err)) return null
    throw err
  }
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

/** A record's fields without `_id`, as `set` wants them. */
export function fieldsOf<T extends { _id: string }>(record: T): Omit<T, '_id'> {
  const { _id, ...fields } = record
  return fields
}
