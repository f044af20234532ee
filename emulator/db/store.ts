import type BetterSqlite3 from 'better-sqlite3'
import type { IndexSpec } from '../../server/platform/collections'
import type { Hint } from './match'
import { docTooLargeError, duplicateKeyError, MAX_DOC_BYTES } from './errors'
import { parsePath, valuesAt } from './values'
import type { JsonDoc } from './update'

/**
 * The SQLite layer: one table per collection holding JSON documents (`c_<name>`), and a
 * multikey index table (`k_<name>`) with one row per scalar value each indexed field
 * path reaches, array elements included, so equality on `companyIds` or a range on
 * `dueAt` is an index lookup. Unique indexes are expression indexes on the documents
 * (a missing field counts as null, as in MongoDB). Statements are prepared once.
 */

export interface Row {
  rid: number
  doc: JsonDoc
}

export type CollectionSpecs = Record<string, { indexes: IndexSpec[] }>

/** Index rows counted at most when estimating how many rows a hint selects. */
const ESTIMATE_CAP = 1000
/** How much further tied wide hints are counted (index-only counts: still a few ms). */
const WIDE_ESTIMATE_FACTOR = 50
const RANGE_OPS = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/** `$."a"."b"`: segments are checked by parsePath (no quotes, no `$` prefix). */
const jsonPath = (path: string): string =>
  '$' +
  parsePath(path)
    .map((s) => `."${s}"`)
    .join('')

export class Store {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  private readonly indexed = new Map<string, Array<{ path: string; segs: string[] }>>()
  private readonly uniques = new Set<string>()

  constructor(
    readonly raw: BetterSqlite3.Database,
    collections: CollectionSpecs,
  ) {
    for (const [name, spec] of Object.entries(collections)) this.createCollection(name, spec.indexes)
  }

  has(name: string): boolean {
    return this.indexed.has(name)
  }

  /** True when the collection has a unique index besides `_id`. */
  hasUnique(name: string): boolean {
    return this.uniques.has(name)
  }

  private createCollection(name: string, indexes: IndexSpec[]): void {
    if (!NAME.test(name)) throw new Error(`invalid collection name "${name}"`)
    this.raw.exec(`
      CREATE TABLE IF NOT EXISTS "c_${name}" (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "k_${name}" (rid INTEGER NOT NULL, path TEXT NOT NULL, v TEXT NOT NULL, n REAL, s TEXT);
      CREATE INDEX IF NOT EXISTS "k_${name}_v" ON "k_${name}" (path, v);
      CREATE INDEX IF NOT EXISTS "k_${name}_rid" ON "k_${name}" (rid);
    `)
    // Range indexes hold only the rows of their type (a number is never in the string index):
    // half the index writes of a document. SQLite uses a partial index for \`n > ?\` because
    // the comparison implies \`n IS NOT NULL\`. Files made before: the full indexes are replaced once.
    for (const col of ['n', 's'] as const) {
      this.raw.exec(`DROP INDEX IF EXISTS "k_${name}_${col}"`)
      this.raw.exec(`CREATE INDEX IF NOT EXISTS "k_${name}_${col}p" ON "k_${name}" (path, ${col}) WHERE ${col} IS NOT NULL`)
    }
    const paths = new Map<string, string[]>()
    indexes.forEach((index, i) => {
      for (const [path] of index.fields) if (path !== '_id') paths.set(path, parsePath(path))
      if (index.unique) {
        this.uniques.add(name)
        const exprs = index.fields.map(([path]) => `ifnull(doc -> '${jsonPath(path)}', 'null')`).join(', ')
        this.raw.exec(`CREATE UNIQUE INDEX IF NOT EXISTS "u_${name}_${i}" ON "c_${name}" (${exprs})`)
      }
    })
    const list = [...paths].map(([path, segs]) => ({ path, segs }))
    this.indexed.set(name, list)
    // A file database written with other index paths: rebuild the multikey rows once.
    const signature = JSON.stringify(list.map((p) => p.path))
    this.raw.exec(`CREATE TABLE IF NOT EXISTS "_emulator_meta" (key TEXT PRIMARY KEY, value TEXT NOT NULL)`)
    const key = `keys:${name}`
    const old = this.raw.prepare(`SELECT value FROM "_emulator_meta" WHERE key = ?`).get(key) as { value: string } | undefined
    if (old?.value !== signature) {
      if (old) this.reindex(name)
      this.raw.prepare(`INSERT OR REPLACE INTO "_emulator_meta" (key, value) VALUES (?, ?)`).run(key, signature)
    }
  }

