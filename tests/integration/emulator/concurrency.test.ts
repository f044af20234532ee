import { isWriteConflict } from '@server/platform/db'
import { MAX_DOC_BYTES, openDatabase, TX_LIFETIME_MS, WRITE_CONFLICT, type EmulatorDatabase } from '../../../emulator/db'

/**
 * The cloud database's concurrency in the emulator (SPEC §4): snapshot reads, a write
 * lock per written document held to commit, an immediate WriteConflict shaped as
 * wx-server-sdk reports it, abort on a failed write, plain calls while transactions are
 * open; and the cloud's document size limit.
 */

let db: EmulatorDatabase
beforeEach(() => {
  db = openDatabase(':memory:')
})
afterEach(() => db.close())

/** A transaction held open until `release()`: its callback runs `body`, then waits. */
function heldTransaction<T>(body: (tx: Parameters<Parameters<EmulatorDatabase['runTransaction']>[0]>[0]) => Promise<T>) {
  let release!: () => void
  const gate = new Promise<void>((r) => (release = r))
  let ready!: () => void
  const inside = new Promise<void>((r) => (ready = r))
  const done = db.runTransaction(async (tx) => {
    const out = await body(tx)
    ready()
    await gate
    return out
  })
  return { inside, release, done }
}

async function rejection(p: Promise<unknown>): Promise<Error & { errCode?: number; errMsg?: string }> {
  try {
    await p
  } catch (err) {
    return err as Error
  }
  throw new Error('expected a rejection')
}

test('a write to a document another open transaction wrote fails at once, as wx-server-sdk reports it', async () => {
  await db
    .collection('counters')
    .doc('c1')
    .set({ data: { name: 'a', n: 0 } })
  const first = heldTransaction((tx) =>
    tx
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 1 } }),
  )
  await first.inside
  const started = Date.now()
  const err = await rejection(
    db.runTransaction((tx) =>
      tx
        .collection('counters')
        .doc('c1')
        .update({ data: { n: 2 } }),
    ),
  )
  expect(Date.now() - started).toBeLessThan(1000) // at once: no waiting for the holder
  expect(err.message).toBe(`document.update:fail -501001 resource system error. ${WRITE_CONFLICT.message('counters', 'c1')}`)
  expect(err.errCode).toBe(-501001)
  expect(err.errMsg).toBe(err.message)
  expect(err.message).toContain('WriteConflict')
  expect(isWriteConflict(err)).toBe(true)
  // What the server answered, for a wire server to send as it is.
  expect((err as { server?: unknown }).server).toEqual({ code: 'DATABASE_TRANSACTION_CONFLICT', message: WRITE_CONFLICT.message('counters', 'c1') })
  first.release()
  await first.done
  expect((await db.collection('counters').doc('c1').get()).data.n).toBe(1)
  expect(db.engine.stats).toMatchObject({ conflicts: 1, committed: 1 })
})

test('set, remove and add of a locked document conflict too; reads do not lock', async () => {
  await db
    .collection('counters')
    .doc('c1')
    .set({ data: { n: 0 } })
  const reader = heldTransaction((tx) => tx.collection('counters').doc('c1').get())
  await reader.inside
  // A read took no lock: another transaction writes the document.
  await db.runTransaction((tx) =>
    tx
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 5 } }),
  )
  const holder = heldTransaction((tx) => tx.collection('counters').doc('c1').remove())
  await holder.inside
  for (const write of [
    (tx: any) =>
      tx
        .collection('counters')
        .doc('c1')
        .set({ data: { n: 9 } }),
    (tx: any) => tx.collection('counters').doc('c1').remove(),
    (tx: any) => tx.collection('counters').add({ data: { _id: 'c1', n: 9 } }),
  ]) {
    expect(isWriteConflict(await rejection(db.runTransaction(write)))).toBe(true)
  }
  holder.release()
  await holder.done
  reader.release()
  expect((await reader.done).data.n).toBe(0) // its snapshot, from before both writes
  await expect(db.collection('counters').doc('c1').get()).rejects.toThrow('does not exist')
})

test('a failed write aborts its transaction: later calls fail, nothing it wrote commits, even when the callback carries on', async () => {
  await db
    .collection('counters')
    .doc('c1')
    .set({ data: { n: 0 } })
  const holder = heldTransaction((tx) =>
    tx
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 1 } }),
  )
  await holder.inside
  const loser = db.runTransaction(async (tx) => {
    await tx
      .collection('counters')
      .doc('c2')
      .set({ data: { n: 1 } })
    const conflict = await rejection(
      tx
        .collection('counters')
        .doc('c1')
        .update({ data: { n: 2 } }),
    )
    const after = await rejection(
      tx
        .collection('counters')
        .doc('c3')
        .set({ data: { n: 1 } }),
    )
    const read = await rejection(tx.collection('counters').doc('c2').get())
    return { conflict, after, read }
  })
  const err = await rejection(loser)
  expect(err.message).toContain('NoSuchTransaction')
  expect(isWriteConflict(err)).toBe(true) // the cause, a conflict: a retry is the answer
  holder.release()
  await holder.done
  await expect(db.collection('counters').doc('c2').get()).rejects.toThrow('does not exist')
  await expect(db.collection('counters').doc('c3').get()).rejects.toThrow('does not exist')
})

