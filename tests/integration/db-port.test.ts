import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Database, DocData } from '@server/platform/db'
import { isNotFound, isWriteConflict, MAX_GET, SDK_GET_LIMIT, withConflictRetry } from '@server/platform/db'
import { openDatabase, type EmulatorDatabase } from '../../emulator/db'

/**
 * Conformance suite for the database port: what handlers may rely on, with the cloud's
 * limits. Written against the port only, so it can run against any implementation
 * (the emulator on SQLite here; a sandbox cloud environment later).
 */
export function describePortConformance(name: string, makeDb: () => Promise<{ db: Database; close?: () => void }>): void {
  describe(`database port conformance: ${name}`, () => {
    let db: Database
    let close: (() => void) | undefined
    beforeEach(async () => {
      ;({ db, close } = await makeDb())
    })
    afterEach(() => close?.())

    const ids = (docs: DocData[]): string[] => docs.map((d) => String(d._id))
    /** Resolves to the error, whether the call throws synchronously or rejects. */
    async function failure(fn: () => unknown): Promise<Error> {
      try {
        await fn()
      } catch (err) {
        return err as Error
      }
      throw new Error('expected a failure')
    }
    async function seed(collection: string, docs: DocData[]): Promise<void> {
      for (const data of docs) await db.collection(collection).add({ data })
    }

    describe('documents', () => {
      test('add then get round-trips JSON types exactly and drops undefined', async () => {
        const data = {
          int: 42,
          neg: -7,
          float: 0.1 + 0.2,
          zero: 0,
          big: 2 ** 53 - 1,
          t: true,
          f: false,
          nil: null,
          str: '企检码 ✓ "quoted" \\ \n',
          emptyStr: '',
          arr: [1, 'a', null, [2, [3]], { k: false }],
          emptyArr: [],
          obj: { nested: { deep: [{ x: 1 }] }, empty: {} },
          gone: undefined,
          inner: { keep: 1, gone: undefined },
        }
        const { _id } = await db.collection('system').add({ data })
        expect(typeof _id).toBe('string')
        const { data: got } = await db.collection('system').doc(String(_id)).get()
        const { gone: _g, inner: _i, ...rest } = data
        expect(got).toEqual({ _id, ...rest, inner: { keep: 1 } })
        expect(Object.prototype.hasOwnProperty.call(got, 'gone')).toBe(false)
        expect(Object.prototype.hasOwnProperty.call(got.inner, 'gone')).toBe(false)
        expect(got.float).toBe(0.1 + 0.2)
        expect(got.zero).toBe(0)
      })

      test('add respects a provided _id and rejects a duplicate', async () => {
        const { _id } = await db.collection('system').add({ data: { _id: 'fixed-1', v: 1 } })
        expect(_id).toBe('fixed-1')
        expect((await db.collection('system').doc('fixed-1').get()).data).toEqual({ _id: 'fixed-1', v: 1 })
        await expect(db.collection('system').add({ data: { _id: 'fixed-1', v: 2 } })).rejects.toThrow()
        expect((await db.collection('system').doc('fixed-1').get()).data.v).toBe(1)
      })

      test('add generates distinct ids', async () => {
        const a = await db.collection('system').add({ data: { v: 1 } })
        const b = await db.collection('system').add({ data: { v: 1 } })
        expect(a._id).not.toBe(b._id)
        expect(String(a._id).length).toBeGreaterThanOrEqual(16)
      })

      test('doc().get() of a missing document rejects with "document with _id … does not exist"', async () => {
        const err = await failure(() => db.collection('system').doc('nope').get())
        expect(err.message).toContain('document with _id nope does not exist')
        expect(isNotFound(err)).toBe(true)
      })

      test('a unique index rejects a duplicate value', async () => {
        await db.collection('users').add({ data: { openid: 'o1', roles: [] } })
        await expect(db.collection('users').add({ data: { openid: 'o1', roles: [] } })).rejects.toThrow()
        await expect(db.collection('users').add({ data: { openid: 'o2', roles: [] } })).resolves.toBeDefined()
      })

      test('set creates, then replaces the whole document', async () => {
        const ref = db.collection('system').doc('s1')
        await ref.set({ data: { a: 1, b: { c: 2 } } })
        expect((await ref.get()).data).toEqual({ _id: 's1', a: 1, b: { c: 2 } })
        await ref.set({ data: { b: { d: 3 } } })
        expect((await ref.get()).data).toEqual({ _id: 's1', b: { d: 3 } })
      })

      test('set refuses _id in data and update operators', async () => {
        await expect(
          failure(() =>
            db
              .collection('system')
              .doc('s2')
              .set({ data: { _id: 's2', a: 1 } }),
          ),
        ).resolves.toBeInstanceOf(Error)
        await expect(
          failure(() =>
            db
              .collection('system')
              .doc('s2')
              .set({ data: { n: db.command.inc(1) } }),
          ),
        ).resolves.toBeInstanceOf(Error)
        await expect(db.collection('system').doc('s2').get()).rejects.toThrow()
      })

      test('update merges nested objects (sets a.b only) and dot paths', async () => {
        const ref = db.collection('inspections').doc('i1')
        await ref.set({ data: { status: 'open', exception: { review: 'none', note: 'keep', extra: { x: 1 } } } })
        const res = await ref.update({ data: { exception: { review: 'pending' }, 'exception.extra.y': 2 } })
        expect(res.stats.updated).toBe(1)
        expect((await ref.get()).data).toEqual({ _id: 'i1', status: 'open', exception: { review: 'pending', note: 'keep', extra: { x: 1, y: 2 } } })
      })

      test('update creates missing parents', async () => {
        const ref = db.collection('system').doc('u0')
        await ref.set({ data: { a: 1 } })
        await ref.update({ data: { 'b.c.d': true } })
        expect((await ref.get()).data).toEqual({ _id: 'u0', a: 1, b: { c: { d: true } } })
      })

      test('update operators: inc, push (one and many), remove', async () => {
        const _ = db.command
        const ref = db.collection('counters').doc('c1')
        await ref.set({ data: { total: 1, tags: ['a'], gone: 'x', nested: { n: 5 } } })
        await ref.update({ data: { total: _.inc(2), fresh: _.inc(3), tags: _.push('b'), 'nested.n': _.inc(-1), gone: _.remove() } })
        await ref.update({ data: { tags: _.push(['c', 'd']), list: _.push([1]) } })
        expect((await ref.get()).data).toEqual({ _id: 'c1', total: 3, fresh: 3, tags: ['a', 'b', 'c', 'd'], nested: { n: 4 }, list: [1] })
      })

      test('inc on a missing nested path creates it (dot path or nested object), beside what is there', async () => {
        const _ = db.command
        const ref = db.collection('counters').doc('3607_2026-12')
        await ref.set({ data: { region: '3607', depts: { d1: { inspections: 2, ratings: { count: 1, sum: 4, bad: 0 } } } } })
        const res = await ref.update({
          data: { 'depts.d1.inspections': _.inc(1), 'depts.d1.ratings.bad': _.inc(1), 'depts.d2.quietExceptions.pending': _.inc(1) },
        })
        expect(res.stats.updated).toBe(1)
        await ref.update({ data: { depts: { d3: { complaints: { open: _.inc(-1) } } } } })
        expect((await ref.get()).data).toEqual({
          _id: '3607_2026-12',
          region: '3607',
          depts: { d1: { inspections: 3, ratings: { count: 1, sum: 4, bad: 1 } }, d2: { quietExceptions: { pending: 1 } }, d3: { complaints: { open: -1 } } },
        })
      })

      test('update of a missing document answers updated: 0 and creates nothing', async () => {
        const res = await db
          .collection('system')
          .doc('ghost')
          .update({ data: { a: 1 } })
        expect(res.stats.updated).toBe(0)
        await expect(db.collection('system').doc('ghost').get()).rejects.toThrow()
      })

      test('update refuses _id', async () => {
        await db
          .collection('system')
          .doc('u1')
          .set({ data: { a: 1 } })
        await failure(() =>
          db
            .collection('system')
            .doc('u1')
            .update({ data: { _id: 'other' } }),
        )
        expect((await db.collection('system').doc('u1').get()).data).toEqual({ _id: 'u1', a: 1 })
      })

      test('remove deletes; removing again answers removed: 0', async () => {
        const ref = db.collection('system').doc('r1')
        await ref.set({ data: { a: 1 } })
        expect((await ref.remove()).stats.removed).toBe(1)
        await expect(ref.get()).rejects.toThrow('does not exist')
        expect((await ref.remove()).stats.removed).toBe(0)
      })

      test('returned documents are copies', async () => {
        await db
          .collection('system')
          .doc('copy')
          .set({ data: { list: [1] } })
        const first = await db.collection('system').doc('copy').get()
        ;(first.data.list as number[]).push(2)
        expect((await db.collection('system').doc('copy').get()).data.list).toEqual([1])
      })
    })

    describe('queries', () => {
      beforeEach(async () => {
        await seed('plans', [
          { _id: 'p1', deptId: 'd1', status: 'open', companyIds: ['c1', 'c2'], score: 5, label: 'b', flag: true },
          { _id: 'p2', deptId: 'd1', status: 'done', companyIds: ['c2'], score: 1, label: 'a', flag: false },
          { _id: 'p3', deptId: 'd2', status: 'open', companyIds: [], score: '5', label: 'c' },
          { _id: 'p4', deptId: 'd2', status: 'open', companyIds: ['c3'], score: 9, label: null, meta: { level: 2, tags: ['x'] } },
        ])
      })
      const find = async (cond: DocData) => ids((await db.collection('plans').where(cond).get()).data)

      test('plain equality, several fields', async () => {
        expect(await find({ deptId: 'd1' })).toEqual(['p1', 'p2'])
        expect(await find({ deptId: 'd2', status: 'open' })).toEqual(['p3', 'p4'])
        expect(await find({ deptId: 'd9' })).toEqual([])
      })

      test('equality against an array field matches any element (and the whole array)', async () => {
        expect(await find({ companyIds: 'c2' })).toEqual(['p1', 'p2'])
        expect(await find({ companyIds: 'c3', status: 'open' })).toEqual(['p4'])
        expect(await find({ companyIds: ['c1', 'c2'] })).toEqual(['p1'])
        expect(await find({ companyIds: ['c2', 'c1'] })).toEqual([])
      })

      test('numbers, strings and booleans never compare equal across types', async () => {
        expect(await find({ score: 5 })).toEqual(['p1'])
        expect(await find({ score: '5' })).toEqual(['p3'])
        expect(await find({ flag: true })).toEqual(['p1'])
        expect(await find({ score: 1 })).toEqual(['p2'])
        expect(await find({ flag: 1 })).toEqual([])
      })

      test('null matches null and missing', async () => {
        expect(await find({ label: null })).toEqual(['p4'])
        expect(await find({ flag: null })).toEqual(['p3', 'p4'])
      })

      test('nested objects match field by field; dot paths too', async () => {
        expect(await find({ meta: { level: 2 } })).toEqual(['p4'])
        expect(await find({ 'meta.level': 2 })).toEqual(['p4'])
        expect(await find({ 'meta.tags': 'x' })).toEqual(['p4'])
        expect(await find({ meta: { level: 3 } })).toEqual([])
      })

      test('comparison operators stay within a type', async () => {
        const _ = db.command
        expect(await find({ score: _.gt(1) })).toEqual(['p1', 'p4'])
        expect(await find({ score: _.gte(5) })).toEqual(['p1', 'p4'])
        expect(await find({ score: _.lt(5) })).toEqual(['p2'])
        expect(await find({ score: _.lte(5) })).toEqual(['p1', 'p2'])
        expect(await find({ score: _.gt('4') })).toEqual(['p3'])
        expect(await find({ label: _.gte('b') })).toEqual(['p1', 'p3'])
      })

      test('eq, neq, in, nin, exists', async () => {
        const _ = db.command
        expect(await find({ status: _.eq('done') })).toEqual(['p2'])
        expect(await find({ status: _.neq('open') })).toEqual(['p2'])
        expect(await find({ flag: _.neq(true) })).toEqual(['p2', 'p3', 'p4'])
        expect(await find({ deptId: _.in(['d2', 'd9']) })).toEqual(['p3', 'p4'])
        expect(await find({ companyIds: _.in(['c1', 'c3']) })).toEqual(['p1', 'p4'])
        expect(await find({ companyIds: _.nin(['c2']) })).toEqual(['p3', 'p4'])
        expect(await find({ meta: _.exists(true) })).toEqual(['p4'])
        expect(await find({ flag: _.exists(false) })).toEqual(['p3', 'p4'])
        expect(await find({ label: _.exists(true) })).toEqual(['p1', 'p2', 'p3', 'p4'])
      })

      test('and / or at top level and at field level', async () => {
        const _ = db.command
        expect(
          ids(
            (
              await db
                .collection('plans')
                .where(_.or({ status: 'done' }, { companyIds: 'c3' }))
                .get()
            ).data,
          ),
        ).toEqual(['p2', 'p4'])
        expect(
          ids(
            (
              await db
                .collection('plans')
                .where(_.or([{ status: 'done' }, { score: '5' }]))
                .get()
            ).data,
          ),
        ).toEqual(['p2', 'p3'])
        expect(
          ids(
            (
              await db
                .collection('plans')
                .where(_.and({ deptId: 'd2' }, { score: _.gt(0) }))
                .get()
            ).data,
          ),
        ).toEqual(['p4'])
        expect(await find({ score: _.gt(1).and(_.lt(9)) })).toEqual(['p1'])
        expect(await find({ score: _.and(_.gte(1), _.lte(5)) })).toEqual(['p1', 'p2'])
        expect(await find({ score: _.lt(2).or(_.gt(8)) })).toEqual(['p2', 'p4'])
        expect(await find({ deptId: 'd1', score: _.or(_.eq(1), _.eq('5')) })).toEqual(['p2'])
      })

      test('a second where() replaces the first; queries are immutable', async () => {
        const base = db.collection('plans').where({ deptId: 'd1' })
        const other = base.where({ deptId: 'd2' })
        expect(ids((await base.get()).data)).toEqual(['p1', 'p2'])
        expect(ids((await other.get()).data)).toEqual(['p3', 'p4'])
      })

      test('count() counts every match', async () => {
        expect((await db.collection('plans').where({ status: 'open' }).count()).total).toBe(3)
        expect((await db.collection('plans').count()).total).toBe(4)
      })

      test('plain objects with "$" keys are never operators', async () => {
        const attempts: DocData[] = [
          { label: { $gt: '' } },
          { label: { $ne: null } },
          { $where: 'true' },
          { $or: [{ status: 'open' }] },
          { 'meta.$gt': '' },
          { meta: { $exists: true } },
        ]
        for (const cond of attempts) {
          let result: string[] | undefined
          try {
            result = ids((await db.collection('plans').where(cond).get()).data)
          } catch {
            continue // refusing the query is fine
          }
          expect({ cond, result }).toEqual({ cond, result: [] })
        }
      })

      test('operators smuggled inside eq/in values stay literal', async () => {
        const _ = db.command
        for (const make of [() => ({ label: _.eq({ $gt: '' }) }), () => ({ label: _.in([{ $gt: '' }]) })]) {
          let result: string[] = []
          try {
            result = ids((await db.collection('plans').where(make()).get()).data)
          } catch {
            result = []
          }
          expect(result).toEqual([])
        }
      })
    })

    describe('order, paging and the 100-document cap', () => {
      test('orderBy asc/desc on several fields; missing sorts lowest', async () => {
        await seed('audit', [
          { _id: 'a', target: 't1', at: 3 },
          { _id: 'b', target: 't2', at: 1 },
          { _id: 'c', target: 't1', at: 2 },
          { _id: 'd', target: 't2', at: 3 },
          { _id: 'e' },
        ])
        const q = db.collection('audit')
        expect(ids((await q.orderBy('at', 'asc').get()).data)).toEqual(['e', 'b', 'c', 'a', 'd'])
        expect(ids((await q.orderBy('at', 'desc').get()).data).slice(2)).toEqual(['c', 'b', 'e'])
        expect(
          ids(
            (
              await q
                .where({ target: db.command.exists(true) })
                .orderBy('target', 'desc')
                .orderBy('at', 'asc')
                .get()
            ).data,
          ),
        ).toEqual(['b', 'd', 'c', 'a'])
      })

      test('paging with ties visits every document exactly once, in order', async () => {
        const docs = Array.from({ length: 25 }, (_, i) => ({ _id: `t${String(i).padStart(2, '0')}`, target: 'x', at: i % 3 }))
        await seed('audit', docs)
        const seen: DocData[] = []
        for (let skip = 0; skip < 25; skip += 7) {
          seen.push(...(await db.collection('audit').where({ target: 'x' }).orderBy('at', 'desc').skip(skip).limit(7).get()).data)
        }
        expect(seen).toHaveLength(25)
        expect(new Set(ids(seen)).size).toBe(25)
        const ats = seen.map((d) => d.at as number)
        expect([...ats].sort((a, b) => b - a)).toEqual(ats)
      })

      test('get() answers 100 documents by default, up to 1000 with a limit; limit(>1000) fails loudly', async () => {
        const _ = db.command
        for (let i = 0; i < 130; i++) await db.collection('outbox').add({ data: { createdAt: i, n: i } })
        expect((await db.collection('outbox').get()).data).toHaveLength(MAX_GET)
        expect((await db.collection('outbox').limit(100).get()).data).toHaveLength(100)
        expect((await db.collection('outbox').limit(120).get()).data).toHaveLength(120)
        expect((await db.collection('outbox').limit(SDK_GET_LIMIT).get()).data).toHaveLength(130)
        expect(
          (
            await db
              .collection('outbox')
              .where({ n: _.gte(0) })
              .get()
          ).data,
        ).toHaveLength(100)
        expect((await db.collection('outbox').orderBy('createdAt', 'asc').skip(100).get()).data.map((d) => d.n)).toEqual(
          Array.from({ length: 30 }, (_, i) => 100 + i),
        )
        expect((await db.collection('outbox').count()).total).toBe(130)
        const err = await failure(() =>
          db
            .collection('outbox')
            .limit(SDK_GET_LIMIT + 1)
            .get(),
        )
        expect(err.message).toMatch(/limit/)
      })

      test('where().update and where().remove act on every match, beyond 100', async () => {
        const _ = db.command
        for (let i = 0; i < 120; i++) await db.collection('outbox').add({ data: { createdAt: i, batch: i < 110 ? 'A' : 'B' } })
        const upd = await db
          .collection('outbox')
          .where({ batch: 'A' })
          .update({ data: { sent: true, tries: _.inc(1) } })
        expect(upd.stats.updated).toBe(110)
        expect((await db.collection('outbox').where({ sent: true, tries: 1 }).count()).total).toBe(110)
        const rem = await db.collection('outbox').where({ batch: 'A' }).remove()
        expect(rem.stats.removed).toBe(110)
        expect((await db.collection('outbox').count()).total).toBe(10)
      })
    })

    describe('transactions', () => {
      test('commit: writes are visible and the callback value is returned', async () => {
        await db
          .collection('counters')
          .doc('k')
          .set({ data: { n: 1 } })
        const out = await db.runTransaction(async (tx) => {
          const { data } = await tx.collection('counters').doc('k').get()
          await tx
            .collection('counters')
            .doc('k')
            .update({ data: { n: (data.n as number) + 1 } })
          const added = await tx.collection('ledger').add({ data: { companyId: 'c1', seq: 1 } })
          await tx
            .collection('audit')
            .doc('a1')
            .set({ data: { target: 'k', at: 1 } })
          const seen = await tx.collection('counters').doc('k').get()
          return { added: added._id, n: seen.data.n }
        })
        expect(out.n).toBe(2)
        expect((await db.collection('counters').doc('k').get()).data.n).toBe(2)
        expect((await db.collection('ledger').doc(String(out.added)).get()).data).toMatchObject({ companyId: 'c1', seq: 1 })
        expect((await db.collection('audit').doc('a1').get()).data.target).toBe('k')
      })

      test('rollback: a throwing callback leaves nothing behind and its error comes out unchanged', async () => {
        class Refused extends Error {
          code = 'CONFLICT'
        }
        const refusal = new Refused('no')
        await db
          .collection('counters')
          .doc('k')
          .set({ data: { n: 1 } })
        await db
          .collection('counters')
          .doc('gone')
          .set({ data: { n: 9 } })
        const err = await failure(() =>
          db.runTransaction(async (tx) => {
            await tx
              .collection('counters')
              .doc('k')
              .update({ data: { n: db.command.inc(5) } })
            await tx
              .collection('counters')
              .doc('new')
              .set({ data: { n: 1 } })
            await tx.collection('counters').doc('gone').remove()
            await tx.collection('ledger').add({ data: { _id: 'L1', companyId: 'c', seq: 1 } })
            throw refusal
          }),
        )
        expect(err).toBe(refusal)
        expect((await db.collection('counters').doc('k').get()).data.n).toBe(1)
        expect((await db.collection('counters').doc('gone').get()).data.n).toBe(9)
        await expect(db.collection('counters').doc('new').get()).rejects.toThrow('does not exist')
        await expect(db.collection('ledger').doc('L1').get()).rejects.toThrow('does not exist')
      })

      test('update of a missing document inside a transaction answers updated: 0 as outside, and the transaction goes on', async () => {
        const out = await db.runTransaction(async (tx) => {
          const res = (await tx
            .collection('counters')
            .doc('ghost')
            .update({ data: { 'depts.d1.inspections': db.command.inc(1) } })) as { stats: { updated: number } }
          await tx
            .collection('counters')
            .doc('ghost')
            .set({ data: { depts: { d1: { inspections: 1 } } } })
          return res.stats.updated
        })
        expect(out).toBe(0)
        expect((await db.collection('counters').doc('ghost').get()).data).toEqual({ _id: 'ghost', depts: { d1: { inspections: 1 } } })
      })

      test('a missing document inside a transaction rejects as outside', async () => {
        const err = await failure(() => db.runTransaction(async (tx) => tx.collection('counters').doc('nope').get()))
        expect(err.message).toContain('document with _id nope does not exist')
        expect(isNotFound(err)).toBe(true)
        const handled = await db.runTransaction(async (tx) => {
          try {
            await tx.collection('counters').doc('nope').get()
            return 'found'
          } catch (e) {
            if (!isNotFound(e)) throw e
            await tx
              .collection('counters')
              .doc('nope')
              .set({ data: { n: 1 } })
            return 'created'
          }
        })
        expect(handled).toBe('created')
        expect((await db.collection('counters').doc('nope').get()).data.n).toBe(1)
      })

      test('concurrent read-modify-write transactions conflict instead of losing updates; retried, every one lands', async () => {
        await db
          .collection('counters')
          .doc('k')
          .set({ data: { n: 0 } })
        const bump = (on: Database) => () =>
          on.runTransaction(async (tx) => {
            const { data } = await tx.collection('counters').doc('k').get()
            await new Promise((r) => setTimeout(r, 5))
            await tx
              .collection('counters')
              .doc('k')
              .update({ data: { n: (data.n as number) + 1 } })
          })
        // As wx-server-sdk: no retry of its own; the losers fail with a write conflict.
        const plain = await Promise.allSettled(Array.from({ length: 8 }, bump(db)))
        const landed = plain.filter((r) => r.status === 'fulfilled').length
        const refused = plain.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
        expect(landed).toBeGreaterThanOrEqual(1)
        expect(refused.length).toBeGreaterThanOrEqual(1)
        for (const r of refused) expect(isWriteConflict(r.reason)).toBe(true)
        expect((await db.collection('counters').doc('k').get()).data.n).toBe(landed)
        // Retried on the conflict (what dispatch gives every handler): all land.
        await Promise.all(Array.from({ length: 8 }, bump(withConflictRetry(db))))
        expect((await db.collection('counters').doc('k').get()).data.n).toBe(landed + 8)
      })

      test('a transaction reads its snapshot: a write committed after it began is not seen, and writing that document conflicts', async () => {
        await db
          .collection('counters')
          .doc('k')
          .set({ data: { n: 1 } })
        let began!: () => void
        const started = new Promise<void>((r) => (began = r))
        let proceed!: () => void
        const go = new Promise<void>((r) => (proceed = r))
        const tx = db.runTransaction(async (t) => {
          await t
            .collection('counters')
            .doc('other')
            .get()
            .catch(() => null) // the snapshot is taken by now
          began()
          await go
          const seen = (await t.collection('counters').doc('k').get()).data.n
          await t
            .collection('counters')
            .doc('k')
            .update({ data: { n: 10 } })
          return seen
        })
        await started
        await db
          .collection('counters')
          .doc('k')
          .update({ data: { n: 2 } })
        proceed()
        const err = await failure(() => tx)
        expect(isWriteConflict(err)).toBe(true)
        expect((await db.collection('counters').doc('k').get()).data.n).toBe(2)
      })

      test('nobody sees uncommitted writes', async () => {
        await db
          .collection('counters')
          .doc('k')
          .set({ data: { n: 1 } })
        let wrote!: () => void
        const written = new Promise<void>((r) => (wrote = r))
        const tx = failure(() =>
          db.runTransaction(async (t) => {
            await t
              .collection('counters')
              .doc('k')
              .update({ data: { n: 2 } })
            wrote()
            await new Promise((r) => setTimeout(r, 20))
            throw new Error('abort')
          }),
        )
        await written
        const [read, count] = await Promise.all([db.collection('counters').doc('k').get(), db.collection('counters').where({ n: 2 }).count()])
        expect(read.data.n).toBe(1)
        expect(count.total).toBe(0)
        expect((await tx).message).toBe('abort')
      })
    })
  })
}

describePortConformance('emulator, in memory', async () => {
  const db = openDatabase(':memory:')
  return { db, close: () => db.close() }
})

describePortConformance('emulator, file (WAL)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'db-port-'))
  const db: EmulatorDatabase = openDatabase(path.join(dir, 'test.db'))
  return {
    db,
    close: () => {
      db.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
})
