import { openDatabase } from '../../emulator/db'
import { GENESIS_HASH, verifyChain } from '@server/domain/hash-chain'
import { alertIdFor, raiseAlert } from '@server/store/alerts'
import { bumpCounters, counterId, emptyFigures } from '@server/store/counters'
import { figuresOf, presentFigures } from '@server/domain/dept-figures'
import { countingDatabase } from '../../bench/counting-db'
import { appendLedgerEntry, ledgerEntryId, ledgerHeadOf } from '@server/store/ledger'

/** The shared write helpers, on the emulator's SQLite port (no HTTP). */

const key = { deptId: 'dept_3607_amr', region: '3607', month: '2026-12' }

describe('bumpCounters', () => {
  it('creates the region document on first use and adds afterwards', async () => {
    const db = openDatabase(':memory:')
    await bumpCounters(db, key, { inspections: 1, quietExceptions: { pending: 1 } })
    await bumpCounters(db, key, { inspections: 1, ratings: { count: 2, sum: 9, bad: 0 }, complaints: { received: 1, open: 1 } })
    await bumpCounters(db, key, { quietExceptions: { pending: -1, justified: 1 }, overdue: 0 })
    await bumpCounters(db, { ...key, deptId: 'dept_3607_em' }, { repeated: 1 })
    const doc = (await db.collection('counters').doc(counterId(key.region, key.month)).get()).data as any
    expect(doc).toMatchObject({ region: '3607', city: '3607', month: '2026-12' })
    expect(doc.depts[key.deptId]).toMatchObject({
      inspections: 2,
      quietExceptions: { pending: 0, justified: 1, unjustified: 0 },
      ratings: { count: 2, sum: 9, bad: 0 },
      complaints: { received: 1, open: 1, overdue: 0 },
      overdue: 0,
      capRefusals: 0,
    })
    // Another department of the region: its own entry, only what was added to it.
    expect(doc.depts.dept_3607_em).toEqual({ repeated: 1 })
    expect(presentFigures(figuresOf(doc.depts[key.deptId]), 'supervisor', 1).ratings).toEqual({ count: 2, avg: 4.5, bad: 0 })
    expect((await db.collection('counters').count()).total).toBe(1)
    db.close()
  })

  it('is one update, no read and no transaction, when the document exists (created ahead); a county department goes to its county', async () => {
    const db = openDatabase(':memory:')
    await db
      .collection('counters')
      .doc('3607_2026-12')
      .set({ data: { region: '3607', city: '3607', month: '2026-12', depts: {} } })
    await db
      .collection('openNow')
      .doc('3607')
      .set({ data: { region: '3607', city: '3607', depts: {}, alerts: {} } })
    const counted = countingDatabase(db)
    await bumpCounters(counted, key, { inspections: 1, quietExceptions: { pending: 1 } })
    await bumpCounters(counted, key, { capRefusals: 1 })
    // A special case waiting is open now too: the region's open-now document moves with it.
    expect(counted.calls.map((c) => `${c.collection}.${c.op}`)).toEqual(['counters.doc.update', 'openNow.doc.update', 'counters.doc.update'])
    expect(((await db.collection('openNow').doc('3607').get()).data as any).depts).toEqual({ [key.deptId]: { pendingExceptions: 1 } })
    expect(((await db.collection('counters').doc('3607_2026-12').get()).data as any).depts).toEqual({
      [key.deptId]: { inspections: 1, quietExceptions: { pending: 1 }, capRefusals: 1 },
    })
    await bumpCounters(db, { deptId: 'dept_360702_amr', region: '360702', month: '2026-12' }, { inspections: 1 })
    expect((await db.collection('counters').doc('360702_2026-12').get()).data).toEqual({
      _id: '360702_2026-12',
      region: '360702',
      city: '3607',
      month: '2026-12',
      depts: { dept_360702_amr: { ...emptyFigures(), inspections: 1 } },
    })
    db.close()
  })

  it('loses no increment when many callers create the missing document at once', async () => {
    const db = openDatabase(':memory:')
    await Promise.all(Array.from({ length: 12 }, (_, i) => bumpCounters(db, { ...key, deptId: `d${i % 3}` }, { inspections: 1 })))
    const doc = (await db.collection('counters').doc(counterId(key.region, key.month)).get()).data as any
    expect([0, 1, 2].map((i) => doc.depts[`d${i}`].inspections)).toEqual([4, 4, 4])
    db.close()
  })
})

describe('appendLedgerEntry', () => {
  it('chains entries per company and moves the head', async () => {
    const db = openDatabase(':memory:')
    const base = { date: '2026-12-12', source: 'scan' as const, deptName: '市场监管局', officerNames: ['张伟'], purpose: '日常检查', unscanned: false }
    const genesis = { seq: 0, hash: GENESIS_HASH }
    const a = await db.runTransaction((tx) => appendLedgerEntry(tx, { now: 1 }, genesis, { ...base, companyId: 'co_1', inspectionId: 'insp_1', deptId: 'd' }))
    const b = await db.runTransaction((tx) =>
      appendLedgerEntry(
        tx,
        { now: 2 },
        { seq: a.seq, hash: a.hash },
        { ...base, companyId: 'co_1', source: 'manual', unscanned: true, matchedInspectionId: null },
      ),
    )
    const other = await db.runTransaction((tx) => appendLedgerEntry(tx, { now: 3 }, genesis, { ...base, companyId: 'co_2' }))
    expect([a.seq, b.seq, other.seq]).toEqual([1, 2, 1])
    expect(a.prevHash).toBe(GENESIS_HASH)
    expect(b.prevHash).toBe(a.hash)
    expect(b._id).toBe(ledgerEntryId('co_1', 2))
    const stored = (await db.collection('ledger').where({ companyId: 'co_1' }).orderBy('seq', 'asc').get()).data as any[]
    expect(verifyChain(stored)).toMatchObject({ ok: true, brokenAt: null })
    stored[0].purpose = '被改过'
    expect(verifyChain(stored)).toMatchObject({ ok: false, brokenAt: 1 })
    db.close()
  })
})

describe('ledgerHeadOf', () => {
  it('reads the head from the company gate; a company without entries starts at the genesis hash', () => {
    const company = { _id: 'co_1', name: 'x' } as any
    expect(ledgerHeadOf({ ...company, gate: { ledger: { seq: 3, hash: 'h3' } } })).toEqual({ seq: 3, hash: 'h3' })
    expect(ledgerHeadOf(company)).toEqual({ seq: 0, hash: GENESIS_HASH })
  })
})

describe('raiseAlert', () => {
  it('writes an alert with its city; a fixed id makes it idempotent', async () => {
    const db = openDatabase(':memory:')
    const id = alertIdFor('overdue', 'inspections/insp_1')
    await raiseAlert(db, { id, kind: 'overdue', ref: 'inspections/insp_1', at: 5, region: '360702', deptId: 'd' })
    await db.runTransaction((tx) => raiseAlert(tx, { id, kind: 'overdue', ref: 'inspections/insp_1', at: 6, region: '360702', deptId: 'd' }))
    await raiseAlert(db, { kind: 'repeated', ref: 'inspections/insp_2', at: 7, region: '360702' })
    const all = (await db.collection('alerts').get()).data
    expect(all).toHaveLength(2)
    expect(all.find((x) => x.kind === 'overdue')).toMatchObject({ city: '3607', resolved: false, at: 6 })
    db.close()
  })
})
