// A cloud function for tests/cloud/wire.test.ts: runs one database scenario with the real
// wx-server-sdk and answers what the SDK gave back (or the error it raised, as the
// handlers would see it). Not deployed; plain CommonJS for Node 16.
'use strict'
const cloud = require('wx-server-sdk')

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })

const errorOf = (err) => ({ error: { message: String(err && err.message), errCode: err && err.errCode } })

const scenarios = {
  async crud(db) {
    const _ = db.command
    const c = db.collection('system')
    const added = await c.add({ data: { kind: 'probe', n: 1, list: ['a'], nested: { keep: 1, change: 1 }, drop: true } })
    await c.doc(added._id).update({ data: { n: _.inc(2), list: _.push(['b']), nested: { change: 2 }, drop: _.remove() } })
    const afterUpdate = (await c.doc(added._id).get()).data
    await c.doc('probe-set').set({ data: { kind: 'probe', n: 10 } })
    const set = (await c.doc('probe-set').get()).data
    const found = (
      await c
        .where({ kind: 'probe', n: _.gt(1).and(_.lt(100)) })
        .orderBy('n', 'desc')
        .get()
    ).data.map((d) => d.n)
    const counted = (await c.where(_.or([{ n: 3 }, { n: 10 }])).count()).total
    const paged = (await c.where({ kind: 'probe' }).orderBy('n', 'asc').skip(1).limit(1).get()).data.map((d) => d.n)
    const multi = (await c.where({ kind: 'probe' }).update({ data: { seen: true } })).stats
    const removed = (await c.doc('probe-set').remove()).stats
    return { afterUpdate, set, found, counted, paged, multi, removed }
  },
  async missing(db) {
    try {
      await db.collection('system').doc('no-such-doc').get()
      return { got: true }
    } catch (err) {
      return errorOf(err)
    }
  },
  async noCollection(db) {
    try {
      await db.collection('no_such_collection').where({ a: 1 }).get()
      return { got: true }
    } catch (err) {
      return errorOf(err)
    }
  },
  async transaction(db) {
    const _ = db.command
    const committed = await db.runTransaction(async (tx) => {
      const got = await tx
        .collection('system')
        .doc('probe-tx')
        .get()
        .catch((err) => errorOf(err))
      await tx
        .collection('system')
        .doc('probe-tx')
        .set({ data: { n: 1 } })
      await tx
        .collection('system')
        .doc('probe-tx')
        .update({ data: { n: _.inc(1) } })
      await tx.collection('audit').add({ data: { at: 1, actor: 'probe', action: 'probe.tx' } })
      return { missingInTx: got }
    })
    let rolledBack
    try {
      await db.runTransaction(async (tx) => {
        await tx
          .collection('system')
          .doc('probe-tx')
          .update({ data: { n: _.inc(100) } })
        throw new Error('changed my mind')
      })
    } catch (err) {
      rolledBack = String(err.message)
    }
    const after = (await db.collection('system').doc('probe-tx').get()).data
    return { committed, rolledBack, after }
  },
}

exports.main = async (event) => scenarios[event.scenario](cloud.database())