  private reindex(name: string): void {
    this.raw.prepare(`DELETE FROM "k_${name}"`).run()
    for (const row of this.scanWith(name, [])) this.writeKeys(name, row.rid, row.doc)
  }

  private stmt(sql: string): BetterSqlite3.Statement {
    let s = this.statements.get(sql)
    if (!s) {
      s = this.raw.prepare(sql)
      this.statements.set(sql, s)
    }
    return s
  }

  getById(name: string, id: string): Row | undefined {
    const r = this.stmt(`SELECT rid, doc FROM "c_${name}" WHERE id = ?`).get(id) as { rid: number; doc: string } | undefined
    return r && { rid: r.rid, doc: JSON.parse(r.doc) }
  }

  /** True when at least one hint can use an index (otherwise a query reads the whole collection). */
  usable(name: string, hints: Hint[]): boolean {
    return hints.some((h) => this.isIndexed(name, h))
  }

  private isIndexed(name: string, hint: Hint): boolean {
    if (hint.path === '_id') return hint.kind === 'eq'
    return this.indexed.get(name)!.some((p) => p.path === hint.path)
  }

  /**
   * The query planner's estimate: the usable hint that selects the fewest rows, counted
   * from the index up to `ESTIMATE_CAP` (an index-only count, so it stays cheap however
   * large the collection). `estimate` is Infinity when no hint can use an index.
   */
  bestHint(name: string, hints: Hint[]): { hint: Hint | null; estimate: number } {
    const pick = (cap: number, among: Hint[]) => {
      let best: { hint: Hint | null; estimate: number } = { hint: null, estimate: Infinity }
      for (const h of among) {
        if (!this.isIndexed(name, h)) continue
        const estimate = this.estimate(name, h, Math.min(cap, best.estimate))
        if (estimate < best.estimate || (estimate === best.estimate && best.hint?.kind === 'range' && h.kind === 'eq')) best = { hint: h, estimate }
      }
      return best
    }
    const first = pick(ESTIMATE_CAP, hints)
    // Two wide hints both reach the cap (a whole city, and its 3,000 red lights): count the
    // tied ones further before choosing, or the wider may drive the scan.
    const tied = first.estimate === ESTIMATE_CAP ? hints.filter((h) => this.isIndexed(name, h) && this.estimate(name, h, ESTIMATE_CAP) === ESTIMATE_CAP) : []
    return tied.length > 1 ? pick(ESTIMATE_CAP * WIDE_ESTIMATE_FACTOR, tied) : first
  }

  /** Rows `h` selects, counted up to `cap` (a hint reaching the best one so far can stop counting). */
  private estimate(name: string, h: Hint, cap: number): number {
    if (h.kind === 'eq' && h.path === '_id') return h.values.length
    const inner =
      h.kind === 'eq'
        ? `SELECT 1 FROM "k_${name}" WHERE path = ? AND v IN (SELECT value FROM json_each(?)) LIMIT ?`
        : `SELECT 1 FROM "k_${name}" WHERE path = ? AND ${typeof h.value === 'number' ? 'n' : 's'} ${RANGE_OPS[h.op]} ? LIMIT ?`
    const param = h.kind === 'eq' ? JSON.stringify(h.values.map((v) => JSON.stringify(v))) : h.value
    return (this.stmt(`SELECT count(*) AS n FROM (${inner})`).get(h.path, param, cap) as { n: number }).n
  }

