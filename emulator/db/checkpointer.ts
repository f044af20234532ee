import path from 'node:path'
import { Worker } from 'node:worker_threads'
import type BetterSqlite3 from 'better-sqlite3'

/**
 * WAL checkpoints off the request path.
 *
 * In WAL mode a commit appends pages to the -wal file; a checkpoint copies them into the
 * database file and syncs both files. Left to itself SQLite checkpoints inside the commit
 * that takes the WAL past 1,000 pages: the request that happened to commit pays for the
 * copy and two fsyncs (≈ 3–4 ms each on the bench machine), which was the check-in's tail
 * (docs/PERFORMANCE.md, "Where the check-in's tail comes from").
 *
 * Here (mode 'background', the default for a file) the main connection never checkpoints
 * by itself (`wal_autocheckpoint = 0`); a worker thread with a second connection to the
 * same file (checkpoint-worker.cjs) watches the WAL and copies it (`PASSIVE`) once it holds
 * `pages` frames not yet in the database file, on the other core, while the main thread goes
 * on reading and committing — WAL allows one checkpoint beside readers and a writer. When
 * nothing has been committed for `idleMs` it empties the -wal file (`TRUNCATE`).
 *
 * Crash safety is unchanged. A checkpoint is not part of any transaction: SQLite lets any
 * connection to the file run it (that is what `PRAGMA wal_checkpoint` is for) and runs the
 * same code (sqlite3WalCheckpoint) under the same file locks as the automatic one, which
 * is only that call made by the committing connection. It copies only frames of committed
 * transactions, up to the last one no reader still needs; it syncs the WAL before it writes
 * the database file (a crash mid-copy is repaired by replaying the WAL on the next open)
 * and syncs the database file before the WAL may be reused (frames are never overwritten
 * while the database file may lack them). The sync flags come from the connection that
 * runs the checkpoint, so the worker's connection uses synchronous = NORMAL, as the main
 * one. Commits are untouched: an acknowledged write is in the -wal file when the call
 * answers, whoever copies it later (tests/integration/crash-safety.test.ts).
 *
 * Under writes with no pause (the bench commits back to back) a passive checkpoint rarely
 * catches the WAL's very end, and the WAL is only restarted from its beginning once it has
 * all been copied: it would grow without end. So past `hardLimit` frames the main thread
 * checkpoints itself once, between two operations (the engine's lock is held, no
 * transaction is open): little is left to copy by then, and the next commit restarts the
 * WAL. Disk use stays bounded by about `hardLimit` pages (plus what one transaction writes).
 * That operation pays the two fsyncs, the database file's one carrying every page the
 * thread copied since it last caught up (SQLite syncs the database file only when a
 * checkpoint reaches the WAL's end): ≈ 25 ms at 1M in the bench, once per ≈ 150 check-ins
 * there — above the p99, where the automatic checkpoint was in the p95. (The thread could
 * fsync the database file itself only through a file descriptor of its own, and closing
 * such a descriptor in this process would drop SQLite's POSIX locks on the file.)
 *
 * 'inline' is SQLite's own behaviour (a commit checkpoints at `pages` frames; what the
 * emulator did before, and what a thread failure falls back to); 'off' never checkpoints
 * while open (a diagnostic for the bench: the WAL grows until close). In-memory databases
 * have no WAL and no checkpoints.
 */

export type CheckpointMode = 'background' | 'inline' | 'off'

export interface CheckpointOptions {
  mode?: CheckpointMode
  /** Frames (pages) waiting in the WAL before they are copied; SQLite's default, 1,000. */
  pages?: number
  /** Frames in the WAL past which the main connection checkpoints itself (default 10 × pages). */
  hardLimit?: number
  /** How often the thread looks at the WAL, ms (default 50). */
  pollMs?: number
  /** Without a commit for this long, the thread empties the -wal file, ms (default 1,000). */
  idleMs?: number
}

