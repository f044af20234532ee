import { openDatabase } from '../../../emulator/db'
import { createPrng } from '../../../emulator/seed/prng'

/**
 * The emulator's query planner may answer a sorted, limited get() by walking the order
 * field's index (or `_id`) and stopping early, or by one hint plus per-row checks. Either
 * way the answer must be exactly what sorting every match gives: MongoDB order, missing
 * values last when descending, ties in insertion order.
 */

interface Doc {
  _id: string
  region: string
  city: string
  resolved: boolean
  at?: number | string
  ref: string
}

function reference(docs: Doc[], test: (d: Doc) => boolean, order: 'at' | '_id', desc: boolean, skip: number, limit: number): string[] {
  const rank = (v: unknown) => (v === undefined ? 0 : typeof v === 'number' ? 1 : 2)
  const rows = docs.map((d, i) => ({ d, i })).filter(({ d }) => test(d))
  rows.sort((a, b) => {
    const x = a.d[order]
    const y = b.d[order]
    let c = rank(x) - rank(y)
    if (c === 0 && x !== undefined && y !== undefined) c = x < y ? -1 : x > y ? 1 : 0
    if (c) return desc ? -c : c
    return a.i - b.i
  })
  return rows.slice(skip, skip + limit).map(({ d }) => d._id)
}

describe('query planner', () => {
  const rng = createPrng(42)
  const docs: Doc[] = []
  for (let i = 0; i < 3000; i++) {
    const region = rng.pick(['360702', '360703', '360722', '360781'])
    docs.push({
      _id: `al_${String(rng.int(0, 1e9)).padStart(10, '0')}_${i}`,
      region,
      city: '3607',
      resolved: rng.chance(0.7),
      ...(rng.chance(0.97) ? { at: rng.int(1, 400) } : {}), // many ties, a few missing
      ref: `inspections/${rng.int(1, 50)}`,
    })
  }

  test.each([
    ['city, unresolved, newest first', { city: '3607', resolved: false }, (d: Doc) => d.city === '3607' && !d.resolved, 0, 100],
    ['a county, skipping 30', { region: '360722', resolved: false }, (d: Doc) => d.region === '360722' && !d.resolved, 30, 50],
    ['a rare ref (few rows: one hint plus checks)', { ref: 'inspections/7', resolved: false }, (d: Doc) => d.ref === 'inspections/7' && !d.resolved, 0, 100],
    ['everything (walk runs out: missing values come last)', { city: '3607' }, () => true, 2950, 100],
  ])('%s, by at desc', async (_name, where, test, skip, limit) => {
    const db = openDatabase(':memory:')
    await db.bulkInsert(
      'alerts',
      docs.map((d) => ({ ...d })),
    )
    const got = await db.collection('alerts').where(where).orderBy('at', 'desc').skip(skip).limit(limit).get()
    expect(got.data.map((d) => d._id)).toEqual(reference(docs, test, 'at', true, skip, limit))
    db.close()
  })

  test('pages by _id with a cursor, and a string among numbers falls back to the full sort', async () => {
    const db = openDatabase(':memory:')
    const mixed = docs.map((d, i) => (i === 1234 ? { ...d, at: 'late' } : { ...d }))
    await db.bulkInsert('alerts', mixed)
    const _ = db.command
    const ids = [...mixed].map((d) => d._id).sort()
    const page = await db
      .collection('alerts')
      .where({ city: '3607', _id: _.gt(ids[500]) })
      .orderBy('_id', 'asc')
      .limit(100)
      .get()
    expect(page.data.map((d) => d._id)).toEqual(ids.slice(501, 601))
    const top = await db.collection('alerts').where({ city: '3607' }).orderBy('at', 'desc').limit(5).get()
    expect(top.data.map((d) => d._id)).toEqual(reference(mixed, () => true, 'at', true, 0, 5))
    expect(top.data[0].at).toBe('late')
    db.close()
  })
})