  /**
   * Rows in the order of one field, for a sorted and limited get(): walks the field's
   * index (or the `_id` column) and keeps the rows `test` accepts, stopping after `need`
   * of them, the way a database walks a compound index instead of sorting every match.
   * Answers null when the walk cannot give the exact answer (the caller then sorts every
   * match): a non-`_id` field only descending and only while every indexed value of it is
   * a number (documents missing it sort last then); the walk running out before `need`
   * rows with no numeric range on the field (those missing it could follow); or more than
   * `budget` rows read.
   * Ties keep insertion order, as the full sort does.
   */
  walk(name: string, order: { path: string; desc: boolean }, hints: Hint[], test: (doc: unknown) => boolean, need: number, budget: number): Row[] | null {
    let sql: string
    const params: unknown[] = []
    let bounded = false
    if (order.path === '_id') {
      const clauses: string[] = []
      for (const h of hints) {
        if (h.path !== '_id' || h.kind !== 'range' || typeof h.value !== 'string') continue
        clauses.push(`id ${RANGE_OPS[h.op]} ?`)
        params.push(h.value)
      }
      sql = `SELECT rid, doc FROM "c_${name}"${clauses.length ? ' WHERE ' + clauses.join(' AND ') : ''} ORDER BY id ${order.desc ? 'DESC' : 'ASC'}`
    } else {
      if (!order.desc || !this.indexed.get(name)!.some((p) => p.path === order.path)) return null
      // Every indexed value a number: no string (the string index) and no boolean (the value index).
      if (this.stmt(`SELECT 1 FROM "k_${name}" WHERE path = ? AND s IS NOT NULL LIMIT 1`).get(order.path)) return null
      if (this.stmt(`SELECT 1 FROM "k_${name}" WHERE path = ? AND v IN ('true', 'false') LIMIT 1`).get(order.path)) return null
      // A numeric range on the order field bounds the walk; running out of it then means
      // every match was seen (a document missing the field cannot satisfy the range).
      const bounds = hints.filter((h): h is Extract<Hint, { kind: 'range' }> => h.kind === 'range' && h.path === order.path && typeof h.value === 'number')
      sql = `SELECT k.rid AS rid, c.doc AS doc FROM "k_${name}" k JOIN "c_${name}" c ON c.rid = k.rid WHERE k.path = ? AND k.n IS NOT NULL${bounds.map((b) => ` AND k.n ${RANGE_OPS[b.op]} ?`).join('')} ORDER BY k.n DESC, k.rid ASC`
      params.push(order.path, ...bounds.map((b) => b.value))
      bounded = bounds.length > 0
    }
    const out: Row[] = []
    const seen = new Set<number>()
    let read = 0
    for (const r of this.stmt(sql).iterate(...params) as IterableIterator<{ rid: number; doc: string }>) {
      if (++read > budget) return null
      if (seen.has(r.rid)) continue
      seen.add(r.rid)
      const doc = JSON.parse(r.doc)
      if (!test(doc)) continue
      out.push({ rid: r.rid, doc })
      if (out.length >= need) return out
    }
    return order.path === '_id' || bounded ? out : null
  }

  /**
   * Rows that may match, in insertion order: those the most selective usable hint selects
   * (the exact predicate filters them afterwards). One hint, not all of them: intersecting
   * a selective equality with a wide range (`companyId` and `checkInAt ≥ 60 days ago`)
   * would read every row of the range.
   */
  scan(name: string, hints: Hint[]): Row[] {
    const best = this.bestHint(name, hints).hint
    if (!best) return this.scanWith(name, [])
    return this.scanWith(name, [best, ...hints.filter((h) => h !== best)], true)
  }

  /**
   * With `drive`, the first hint selects the candidate rows (an index lookup) and every
   * other usable hint is checked per candidate (`EXISTS` on the rid index, named: left to
   * itself SQLite reads the whole `path = ?` range of a wide hint such as status), so a
   * wide range never has to be read in full.
   */
  private scanWith(name: string, hints: Hint[], drive = false): Row[] {
    const clauses: string[] = []
    const params: unknown[] = []
    for (const [i, h] of hints.entries()) {
      if (!this.isIndexed(name, h)) continue
      if (drive && i > 0) {
        if (h.kind === 'eq' && h.path === '_id') {
          clauses.push(`id IN (SELECT value FROM json_each(?))`)
          params.push(JSON.stringify(h.values.filter((v) => typeof v === 'string')))
        } else if (h.kind === 'eq') {
          clauses.push(
            `EXISTS (SELECT 1 FROM "k_${name}" x INDEXED BY "k_${name}_rid" WHERE x.rid = "c_${name}".rid AND x.path = ? AND x.v IN (SELECT value FROM json_each(?)))`,
          )
          params.push(h.path, JSON.stringify(h.values.map((v) => JSON.stringify(v))))
        } else {
          clauses.push(
            `EXISTS (SELECT 1 FROM "k_${name}" x INDEXED BY "k_${name}_rid" WHERE x.rid = "c_${name}".rid AND x.path = ? AND x.${typeof h.value === 'number' ? 'n' : 's'} ${RANGE_OPS[h.op]} ?)`,
          )
          params.push(h.path, h.value)
        }
        continue
      }
      if (h.kind === 'eq' && h.path === '_id') {
        clauses.push(`id IN (SELECT value FROM json_each(?))`)
        params.push(JSON.stringify(h.values.filter((v) => typeof v === 'string')))
      } else if (h.kind === 'eq') {
        clauses.push(`rid IN (SELECT rid FROM "k_${name}" WHERE path = ? AND v IN (SELECT value FROM json_each(?)))`)
        params.push(h.path, JSON.stringify(h.values.map((v) => JSON.stringify(v))))
      } else {
        const col = typeof h.value === 'number' ? 'n' : 's'
        const op = RANGE_OPS[h.op]
        clauses.push(`rid IN (SELECT rid FROM "k_${name}" WHERE path = ? AND ${col} ${op} ?)`)
        params.push(h.path, h.value)
      }
    }
    const sql = `SELECT rid, doc FROM "c_${name}"${clauses.length ? ' WHERE ' + clauses.join(' AND ') : ''} ORDER BY rid`
    const rows = this.stmt(sql).all(...params) as Array<{ rid: number; doc: string }>
    return rows.map((r) => ({ rid: r.rid, doc: JSON.parse(r.doc) }))
  }

