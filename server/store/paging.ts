import type { Database, DocData } from '../platform/db'
import { MAX_GET } from '../platform/db'

/**
 * Reading every document that matches, in pages of the cloud's 100 (a `get` returns at
 * most 100). Pages follow `_id` (a cursor `_id > last`), never `skip`, so a deep page
 * costs what the first one does.
 */
export async function forEachPage<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: DocData,
  visit: (page: T[]) => void | Promise<void>,
): Promise<number> {
  const _ = db.command
  let last: string | null = null
  let total = 0
  for (;;) {
    const condition: DocData = last === null ? where : { ...where, _id: _.gt(last) }
    const got = await db.collection(collection).where(condition).orderBy('_id', 'asc').limit(MAX_GET).get()
    const page = got.data as unknown as T[]
    if (page.length > 0) await visit(page)
    total += page.length
    if (page.length < MAX_GET) return total
    last = page[page.length - 1]._id
  }
}

/** Every matching document (for bounded sets: a month's counters, a region's departments). */
export async function readAllPages<T extends { _id: string }>(db: Database, collection: string, where: DocData): Promise<T[]> {
  const out: T[] = []
  await forEachPage<T>(db, collection, where, (page) => {
    out.push(...page)
  })
  return out
}

/** Documents by id, in chunks of 100 (`_id in [...]`); answers those that exist. */
export async function readByIds<T extends { _id: string }>(db: Database, collection: string, ids: string[]): Promise<T[]> {
  const unique = [...new Set(ids)]
  const out: T[] = []
  for (let i = 0; i < unique.length; i += MAX_GET) {
    const chunk = unique.slice(i, i + MAX_GET)
    const got = await db
      .collection(collection)
      .where({ _id: db.command.in(chunk) })
      .limit(MAX_GET)
      .get()
    out.push(...(got.data as unknown as T[]))
  }
  return out
}
