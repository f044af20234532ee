import type { Database, DocData, Transaction } from '../platform/db'
import { isNotFound } from '../platform/db'

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

/** A record's fields without `_id` and without undefined values, as `set` wants them. */
export function fieldsOf<T extends { _id: string }>(record: T): DocData {
  const out: DocData = {}
  for (const [k, v] of Object.entries(record)) if (k !== '_id' && v !== undefined) out[k] = v
  return out
}
