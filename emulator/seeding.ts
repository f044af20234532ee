import type { Database } from '../server/platform/db'
import { isNotFound } from '../server/platform/db'
import { seedDemo } from './seed/demo'

/** Seeds the demo data once per database (a restart on the same file keeps what is there). */
export async function seedDemoIfEmpty(db: Database, now: number): Promise<boolean> {
  try {
    await db.collection('system').doc('seed').get()
    return false
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  await seedDemo(db, { now })
  await db.collection('system').doc('seed').set({ data: { kind: 'demo', at: now } })
  return true
}
