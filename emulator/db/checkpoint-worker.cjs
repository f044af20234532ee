'use strict'
/**
 * The checkpointer's thread (started by checkpointer.ts; read that file first). Plain
 * CommonJS needing only better-sqlite3, so it loads the same way whether the emulator runs
 * under tsx, jest's transform or a bundle: a worker thread gets no TypeScript loader.
 *
 * It owns a second connection to the database file and, every `pollMs`:
 *  - asks SQLite how many WAL frames are not yet in the database file
 *    (`wal_checkpoint(NOOP)`: reads the WAL index, takes no lock, does no I/O);
 *  - at `pages` or more, copies them (`wal_checkpoint(PASSIVE)`: never waits, never blocks
 *    the writer, which goes on committing meanwhile);
 *  - after `idleMs` without a commit, once, `wal_checkpoint(TRUNCATE)`, which empties the
 *    -wal file (it takes the write lock for a moment, so only when nothing is written).
 * What it saw goes to the shared Int32Array for the main thread (the hard limit there).
 *
 * Every file access goes through SQLite: opening and closing a file descriptor of the
 * database, -wal or -shm file in this process would drop the POSIX locks SQLite holds on
 * it (only `statSync` of the -wal file, which opens nothing, is used here).
 */
const { parentPort, workerData } = require('node:worker_threads')
const { statSync } = require('node:fs')

const { file, driver, pages, pollMs, idleMs, layout } = workerData
const { SLOT, STATE } = layout
const shared = new Int32Array(workerData.shared)

let db = null
let timer = null
let done = false

function walBytes() {
  try {
    return statSync(file + '-wal').size
  } catch {
    return 0
  }
}

/** Closes the connection, then says so (the main thread waits for this in close()). */
function finish(state, error) {
  if (done) return
  done = true
  if (timer) clearTimeout(timer)
  timer = null
  try {
    if (db) db.close()
  } catch {
    // closing a connection that never read anything cannot fail in a way that matters
  }
  db = null
  if (error) parentPort.postMessage({ error: String((error && error.stack) || error) })
  Atomics.store(shared, SLOT.state, state)
  Atomics.notify(shared, SLOT.state)
  parentPort.close()
}

function publish(r) {
  Atomics.store(shared, SLOT.log, r.log)
  Atomics.store(shared, SLOT.checkpointed, r.checkpointed)
  if (r.log > Atomics.load(shared, SLOT.maxLog)) Atomics.store(shared, SLOT.maxLog, r.log)
}

function start() {
  // close() may have come before this thread even ran: then never open the file.
  if (Atomics.compareExchange(shared, SLOT.state, STATE.starting, STATE.opening) !== STATE.starting) return finish(STATE.closed)
  let noop, passive, truncate
  try {
    const Database = require(driver)
    db = new Database(file, { fileMustExist: true })
    // PASSIVE never waits; TRUNCATE gives up at once (answers busy) rather than wait.
    db.pragma('busy_timeout = 0')
    // A checkpoint syncs with its own connection's setting: NORMAL (as the main connection)
    // syncs the WAL before copying it and the database file before the WAL is reused.
    db.pragma('synchronous = NORMAL')
    noop = db.prepare('PRAGMA wal_checkpoint(NOOP)')
    passive = db.prepare('PRAGMA wal_checkpoint(PASSIVE)')
    truncate = db.prepare('PRAGMA wal_checkpoint(TRUNCATE)')
    publish(noop.get())
  } catch (err) {
    return finish(STATE.failed, err)
  }
  if (Atomics.compareExchange(shared, SLOT.state, STATE.opening, STATE.running) !== STATE.opening) return finish(STATE.closed)

  let lastLog = -1
  let quietSince = Date.now()
  let truncated = false
  const tick = () => {
    timer = null
    if (Atomics.load(shared, SLOT.state) !== STATE.running) return finish(STATE.closed)
    try {
      let r = noop.get()
      const now = Date.now()
      if (r.log - r.checkpointed >= pages) {
        r = passive.get()
        Atomics.add(shared, SLOT.background, 1)
        quietSince = now
        truncated = false
      } else if (r.log !== lastLog) {
        quietSince = now
        truncated = false
      } else if (!truncated && now - quietSince >= idleMs && (r.log > 0 || walBytes() > 0)) {
        r = truncate.get()
        if (!r.busy) {
          truncated = true
          Atomics.add(shared, SLOT.truncates, 1)
        }
      }
      // -1 when the main connection held the checkpoint lock (its hard-limit fallback).
      if (r.log < 0) r = noop.get()
      lastLog = r.log
      publish(r)
    } catch (err) {
      return finish(STATE.failed, err)
    }
    timer = setTimeout(tick, pollMs)
  }
  parentPort.on('message', () => {
    if (Atomics.load(shared, SLOT.state) !== STATE.running) finish(STATE.closed)
  })
  timer = setTimeout(tick, pollMs)
}

start()