export interface CheckpointStats {
  /** The mode in effect ('inline' after the thread failed). */
  mode: CheckpointMode
  /** Frames in the WAL, and how many of them are in the database file, at the thread's last look. */
  walFrames: number
  checkpointedFrames: number
  /** The most frames the thread saw in the WAL. */
  maxWalFrames: number
  /** Passive checkpoints and truncations the thread ran. */
  background: number
  truncates: number
  /** Checkpoints the main connection ran at the hard limit (and those that found the thread checkpointing), and the ms they took. */
  fallbacks: number
  fallbacksBusy: number
  fallbackMs: number
}

/** The shared Int32Array's slots and the thread's states (checkpoint-worker.cjs reads them from workerData). */
const SLOT = { state: 0, log: 1, checkpointed: 2, background: 3, truncates: 4, maxLog: 5 } as const
const STATE = { starting: 0, opening: 1, running: 2, closing: 3, closed: 4, failed: 5 } as const
const WORKER_FILE = path.join(__dirname, 'checkpoint-worker.cjs')
/** Operations between two looks at the WAL's size on the main connection (each look costs a few µs). */
const CHECK_EVERY = 16
/** How long close() waits for the thread to close its connection (it may be mid-checkpoint). */
const CLOSE_WAIT_MS = 30_000

export const DEFAULT_CHECKPOINT_PAGES = 1000

/**
 * Sets up checkpoints for a file database in WAL mode. Answers the background checkpointer
 * (null for 'inline' and 'off'); its `afterOperation()` must run after every operation of
 * the engine, and its `close()` before the main connection closes.
 */
export function startCheckpoints(raw: BetterSqlite3.Database, file: string, options: CheckpointMode | CheckpointOptions = {}): Checkpointer | null {
  const opts = typeof options === 'string' ? { mode: options } : options
  const pages = opts.pages ?? DEFAULT_CHECKPOINT_PAGES
  const mode = opts.mode ?? 'background'
  if (mode === 'inline') {
    raw.pragma(`wal_autocheckpoint = ${pages}`)
    return null
  }
  raw.pragma('wal_autocheckpoint = 0')
  if (mode === 'off') return null
  return new Checkpointer(raw, path.resolve(file), { pages, hardLimit: opts.hardLimit ?? 10 * pages, pollMs: opts.pollMs ?? 50, idleMs: opts.idleMs ?? 1000 })
}

export class Checkpointer {
  private readonly shared = new Int32Array(new SharedArrayBuffer(8 * Int32Array.BYTES_PER_ELEMENT))
  private readonly worker: Worker
  private mode: CheckpointMode = 'background'
  private closed = false
  private failure = ''
  private readonly noop: BetterSqlite3.Statement
  private operations = 0
  private fallbacks = 0
  private fallbacksBusy = 0
  private fallbackMs = 0

  constructor(
    private readonly raw: BetterSqlite3.Database,
    file: string,
    private readonly opts: { pages: number; hardLimit: number; pollMs: number; idleMs: number },
  ) {
    this.noop = raw.prepare('PRAGMA wal_checkpoint(NOOP)')
    this.worker = new Worker(WORKER_FILE, {
      workerData: {
        file,
        driver: require.resolve('better-sqlite3'),
        pages: opts.pages,
        pollMs: opts.pollMs,
        idleMs: opts.idleMs,
        layout: { SLOT, STATE },
        shared: this.shared.buffer,
      },
      // Plain JS: none of the parent's loaders (tsx) or flags.
      execArgv: [],
      stdout: false,
      stderr: false,
    })
    // Never what keeps the process alive (jest must exit; the CLI exits on SIGINT).
    this.worker.unref()
    const failed = (why: string) => {
      if (this.closed) return
      this.failure ||= why
      const state = Atomics.load(this.shared, SLOT.state)
      if (state !== STATE.closed) Atomics.store(this.shared, SLOT.state, STATE.failed)
      this.toInline()
    }
    this.worker.on('message', (m: { error?: string }) => m?.error && failed(m.error))
    this.worker.on('error', (err) => failed(String(err?.stack ?? err)))
    this.worker.on('exit', (code) => failed(`checkpointer thread exited (${code})`))
  }

