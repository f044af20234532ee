import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { isNotFound } from '@server/platform/db'
import { openDatabase } from '../../../emulator/db'

/** What only the emulator's database promises, beyond the port conformance suite. */
describe('emulator database', () => {
  let dir: string
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'emu-db-'))
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  test('file databases use WAL and keep data across reopen', async () => {
    const file = path.join(dir, 'persist.db')
    const db = openDatabase(file)
    expect(db.raw.pragma('journal_mode', { simple: true })).toBe('wal')
    await db.collection('plans').add({ data: { _id: 'p1', companyIds: ['c1'], status: 'open' } })
    db.close()
    const again = openDatabase(file)
    expect((await again.collection('plans').where({ companyIds: 'c1' }).get()).data).toEqual([{ _id: 'p1', companyIds: ['c1'], status: 'open' }])
    again.close()
  })

  test('a collection not declared in COLLECTIONS is refused, as a missing cloud collection', async () => {
    const db = openDatabase(':memory:')
    await expect(db.collection('nope').add({ data: { a: 1 } })).rejects.toThrow('collection not exists')
    const err = await db
      .collection('nope')
      .get()
      .catch((e: unknown) => e)
    expect(String(err)).toContain('collection not exists')
    expect(isNotFound(err)).toBe(false) // a deployment fault, not "no such document"
    db.close()
  })

  test('queries on indexed fields use the indexes; others are reported as full scans', async () => {
    const scans: string[] = []
    const db = openDatabase(':memory:', { onFullScan: (c) => scans.push(c) })
    await db.collection('inspections').where({ companyId: 'c1' }).get()
    await db
      .collection('inspections')
      .where({ officerIds: 'o1', checkInAt: db.command.gt(5) })
      .get()
    await db
      .collection('inspections')
      .where({ _id: db.command.in(['a', 'b']) })
      .get()
    expect(scans).toEqual([])
    await db.collection('inspections').where({ note: 'x' }).get()
    expect(scans).toEqual(['inspections'])
    db.close()
  })

  test('a db call inside runTransaction fails fast instead of waiting forever', async () => {
    const db = openDatabase(':memory:')
    await expect(db.runTransaction(async () => db.collection('system').doc('x').get())).rejects.toThrow('inside runTransaction')
    await expect(db.runTransaction(async () => db.runTransaction(async () => 1))).rejects.toThrow('nested')
    // The lock was released: plain calls work again.
    await expect(db.collection('system').count()).resolves.toEqual({ total: 0 })
    db.close()
  })

  test('queries inside a transaction and a leaked tx object are refused', async () => {
    const db = openDatabase(':memory:')
    let leaked: Parameters<Parameters<typeof db.runTransaction>[0]>[0] | undefined
    await expect(
      db.runTransaction(async (tx) => {
        leaked = tx
        ;(tx.collection('system') as unknown as { where(c: object): unknown }).where({})
      }),
    ).rejects.toThrow('single-document operations')
    await expect(
      leaked!
        .collection('system')
        .doc('a')
        .set({ data: { a: 1 } }),
    ).rejects.toThrow('already finished')
    db.close()
  })

  test('update reports only documents that changed (MongoDB nModified)', async () => {
    const db = openDatabase(':memory:')
    await db
      .collection('system')
      .doc('s')
      .set({ data: { a: 1 } })
    expect(
      (
        await db
          .collection('system')
          .doc('s')
          .update({ data: { a: 1 } })
      ).stats.updated,
    ).toBe(0)
    expect(
      (
        await db
          .collection('system')
          .doc('s')
          .update({ data: { a: 2 } })
      ).stats.updated,
    ).toBe(1)
    db.close()
  })

  test('update data the SDK would reduce to nothing, or that conflicts, is refused', async () => {
    const db = openDatabase(':memory:')
    const ref = db.collection('system').doc('s')
    await ref.set({ data: { a: { b: 1 }, n: 'text' } })
    await expect(ref.update({ data: { a: {} } })).rejects.toThrow('nothing to write')
    await expect(ref.update({ data: { a: { b: 2 }, 'a.b': 3 } })).rejects.toThrow('conflict')
    await expect(ref.update({ data: { n: db.command.inc(1) } })).rejects.toThrow('non-numeric')
    await expect(ref.update({ data: { 'n.x': 1 } })).rejects.toThrow('Cannot create field')
    await expect(ref.update({ data: { $set: { a: 1 } } })).rejects.toThrow('"$set"')
    expect((await ref.get()).data).toEqual({ _id: 's', a: { b: 1 }, n: 'text' })
    db.close()
  })

  test('non-JSON values are refused rather than silently changed', async () => {
    const db = openDatabase(':memory:')
    await expect(db.collection('system').add({ data: { at: new Date() } })).rejects.toThrow('JSON')
    await expect(db.collection('system').add({ data: { n: NaN } })).rejects.toThrow('non-finite')
    await expect(db.collection('system').add({ data: { 'a.b': 1 } })).rejects.toThrow('invalid field name')
    db.close()
  })

  test('10k documents: bulk insert and indexed queries stay fast', async () => {
    const db = openDatabase(path.join(dir, 'bench.db'))
    const docs = Array.from({ length: 10_000 }, (_, i) => ({
      companyId: `c${i % 500}`,
      officerIds: [`o${i % 300}`, `o${(i + 7) % 300}`],
      deptId: `d${i % 20}`,
      status: i % 10 === 0 ? 'open' : 'closed',
      checkInAt: 1_700_000_000_000 + i * 60_000,
      dueAt: 1_700_000_000_000 + i * 1000,
      exception: { review: i % 50 === 0 ? 'pending' : 'none' },
      region: `r${i % 5}`,
    }))
    let t = performance.now()
    const ids = await db.bulkInsert('inspections', docs)
    const insertMs = performance.now() - t
    expect(ids).toHaveLength(10_000)
    expect((await db.collection('inspections').count()).total).toBe(10_000)

    const _ = db.command
    t = performance.now()
    for (let i = 0; i < 50; i++) {
      const page = await db
        .collection('inspections')
        .where({ companyId: `c${i}` })
        .orderBy('checkInAt', 'desc')
        .limit(20)
        .get()
      expect(page.data).toHaveLength(20)
      const mine = await db
        .collection('inspections')
        .where({ officerIds: `o${i}` })
        .limit(100)
        .get()
      expect(mine.data.every((d) => (d.officerIds as string[]).includes(`o${i}`))).toBe(true)
    }
    const queryMs = (performance.now() - t) / 100
    const review = await db.collection('inspections').where({ 'exception.review': 'pending', region: 'r0' }).count()
    expect(review.total).toBe(200)
    const due = await db
      .collection('inspections')
      .where({ status: 'open', dueAt: _.lt(1_700_000_000_000 + 100_000) })
      .count()
    expect(due.total).toBe(10)
    db.close()
    // Generous bounds: this is a sanity check, not a benchmark.
    expect(insertMs).toBeLessThan(5000)
    expect(queryMs).toBeLessThan(20)
  }, 60_000) // 10k inserts and 100 queries: seconds on a loaded machine
})
