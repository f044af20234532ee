import type { Database } from '../server/platform/db'
import { isNotFound } from '../server/platform/db'
import type { Keys } from '../server/platform/keys'
import { seedDemo } from './seed/demo'

/** Seeds the demo data once per database (a restart on the same file keeps what is there). */
export async function seedDemoIfEmpty(db: Database, now: number, keys: Keys): Promise<boolean> {
  try {
    await db.collection('system').doc('seed').get()
    return false
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  await seedDemo(db, { now, keys })
  await db
    .collection('system')
    .doc('seed')
    .set({ data: { kind: 'demo', at: now } })
  return true
}
