import { randomBytes } from 'node:crypto'
import type { Database } from './db'
import { isNotFound } from './db'

let cached: { db: Database; secret: string } | null = null

/**
 * The signing secret lives in `system/secret` (clients have no direct database access),
 * created once on first use, so no deployment step can forget it.
 */
export async function loadSecret(db: Database): Promise<string> {
  if (cached && cached.db === db) return cached.secret
  let secret: string | undefined
  try {
    const got = await db.collection('system').doc('secret').get()
    secret = (got.data as { value?: string }).value
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  if (!secret) {
    const fresh = randomBytes(32).toString('hex')
    // Two instances racing both write; the transaction keeps the first one.
    secret = await db.runTransaction(async (tx) => {
      try {
        const got = await tx.collection('system').doc('secret').get()
        const existing = (got.data as { value?: string }).value
        if (existing) return existing
      } catch (err) {
        if (!isNotFound(err)) throw err
      }
      await tx.collection('system').doc('secret').set({ data: { value: fresh } })
      return fresh
    })
  }
  cached = { db, secret }
  return secret
}