test('a duplicate key fails at the write inside the transaction, and aborts it', async () => {
  await db.collection('officers').add({ data: { _id: 'o1', certNo: 'X1' } })
  const err = await rejection(
    db.runTransaction(async (tx) => {
      await tx
        .collection('officers')
        .doc('o2')
        .set({ data: { certNo: 'X2' } })
      await tx
        .collection('officers')
        .doc('o3')
        .set({ data: { certNo: 'X1' } })
        .catch((e: Error) => {
          expect(e.message).toMatch(/^document\.set:fail -502001 .*duplicate key/)
        })
      await tx
        .collection('officers')
        .doc('o4')
        .set({ data: { certNo: 'X4' } })
    }),
  )
  expect(err.message).toContain('has been aborted')
  expect((await db.collection('officers').count()).total).toBe(1)
})

test('plain calls go on while a transaction is open; a plain write to its document waits for the commit, then applies on top', async () => {
  await db
    .collection('counters')
    .doc('c1')
    .set({ data: { n: 0 } })
  await db
    .collection('counters')
    .doc('c2')
    .set({ data: { n: 0 } })
  const holder = heldTransaction((tx) =>
    tx
      .collection('counters')
      .doc('c1')
      .update({ data: { n: 10 } }),
  )
  await holder.inside
  // Neither waits for the open transaction.
  expect((await db.collection('counters').doc('c1').get()).data.n).toBe(0)
  await db
    .collection('counters')
    .doc('c2')
    .update({ data: { n: db.command.inc(1) } })
  expect((await db.collection('counters').where({ n: 1 }).count()).total).toBe(1)
  // This one waits for the lock on c1.
  let applied = false
  const plain = db
    .collection('counters')
    .doc('c1')
    .update({ data: { n: db.command.inc(1) } })
    .then(() => (applied = true))
  await new Promise((r) => setTimeout(r, 30))
  expect(applied).toBe(false)
  holder.release()
  await holder.done
  await plain
  expect((await db.collection('counters').doc('c1').get()).data.n).toBe(11)
  expect(db.engine.stats.waits).toBe(1)
})

test('transactions on different documents run side by side and both commit', async () => {
  const a = heldTransaction((tx) =>
    tx
      .collection('counters')
      .doc('a')
      .set({ data: { n: 1 } }),
  )
  const b = heldTransaction((tx) =>
    tx
      .collection('counters')
      .doc('b')
      .set({ data: { n: 2 } }),
  )
  await Promise.all([a.inside, b.inside]) // both open at once: no global lock
  a.release()
  b.release()
  await Promise.all([a.done, b.done])
  expect((await db.collection('counters').count()).total).toBe(2)
})

test('a document over 16 MB is refused, in and out of transactions', async () => {
  const big = 'x'.repeat(MAX_DOC_BYTES)
  const err = await rejection(db.collection('audit').add({ data: { big } }))
  expect(err.message).toMatch(/^collection\.add:fail -502001 .*16 MB/)
  const inTx = await rejection(db.runTransaction((tx) => tx.collection('audit').doc('a').set({ data: { big } })))
  expect(inTx.message).toMatch(/^document\.set:fail -502001 .*16 MB/)
  // Just under the limit is kept.
  await db
    .collection('audit')
    .doc('ok')
    .set({ data: { big: 'x'.repeat(MAX_DOC_BYTES - 100) } })
  expect(((await db.collection('audit').doc('ok').get()).data.big as string).length).toBe(MAX_DOC_BYTES - 100)
})

test('a transaction left open past its lifetime is aborted, and its locks with it', async () => {
  jest.useFakeTimers()
  try {
    await db
      .collection('counters')
      .doc('c1')
      .set({ data: { n: 0 } })
    const forgotten = heldTransaction((tx) =>
      tx
        .collection('counters')
        .doc('c1')
        .update({ data: { n: 1 } }),
    )
    await forgotten.inside
    const plain = db
      .collection('counters')
      .doc('c1')
      .update({ data: { n: db.command.inc(5) } })
    jest.advanceTimersByTime(TX_LIFETIME_MS)
    await plain
    expect((await db.collection('counters').doc('c1').get()).data.n).toBe(5)
    forgotten.release()
    const err = await rejection(forgotten.done)
    expect(err.message).toMatch(/^transaction\.commit:fail -501001 .*NoSuchTransaction.*open longer than 60 s/)
  } finally {
    jest.useRealTimers()
  }
})