  insert(name: string, doc: JsonDoc, api: string): void {
    const id = doc._id as string
    let rid: number
    try {
      rid = Number(this.stmt(`INSERT INTO "c_${name}" (id, doc) VALUES (?, ?)`).run(id, sized(name, doc, api)).lastInsertRowid)
    } catch (err) {
      throw this.mapConstraint(err, name, api)
    }
    this.writeKeys(name, rid, doc)
  }

  /**
   * Rewrites a document and moves only the index rows whose values changed: an update of
   * unindexed fields (a company's gate, a counter's figures) writes no index row at all.
   */
  replace(name: string, rid: number, doc: JsonDoc, api: string): void {
    try {
      this.stmt(`UPDATE "c_${name}" SET doc = ? WHERE rid = ?`).run(sized(name, doc, api), rid)
    } catch (err) {
      throw this.mapConstraint(err, name, api)
    }
    const stale = new Set(
      (this.stmt(`SELECT path, v FROM "k_${name}" WHERE rid = ?`).all(rid) as Array<{ path: string; v: string }>).map((r) => `${r.path}\u0000${r.v}`),
    )
    const fresh = this.keysOf(name, doc)
    const insert = this.stmt(`INSERT INTO "k_${name}" (rid, path, v, n, s) VALUES (?, ?, ?, ?, ?)`)
    for (const k of fresh) {
      if (!stale.delete(`${k.path}\u0000${k.v}`)) insert.run(rid, k.path, k.v, k.n, k.s)
    }
    const remove = this.stmt(`DELETE FROM "k_${name}" WHERE rid = ? AND path = ? AND v = ?`)
    for (const key of stale) {
      const at = key.indexOf('\u0000')
      remove.run(rid, key.slice(0, at), key.slice(at + 1))
    }
  }

  delete(name: string, rid: number): void {
    this.stmt(`DELETE FROM "c_${name}" WHERE rid = ?`).run(rid)
    this.stmt(`DELETE FROM "k_${name}" WHERE rid = ?`).run(rid)
  }

  private writeKeys(name: string, rid: number, doc: JsonDoc): void {
    const insert = this.stmt(`INSERT INTO "k_${name}" (rid, path, v, n, s) VALUES (?, ?, ?, ?, ?)`)
    for (const k of this.keysOf(name, doc)) insert.run(rid, k.path, k.v, k.n, k.s)
  }

  /** The index rows of a document: one per distinct scalar each indexed path reaches. */
  private keysOf(name: string, doc: JsonDoc): Array<{ path: string; v: string; n: number | null; s: string | null }> {
    const out: Array<{ path: string; v: string; n: number | null; s: string | null }> = []
    for (const { path, segs } of this.indexed.get(name)!) {
      const seen = new Set<string>()
      for (const value of valuesAt(doc, segs)) {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue
        const v = JSON.stringify(value)
        if (seen.has(v)) continue
        seen.add(v)
        out.push({ path, v, n: typeof value === 'number' ? value : null, s: typeof value === 'string' ? value : null })
      }
    }
    return out
  }

  private mapConstraint(err: unknown, name: string, api: string): unknown {
    const code = (err as { code?: string }).code
    if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
      const m = /UNIQUE constraint failed: (.*)$/.exec((err as Error).message)
      const index = m && m[1].includes('.id') ? '_id_' : m ? m[1] : 'unique'
      return duplicateKeyError(api, name, index)
    }
    return err
  }
}

/** The stored text of a document, refused past the cloud's document size (UTF-8 bytes of its JSON, close to its BSON size). */
export function sized(name: string, doc: JsonDoc, api: string): string {
  const json = JSON.stringify(doc)
  // A UTF-16 unit is at most 3 UTF-8 bytes: short texts need no count.
  if (json.length * 3 > MAX_DOC_BYTES) {
    const bytes = Buffer.byteLength(json)
    if (bytes > MAX_DOC_BYTES) throw docTooLargeError(api, name, bytes)
  }
  return json
}
