import type { Ctx } from '../platform/context'
import { MAX_GET, type DocData, type Transaction } from '../platform/db'

/** Bound on one run's work; the next hourly run picks up the rest. */
const MAX_PAGES = 20

/**
 * The overdue jobs' sweep: the documents of `collection` matching `where`, earliest `dueAt`
 * first, 100 a page and at most 20 pages a run. Each candidate gets its own small
 * transaction (`mark` re-reads it and answers null when there is nothing to do, so a
 * retried or overlapping run never counts one twice); `committed` runs after the commit
 * (shared counters, reminders). Stops early at a page where nothing changed. Answers how
 * many were marked.
 */
export async function sweepPastDue<T extends { _id: string }>(
  ctx: Ctx,
  collection: string,
  where: DocData,
  mark: (tx: Transaction, id: string) => Promise<T | null>,
  committed: (changed: T) => Promise<void>,
): Promise<number> {
  let marked = 0
  for (let page = 0; page < MAX_PAGES; page++) {
    const got = await ctx.db.collection(collection).where(where).orderBy('dueAt', 'asc').limit(MAX_GET).get()
    const batch = got.data as unknown as T[]
    let progressed = 0
    for (const candidate of batch) {
      const changed = await ctx.db.runTransaction((tx) => mark(tx, candidate._id))
      if (!changed) continue
      await committed(changed)
      progressed++
      marked++
    }
    if (batch.length < MAX_GET || progressed === 0) break
  }
  return marked
}
