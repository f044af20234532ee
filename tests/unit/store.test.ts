import { openDatabase } from '../../emulator/db'
import { GENESIS_HASH, verifyChain } from '@server/domain/hash-chain'
import { alertIdFor, raiseAlert } from '@server/store/alerts'
import { bumpCounters, counterId, toDeptFigures } from '@server/store/counters'
import { appendLedgerEntry, ledgerEntryId } from '@server/store/ledger'

/** The shared write helpers, on the emulator's SQLite port (no HTTP). */

const key = { deptId: 'dept_3607_amr', region: '3607', month: '2026-12' }

describe('bumpCounters', () => {
  it('creates the full document on first use and adds afterwards, in or out of a transaction', async () => {
    const db = openDatabase(':memory:')
    await bumpCounters(db, key, { inspections: 1, quietExceptions: { pending: 1 } })
    await db.runTransaction((tx) => bumpCounters(tx, key, { inspections: 1, ratings: { count: 2, sum: 9, bad: 0 }, complaints: { received: 1, open: 1 } }))
    await bumpCounters(db, key, { quietExceptions: { pending: -1, justified: 1 }, overdue: 0 })
    const doc = (await db.collection('counters').doc(counterId(key.deptId, key.month)).get()).data as any
    expect(doc).toMatchObject({
      deptId: key.deptId,
      region: '3607',
      city: '3607',
      month: '2026-12',
      inspections: 2,
      quietExceptions: { pending: 0, justified: 1, unjustified: 0 },
      ratings: { count: 2, sum: 9, bad: 0 },
      complaints: { received: 1, open: 1, overdue: 0 },
      overdue: 0,
      capRefusals: 0,
    })
    expect(toDeptFigures(doc).ratings).toEqual({ count: 2, avg: 4.5, bad: 0 })
    db.close()
  })

  it('rolls back with the transaction it joined', async () => {
    const db = openDatabase(':memory:')
    await expect(db.runTransaction(async (tx) => {
      await bumpCounters(tx, key, { inspections: 1 })
      throw new Error('refused')
    })).rejects.toThrow('refused')
    expect((await db.collection('counters').count()).total).toBe(0)
    db.close()
  })
})

describe('appendLedgerEntry', () => {
  it('chains entries per company and moves the head', async () => {
    const db = openDatabase(':memory:')
    const base = { date: '2026-12-12', source: 'scan' as const, deptName: '市场监管局', officerNames: ['张伟'], purpose: '日常检查', unscanned: false }
    const a = await db.runTransaction((tx) => appendLedgerEntry(tx, { now: 1 }, { ...base, companyId: 'co_1', inspectionId: 'insp_1', deptId: 'd' }))
    const b = await db.runTransaction((tx) => appendLedgerEntry(tx, { now: 2 }, { ...base, companyId: 'co_1', source: 'manual', unscanned: true, matchedInspectionId: null }))
    const other = await db.runTransaction((tx) => appendLedgerEntry(tx, { now: 3 }, { ...base, companyId: 'co_2' }))
    expect([a.seq, b.seq, other.seq]).toEqual([1, 2, 1])
    expect(a.prevHash).toBe(GENESIS_HASH)
    expect(b.prevHash).toBe(a.hash)
    expect(b._id).toBe(ledgerEntryId('co_1', 2))
    const stored = (await db.collection('ledger').where({ companyId: 'co_1' }).orderBy('seq', 'asc').get()).data as any[]
    expect(verifyChain(stored)).toMatchObject({ ok: true, brokenAt: null })
    expect((await db.collection('ledgerHeads').doc('co_1').get()).data).toMatchObject({ seq: 2, hash: b.hash })
    stored[0].purpose = '被改过'
    expect(verifyChain(stored)).toMatchObject({ ok: false, brokenAt: 1 })
    db.close()
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
