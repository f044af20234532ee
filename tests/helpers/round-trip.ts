import type { Database } from '@server/platform/db'

/** Calls that go to the database server (each one round trip in the cloud); the rest only build a request. */
const TERMINAL = new Set(['get', 'set', 'update', 'remove', 'add', 'count'])

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Wraps a collection, query, document or transaction object: its terminal calls travel `ms()` each way. */
function travelling<T extends object>(target: T, ms: () => number): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      if (TERMINAL.has(String(prop))) {
        return async (...args: unknown[]) => {
          await sleep(ms() / 2)
          try {
            return await value.apply(obj, args)
          } finally {
            await sleep(ms() / 2)
          }
        }
      }
      return (...args: unknown[]) => {
        const out = value.apply(obj, args)
        return out && typeof out === 'object' ? travelling(out, ms) : out
      }
    },
  })
}

/**
 * The database port as a function instance sees the cloud's: every call (and a
 * transaction's begin and commit) takes a round trip of `ms()` milliseconds, so
 * transactions stay open as long as they would there and contention looks the same.
 */
export function withRoundTrip(db: Database, ms: () => number): Database {
  return {
    command: db.command,
    collection: (name) => travelling(db.collection(name), ms),
    runTransaction: async (callback, times) => {
      await sleep(ms()) // begin
      const out = await db.runTransaction(async (tx) => {
        const result = await callback(travelling(tx, ms))
        await sleep(ms() / 2) // the commit on its way: the locks are still held
        return result
      }, times)
      await sleep(ms() / 2)
      return out
    },
  }
}
