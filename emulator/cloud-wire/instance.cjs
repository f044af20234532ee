// One WeChat cloud function instance, run by the deployed runtime's Node (runtime/): loads
// the deployed bundle once (cold start), then serves one call at a time, as SCF does. The
// caller's identity travels as the cloud sends it, in the process environment
// (WX_OPENID, read by cloud.getWXContext()); a timer trigger has none.
// Messages (IPC): { id, event, openid?, now? } → { id, ok, result | error, ms, unhandled }.
'use strict'
const path = require('path')

const [fn, functionsDir] = process.argv.slice(2)
// The test's clock: the function reads Date.now() (server/platform/cloud.ts); shift it so it
// runs on from the instant the caller's clock shows.
const realNow = Date.now.bind(Date)
let offset = 0
Date.now = () => realNow() + offset

// An unhandled rejection would kill a Node 16 instance in the cloud: report each one.
let unhandled = []
process.on('unhandledRejection', (reason) => {
  unhandled.push(String((reason && reason.stack) || reason))
})

const main = require(path.join(functionsDir, fn, 'index.js')).main
let seq = 0

process.on('message', async (msg) => {
  if (msg === 'exit') process.exit(0)
  const { id, event, openid, now } = msg
  if (openid) process.env.WX_OPENID = openid
  else delete process.env.WX_OPENID
  offset = typeof now === 'number' ? now - realNow() : 0
  const context = {
    request_id: `${process.pid}-${++seq}`,
    function_name: fn,
    namespace: process.env.SCF_NAMESPACE,
    memory_limit_in_mb: 256,
    time_limit_in_ms: 20000,
  }
  const started = realNow()
  let reply
  try {
    reply = { id, ok: true, result: await main(event, context) }
  } catch (err) {
    reply = { id, ok: false, error: String((err && err.stack) || err) }
  }
  reply.ms = realNow() - started
  reply.unhandled = unhandled
  unhandled = []
  process.send(reply)
})
process.send({ ready: true, node: process.version })
