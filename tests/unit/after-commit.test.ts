import { afterCommit, withConflictRetry, type Database, type Transaction } from '@server/platform/db'
import { openDatabase } from '../../emulator/db'

/**
 * `afterCommit` (platform/db.ts): the work a transaction leaves for after its commit — the
 * shared counters' `_.inc` (ARCHITECTURE rule 5) — runs once the transaction has
 * committed, never for a rolled-back attempt, and once however many attempts it took.
 */

const conflict = () => Object.assign(new Error('WriteConflict'), { code: 'DATABASE_TRANSACTION_CONFLICT' })

/** A database whose first `failures` commits fail with a write conflict (after the callback ran). */
function conflictingDb(failures: number): Database {
  const real = openDatabase(':memory:')
  let left = failures
  return {
    collection: (name) => real.collection(name),
    command: real.command,
    async runTransaction<T>(callback: (tx: Transaction) => Promise<T>): Promise<T> {
      const answer = await real.runTransaction(callback)
      if (left-- > 0) throw conflict()
      return answer
    },
  }
}

it('runs the hooks after the commit, in order, with the database; the transaction’s writes are there', async () => {
  const raw = openDatabase(':memory:')
  const db = withConflictRetry(raw)
  const seen: string[] = []
  const answer = await db.runTransaction(async (tx) => {
    await tx
      .collection('system')
      .doc('a')
      .set({ data: { n: 1 } })
    afterCommit(tx, async (d) => {
      seen.push(`first ${((await d.collection('system').doc('a').get()).data as { n: number }).n}`)
    })
    afterCommit(tx, async () => {
      seen.push('second')
    })
    seen.push('in the transaction')
    return 'done'
  })
  expect(answer).toBe('done')
  expect(seen).toEqual(['in the transaction', 'first 1', 'second'])
  raw.close()
})

it('a transaction that fails runs none of its hooks', async () => {
  const raw = openDatabase(':memory:')
  const db = withConflictRetry(raw)
  const run = jest.fn(async () => {})
  await expect(
    db.runTransaction(async (tx) => {
      afterCommit(tx, run)
      throw new Error('refused')
    }),
  ).rejects.toThrow('refused')
  expect(run).not.toHaveBeenCalled()
  raw.close()
})

it('an attempt that met a write conflict drops its hooks: the retried one runs them, once', async () => {
  const db = withConflictRetry(conflictingDb(2))
  let attempts = 0
  const run = jest.fn(async () => {})
  await db.runTransaction(async (tx) => {
    attempts++
    afterCommit(tx, run)
  })
  expect(attempts).toBe(3)
  expect(run).toHaveBeenCalledTimes(1)
})

it('refuses a transaction not opened through withConflictRetry (its hooks would never run)', async () => {
  const raw = openDatabase(':memory:')
  await expect(raw.runTransaction(async (tx) => afterCommit(tx, async () => {}))).rejects.toThrow(/withConflictRetry/)
  raw.close()
})
