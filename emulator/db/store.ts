import type BetterSqlite3 from 'better-sqlite3'
import type { IndexSpec } from '../../server/platform/collections'
import type { Hint } from './match'
import { duplicateKeyError } from './errors'
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

const NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/

/** `$."a"."b"`: segments are checked by parsePath (no quotes, no `$` prefix). */
const jsonPath = (path: string): string => '$' + parsePath(path).map((s) => `."${s}"`).join('')

export class Store {
  private readonly statements = new Map<string, BetterSqlite3.Statement>()
  private readonly indexed = new Map<string, Array<{ path: string; segs: string[] }>>()

  constructor(
    readonly raw: BetterSqlite3.Database,
    collections: CollectionSpecs,
  ) {
    for (const [name, spec] of Object.entries(collections)) this.createCollection(name, spec.indexes)
  }

  has(name: string): boolean {
    return this.indexed.has(name)
  }

  private createCollection(name: string, indexes: IndexSpec[]): void {
    if (!NAME.test(name)) throw new Error(`invalid collection name "${name}"`)
    this.raw.exec(`
      CREATE TABLE IF NOT EXISTS "c_${name}" (rid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, doc TEXT NOT NULL);
      CREATE TABLE IF NOT EXISTS "k_${name}" (rid INTEGER NOT NULL, path TEXT NOT NULL, v TEXT NOT NULL, n REAL, s TEXT);
      CREATE INDEX IF NOT EXISTS "k_${name}_v" ON "k_${name}" (path, v);
      CREATE INDEX IF NOT EXISTS "k_${name}_n" ON "k_${name}" (path, n);
      CREATE INDEX IF NOT EXISTS "k_${name}_s" ON "k_${name}" (path, s);
      CREATE INDEX IF NOT EXISTS "k_${name}_rid" ON "k_${name}" (rid);
    `)
    const paths = new Map<string, string[]>()
    indexes.forEach((index, i) => {
      for (const [path] of index.fields) if (path !== '_id') paths.set(path, parsePath(path))
      if (index.unique) {
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
    for (const row of this.scan(name, [])) this.writeKeys(name, row.rid, row.doc)
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

  /** Rows that may match (every usable hint holds), in insertion order. */
  scan(name: string, hints: Hint[]): Row[] {
    const clauses: string[] = []
    const params: unknown[] = []
    for (const h of hints) {
      if (!this.isIndexed(name, h)) continue
      if (h.kind === 'eq' && h.path === '_id') {
        clauses.push(`id IN (SELECT value FROM json_each(?))`)
        params.push(JSON.stringify(h.values.filter((v) => typeof v === 'string')))
      } else if (h.kind === 'eq') {
        clauses.push(`rid IN (SELECT rid FROM "k_${name}" WHERE path = ? AND v IN (SELECT value FROM json_each(?)))`)
        params.push(h.path, JSON.stringify(h.values.map((v) => JSON.stringify(v))))
      } else {
        const col = typeof h.value === 'number' ? 'n' : 's'
        const op = { gt: '>', gte: '>=', lt: '<', lte: '<=' }[h.op]
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
      rid = Number(this.stmt(`INSERT INTO "c_${name}" (id, doc) VALUES (?, ?)`).run(id, JSON.stringify(doc)).lastInsertRowid)
    } catch (err) {
      throw this.mapConstraint(err, name, api)
    }
    this.writeKeys(name, rid, doc)
  }

  replace(name: string, rid: number, doc: JsonDoc, api: string): void {
    try {
      this.stmt(`UPDATE "c_${name}" SET doc = ? WHERE rid = ?`).run(JSON.stringify(doc), rid)
    } catch (err) {
      throw this.mapConstraint(err, name, api)
    }
    this.stmt(`DELETE FROM "k_${name}" WHERE rid = ?`).run(rid)
    this.writeKeys(name, rid, doc)
  }

  delete(name: string, rid: number): void {
    this.stmt(`DELETE FROM "c_${name}" WHERE rid = ?`).run(rid)
    this.stmt(`DELETE FROM "k_${name}" WHERE rid = ?`).run(rid)
  }

  private writeKeys(name: string, rid: number, doc: JsonDoc): void {
    const insert = this.stmt(`INSERT INTO "k_${name}" (rid, path, v, n, s) VALUES (?, ?, ?, ?, ?)`)
    for (const { path, segs } of this.indexed.get(name)!) {
      const seen = new Set<string>()
      for (const value of valuesAt(doc, segs)) {
        if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') continue
        const v = JSON.stringify(value)
        if (seen.has(v)) continue
        seen.add(v)
        insert.run(rid, path, v, typeof value === 'number' ? value : null, typeof value === 'string' ? value : null)
      }
    }
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
