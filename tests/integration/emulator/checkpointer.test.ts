import { existsSync, mkdtempSync, readdirSync, readlinkSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { openDatabase, type CheckpointOptions, type EmulatorDatabase } from '../../../emulator/db'
import { startCheckpoints } from '../../../emulator/db/checkpointer'

/**
 * The WAL checkpointer (emulator/db/checkpointer.ts): checkpoints run on a thread of their
 * own, the WAL stays bounded under writes with no pause, close() leaves no thread and no
 * open file behind, and everything written is there after reopening. Small limits keep it
 * quick: 100 pages for the thread, 1,000 for the hard limit.
 */

const COLLECTIONS = { docs: { indexes: [{ fields: [['k', 'asc']] as Array<[string, 'asc' | 'desc']> }] } }
const SMALL: CheckpointOptions = { pages: 100, hardLimit: 1000, pollMs: 10, idleMs: 200 }
const FRAME = 4096 + 24

let dir: string
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'emu-ckpt-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const walBytes = (file: string) => (existsSync(file + '-wal') ? statSync(file + '-wal').size : 0)

/** Files of `under` this process holds open (Linux; null elsewhere). */
function openFilesUnder(under: string): string[] | null {
  if (!existsSync('/proc/self/fd')) return null
  const out: string[] = []
  for (const fd of readdirSync('/proc/self/fd')) {
    try {
      const target = readlinkSync(`/proc/self/fd/${fd}`)
      if (target.startsWith(under)) out.push(target)
    } catch {
      // closed meanwhile
    }
  }
  return out
}

/** Threads of this process (Linux; null elsewhere). */
const threads = () => (existsSync('/proc/self/task') ? readdirSync('/proc/self/task').length : null)

async function until(check: () => boolean, ms = 5000): Promise<boolean> {
  const end = Date.now() + ms
  while (!check()) {
    if (Date.now() > end) return false
    await new Promise((r) => setTimeout(r, 10))
  }
  return true
}

/** Back-to-back transactions (no pause between commits, as in the bench); answers the largest -wal file seen. */
async function burst(db: EmulatorDatabase, file: string, from: number, n: number): Promise<number> {
  let max = 0
  for (let i = from; i < from + n; i++) {
    await db.runTransaction(async (tx) => {
      await tx
        .collection('docs')
        .doc(`d${i}`)
        .set({ data: { k: i % 97, pad: 'x'.repeat(3000 + (i % 7) * 300) } })
      await tx
        .collection('docs')
        .doc(`e${i}`)
        .set({ data: { k: i, pad: 'y'.repeat(1500) } })
    })
    max = Math.max(max, walBytes(file))
  }
  return max
}

test('a burst of writes: the thread checkpoints, the WAL stays bounded, everything is there after reopen, idle empties the WAL', async () => {
  const file = path.join(dir, 'burst.db')
  const db = openDatabase(file, { collections: COLLECTIONS, checkpoints: SMALL })
  expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
  const max = await burst(db, file, 0, 3000)
  const stats = db.checkpointStats()!
  expect(stats.mode).toBe('background')
  expect(stats.background).toBeGreaterThan(0)
  // The hard limit (1,000 frames) plus what is written before the main connection next looks
  // and while the thread holds the checkpoint lock: generous, but far below the ≈ 15,000
  // frames the burst writes (the control below).
  expect(max).toBeLessThanOrEqual(4 * 1000 * FRAME)

  // Idle: the thread empties the -wal file.
  expect(await until(() => walBytes(file) === 0 && db.checkpointStats()!.truncates > 0)).toBe(true)

  db.close()
  expect(existsSync(file + '-wal')).toBe(false)
  const again = openDatabase(file, { collections: COLLECTIONS, checkpoints: 'off' })
  expect((await again.collection('docs').count()).total).toBe(6000)
  expect((await again.collection('docs').doc('d2999').get()).data).toMatchObject({ k: 2999 % 97 })
  again.close()
})

test('control: without checkpoints the same burst takes the WAL far past that bound', async () => {
  const file = path.join(dir, 'control.db')
  const db = openDatabase(file, { collections: COLLECTIONS, checkpoints: 'off' })
  expect(db.checkpointStats()).toBeNull()
  const max = await burst(db, file, 0, 3000)
  expect(max).toBeGreaterThan(8 * 1000 * FRAME)
  db.close()
  expect(existsSync(file + '-wal')).toBe(false) // the last connection's close checkpoints, as before
})

test('close() leaves no thread and no open file, at once or mid-burst; the directory can be deleted', async () => {
  const sub = mkdtempSync(path.join(dir, 'close-'))
  const before = threads()
  // Closed before the thread has even started.
  for (let i = 0; i < 10; i++) openDatabase(path.join(sub, `quick${i}.db`), { collections: COLLECTIONS }).close()
  // Closed while the thread is checkpointing.
  const file = path.join(sub, 'busy.db')
  const db = openDatabase(file, { collections: COLLECTIONS, checkpoints: { ...SMALL, hardLimit: 100_000 } })
  await burst(db, file, 0, 800)
  db.close()
  expect(existsSync(file + '-wal')).toBe(false)
  const open = openFilesUnder(sub)
  if (open) expect(open).toEqual([])
  if (before !== null) expect(await until(() => threads()! <= before)).toBe(true)
  rmSync(sub, { recursive: true })
  expect(existsSync(sub)).toBe(false)
})

test('in-memory databases have no WAL and no checkpointer', async () => {
  const db = openDatabase(':memory:', { collections: COLLECTIONS })
  expect(db.checkpointStats()).toBeNull()
  await db.collection('docs').add({ data: { k: 1 } })
  db.close()
})

test("'inline' is SQLite's own checkpoint on commit", () => {
  const db = openDatabase(path.join(dir, 'inline.db'), { collections: COLLECTIONS, checkpoints: 'inline' })
  expect(db.raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  expect(db.checkpointStats()).toBeNull()
  db.close()
})

test('a thread that cannot open the file: SQLite checkpoints on commit again', async () => {
  const warn = jest.spyOn(console, 'warn').mockImplementation(() => {})
  const raw = new BetterSqlite3(path.join(dir, 'failing.db'))
  raw.pragma('journal_mode = WAL')
  const checkpointer = startCheckpoints(raw, path.join(dir, 'missing', 'failing.db'))!
  expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(0)
  expect(await until(() => checkpointer.stats().mode === 'inline')).toBe(true)
  expect(raw.pragma('wal_autocheckpoint', { simple: true })).toBe(1000)
  expect(warn).toHaveBeenCalledWith(expect.stringContaining('WAL checkpoints run on commit again'))
  checkpointer.close()
  raw.close()
  warn.mockRestore()
})
