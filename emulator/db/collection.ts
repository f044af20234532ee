import type { AddResult, CollectionRef, CountResult, DocData, DocRef, GetResult, Query, RemoveResult, UpdateResult } from '../../server/platform/db'
import { MAX_GET, SDK_GET_LIMIT } from '../../server/platform/db'
import type { Engine } from './engine'
import { asCloudError, cloudError } from './errors'
import { compileWhere, type CompiledWhere } from './match'
import type { Row } from './store'
import { compileUpdate } from './update'
import { compareValues, isPlainObject, parsePath } from './values'

/** Collections, queries and document references outside transactions. */

interface QuerySpec {
  where?: CompiledWhere
  order: Array<{ path: string; segs: string[]; desc: boolean }>
  skip: number
  limit: number
}

class QueryImpl implements Query {
  constructor(
    protected readonly engine: Engine,
    protected readonly name: string,
    protected readonly spec: QuerySpec = { order: [], skip: 0, limit: 0 },
  ) {}

  private with(patch: Partial<QuerySpec>): QueryImpl {
    return new QueryImpl(this.engine, this.name, { ...this.spec, ...patch })
  }

  /** As the SDK: a second where() replaces the first. */
  where(condition: DocData): Query {
    return this.with({ where: wrap('collection.where', () => compileWhere(condition)) })
  }

  /** As the SDK: ordering by the same field again changes its direction in place. */
  orderBy(fieldPath: string, direction: 'asc' | 'desc'): Query {
    if (direction !== 'asc' && direction !== 'desc')
      throw cloudError('collection.orderBy', `-501001 invalid parameters. direction must be 'asc' or 'desc'`, -501001)
    const segs = wrap('collection.orderBy', () => parsePath(fieldPath))
    const entry = { path: fieldPath, segs, desc: direction === 'desc' }
    const i = this.spec.order.findIndex((o) => o.path === fieldPath)
    const order = i < 0 ? [...this.spec.order, entry] : this.spec.order.map((o, j) => (j === i ? entry : o))
    return this.with({ order })
  }

  /**
   * A server-side get answers at most 1000 documents (the SDK quietly sends limit 1000 for
   * more); asking for more fails here loudly, so no code counts on a page it never gets.
   */
  limit(n: number): Query {
    if (!Number.isInteger(n) || n < 0) throw cloudError('collection.limit', `-501001 invalid parameters. limit must be a non-negative integer`, -501001)
    if (n > SDK_GET_LIMIT) {
      throw cloudError(
        'collection.limit',
        `-501001 invalid parameters. limit(${n}) exceeds ${SDK_GET_LIMIT}, the most a server-side get() returns in WeChat cloud (the SDK cuts it to ${SDK_GET_LIMIT}); page with skip()`,
        -501001,
      )
    }
    return this.with({ limit: n })
  }

  skip(n: number): Query {
    if (!Number.isInteger(n) || n < 0) throw cloudError('collection.skip', `-501001 invalid parameters. skip must be a non-negative integer`, -501001)
    return this.with({ skip: n })
  }

  get(): Promise<GetResult> {
    return this.engine.op('collection.get', this.name, () => {
      // No limit (or limit(0)) means the SDK's default: it sends 100.
      const take = this.spec.limit || MAX_GET
      const rows = this.engine.selectPage(this.name, this.spec.where, this.spec.order, (all) => sortRows(all, this.spec.order), this.spec.skip, take)
      return { data: rows.map((r) => r.doc) }
    })
  }

  /** Counts every match; skip/limit do not apply (as in the SDK). */
  count(): Promise<CountResult> {
    return this.engine.op('collection.count', this.name, () => ({ total: this.engine.select(this.name, this.spec.where).length }))
  }

  /** Updates every match (skip/limit/orderBy ignored, as in the SDK). */
  update(options: { data: DocData }): Promise<UpdateResult> {
    return this.engine.op('collection.update', this.name, () => {
      const apply = compileUpdate(options?.data)
      return this.engine.atomic(() => {
        let updated = 0
        for (const row of this.engine.select(this.name, this.spec.where)) updated += this.engine.applyTo(this.name, row, apply, 'collection.update')
        return { stats: { updated } }
      })
    })
  }

  remove(): Promise<RemoveResult> {
    return this.engine.op('collection.remove', this.name, () =>
      this.engine.atomic(() => {
        const rows = this.engine.select(this.name, this.spec.where)
        for (const row of rows) this.engine.deleteRow(this.name, row)
        return { stats: { removed: rows.length } }
      }),
    )
  }
}

function wrap<T>(api: string, fn: () => T): T {
  try {
    return fn()
  } catch (err) {
    throw asCloudError(api, err)
  }
}

/** MongoDB sort: arrays sort by their smallest (asc) or largest (desc) element; missing sorts as null. Ties keep insertion order. */
function sortRows(rows: Row[], order: QuerySpec['order']): Row[] {
  if (order.length === 0) return rows
  const keyed = rows.map((row) => ({ row, keys: order.map((o) => sortKey(row.doc, o.segs, o.desc)) }))
  keyed.sort((a, b) => {
    for (let i = 0; i < order.length; i++) {
      const c = compareValues(a.keys[i], b.keys[i])
      if (c) return order[i].desc ? -c : c
    }
    return a.row.rid - b.row.rid
  })
  return keyed.map((k) => k.row)
}

function sortKey(doc: unknown, segs: string[], desc: boolean): unknown {
  let values: unknown[] = [doc]
  for (const seg of segs) {
    const next: unknown[] = []
    for (const v of values) {
      if (Array.isArray(v) && !/^\d+$/.test(seg)) v.forEach((el) => isPlainObject(el) && next.push(el[seg]))
      else if (Array.isArray(v)) next.push(v[Number(seg)])
      else if (isPlainObject(v)) next.push(v[seg])
    }
    values = next
  }
  const flat = values.flatMap((v) => (Array.isArray(v) ? v : [v])).filter((v) => v !== undefined)
  if (flat.length === 0) return null
  return flat.reduce((best, v) => ((desc ? compareValues(v, best) > 0 : compareValues(v, best) < 0) ? v : best))
}

class DocRefImpl implements DocRef {
  constructor(
    private readonly engine: Engine,
    private readonly name: string,
    private readonly id: string,
  ) {}

  get(): Promise<{ data: DocData }> {
    return this.engine.op('document.get', this.name, () => this.engine.docGet(this.name, this.id))
  }
  set(options: { data: DocData }): Promise<unknown> {
    return this.engine.op('document.set', this.name, () => this.engine.docSet(this.name, this.id, options?.data))
  }
  update(options: { data: DocData }): Promise<UpdateResult> {
    return this.engine.op('document.update', this.name, () => this.engine.docUpdate(this.name, this.id, options?.data))
  }
  remove(): Promise<RemoveResult> {
    return this.engine.op('document.remove', this.name, () => this.engine.docRemove(this.name, this.id))
  }
}

export class CollectionRefImpl extends QueryImpl implements CollectionRef {
  doc(id: string): DocRef {
    return new DocRefImpl(this.engine, this.name, checkId(id))
  }
  add(options: { data: DocData }): Promise<AddResult> {
    return this.engine.op('collection.add', this.name, () => this.engine.add(this.name, options?.data))
  }
}

export function checkId(id: unknown): string {
  if (typeof id !== 'string' || id.length === 0) throw cloudError('collection.doc', '-501001 invalid parameters. docId must be a non-empty string', -501001)
  return id
}
