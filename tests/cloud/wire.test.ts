import path from 'node:path'
import { startLocalCloud, type LocalCloud } from '../../emulator/cloud-wire/local-cloud'
import { FunctionRunner } from '../../emulator/cloud-wire/runner'

/**
 * The wire protocol itself, with the real wx-server-sdk 4.0.2 on Node 16 (a probe function,
 * tests/cloud/probe/): what the SDK sends is understood and what comes back is what the
 * handlers' code reads — results, merged updates, transactions, and the SDK's own errors.
 */

let cloud: LocalCloud
let probe: FunctionRunner
const run = async (scenario: string) => (await probe.call('probe', { scenario })).result as Record<string, any>

beforeAll(async () => {
  cloud = await startLocalCloud()
  probe = new FunctionRunner({ contextConfig: cloud.wire.contextConfig, functionsDir: path.join(__dirname, 'probe') })
})
afterAll(async () => {
  await probe?.close()
  await cloud?.close()
})

it('reads, writes and queries as the SDK encodes them', async () => {
  const r = await run('crud')
  expect(r.afterUpdate).toMatchObject({ kind: 'probe', n: 3, list: ['a', 'b'], nested: { keep: 1, change: 2 } })
  expect(r.afterUpdate).not.toHaveProperty('drop')
  expect(r.set).toEqual({ _id: 'probe-set', kind: 'probe', n: 10 })
  expect(r.found).toEqual([10, 3])
  expect(r.counted).toBe(2)
  expect(r.paged).toEqual([10])
  expect(r.multi).toEqual({ updated: 2 })
  expect(r.removed).toEqual({ removed: 1 })
})

it('a missing document fails with the SDK’s own words', async () => {
  expect((await run('missing')).error.message).toBe('document.get:fail document with _id no-such-doc does not exist')
})

it('a collection that does not exist fails with -502005', async () => {
  const { error } = await run('noCollection')
  expect(error.errCode).toBe(-502005)
  expect(error.message).toMatch(/^collection\.get:fail -502005 /)
})

it('a transaction commits all its writes; one that throws leaves nothing behind', async () => {
  const r = await run('transaction')
  expect(r.committed.missingInTx.error.message).toBe('document.get:fail document with _id probe-tx does not exist')
  expect(r.rolledBack).toBe('changed my mind')
  expect(r.after).toEqual({ _id: 'probe-tx', n: 2 })
  expect((await cloud.db.collection('audit').where({ action: 'probe.tx' }).count()).total).toBe(1)
  expect(cloud.wire.stats.calls['database.abortTransaction']).toBe(1)
})