  /**
   * After every operation of the engine (its lock held, no transaction open): every
   * `CHECK_EVERY` operations, look at the WAL on this connection (NOOP: no lock, no I/O, a
   * few µs) and past the hard limit checkpoint it here. Not the thread's figures: the bound
   * must hold when the thread is slow, stuck in a long fsync or starved of CPU.
   */
  afterOperation(): void {
    if (++this.operations % CHECK_EVERY !== 0 || this.closed) return
    if (Atomics.load(this.shared, SLOT.state) === STATE.failed) return this.toInline()
    if (this.raw.inTransaction) return
    const t = performance.now()
    try {
      const wal = this.noop.get() as { log: number; checkpointed: number }
      if (wal.log < this.opts.hardLimit || wal.checkpointed >= wal.log) return
      // PASSIVE: with no writer but this connection it copies all the rest, and the next
      // commit starts the WAL from its beginning again. Busy when the thread is
      // checkpointing right now: then the next look tries again.
      const done = this.raw.pragma('wal_checkpoint(PASSIVE)') as Array<{ busy: number }>
      if (done[0]?.busy) this.fallbacksBusy++
      else this.fallbacks++
      this.fallbackMs += performance.now() - t
    } catch {
      // An I/O error would show on the next commit too; the thread keeps checkpointing.
    }
  }

  stats(): CheckpointStats {
    const s = this.shared
    return {
      mode: this.mode,
      walFrames: Atomics.load(s, SLOT.log),
      checkpointedFrames: Atomics.load(s, SLOT.checkpointed),
      maxWalFrames: Atomics.load(s, SLOT.maxLog),
      background: Atomics.load(s, SLOT.background),
      truncates: Atomics.load(s, SLOT.truncates),
      fallbacks: this.fallbacks,
      fallbacksBusy: this.fallbacksBusy,
      fallbackMs: Math.round(this.fallbackMs * 100) / 100,
    }
  }

  /**
   * Stops the thread and waits until its connection is closed (it may be finishing a
   * checkpoint), so that the main connection closes last: SQLite's close of the last
   * connection checkpoints what is left and deletes the -wal file, as before, and the
   * caller may then move or delete the files.
   */
  close(): void {
    if (this.closed) return
    this.closed = true
    const s = this.shared
    let state = Atomics.compareExchange(s, SLOT.state, STATE.starting, STATE.closed)
    while (state === STATE.opening || state === STATE.running) {
      const seen = Atomics.compareExchange(s, SLOT.state, state, STATE.closing)
      if (seen === state) state = STATE.closing
      else state = seen
    }
    if (state === STATE.closing) {
      this.worker.postMessage('close')
      // No clock (a test may fake it): the thread notifies once, when its connection is closed.
      while (Atomics.load(s, SLOT.state) === STATE.closing) if (Atomics.wait(s, SLOT.state, STATE.closing, CLOSE_WAIT_MS) === 'timed-out') break
      if (Atomics.load(s, SLOT.state) === STATE.closing)
        console.warn(
          `checkpointer: the thread did not close its connection within ${CLOSE_WAIT_MS} ms; the -wal file may be left (it is replayed on the next open)`,
        )
    }
    void this.worker.terminate()
  }

  /** The thread failed: SQLite's own checkpoints on commit, as before. */
  private toInline(): void {
    if (this.mode === 'inline' || this.closed) return
    this.mode = 'inline'
    this.raw.pragma(`wal_autocheckpoint = ${this.opts.pages}`)
    console.warn(`checkpointer: ${this.failure || 'the thread failed'}; WAL checkpoints run on commit again`)
  }
}
