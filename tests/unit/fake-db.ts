import type { Database, DocData } from '@server/platform/db'

/**
 * A tiny in-memory stand-in for the database port, enough for the account handlers'
 * unit tests (equality, gt, in, inc; orderBy; limit). Transactions run without isolation.
 * The real port is tested in the emulator's own tests.
 */
type Op = { $op: 'gt' | 'in' | 'inc'; value: any }
const op = ($op: Op['$op'], value: unknown): Op => ({ $op, value })
const isOp = (v: unknown): v is Op => typeof v === 'object' && v !== null && '$op' in v

export function createFakeDb(): Database & { dump(collection: string): DocData[] } {
  const data = new Map<string, Map<string, DocData>>()
  let autoId = 0
  const coll = (name: string) => data.get(name) ?? data.set(name, new Map()).get(name)!
  const matches = (doc: DocData, where: DocData) =>
    Object.entries(where).every(([k, want]) => {
      const have = doc[k]
      if (!isOp(want)) return have === want
      if (want.$op === 'gt') return (have as any) > want.value
      if (want.$op === 'in') return (want.value as unknown[]).includes(have)
      return false
    })
  const applyUpdate = (doc: DocData, patch: DocData) => {
    for (const [k, v] of Object.entries(patch)) doc[k] = isOp(v) && v.$op === 'inc' ? ((doc[k] as number) ?? 0) + v.value : v
  }
  const docRef = (name: string, id: string) => ({
    async get() {
      const doc = coll(name).get(id)
      if (!doc) throw new Error(`document.get:fail document with _id ${id} does not exist`)
      return { data: structuredClone({ ...doc, _id: id }) }
    },
    async set({ data: d }: { data: DocData }) {
      coll(name).set(id, structuredClone(d))
      return {}
    },
    async update({ data: d }: { data: DocData }) {
      const doc = coll(name).get(id)
      if (!doc) return { stats: { updated: 0 } }
      applyUpdate(doc, d)
      return { stats: { updated: 1 } }
    },
    async remove() {
      return { stats: { removed: coll(name).delete(id) ? 1 : 0 } }
    },
  })
  const query = (name: string, where: DocData = {}, order: [string, 'asc' | 'desc'] | null = null, max = 100): any => ({
    where: (w: DocData) => query(name, w, order, max),
    orderBy: (f: string, d: 'asc' | 'desc') => query(name, where, [f, d], max),
    limit: (n: number) => query(name, where, order, Math.min(n, 100)),
    skip: () => {
      throw new Error('skip not supported in the fake')
    },
    async get() {
      const docs = [...coll(name).entries()].map(([id, d]) => ({ ...structuredClone(d), _id: id })).filter((d) => matches(d, where))
      if (order) docs.sort((a, b) => ((a as any)[order[0]] < (b as any)[order[0]] ? -1 : 1) * (order[1] === 'asc' ? 1 : -1))
      return { data: docs.slice(0, max) }
    },
    async count() {
      return { total: (await this.get()).data.length }
    },
    update: async () => ({ stats: { updated: 0 } }),
    remove: async () => ({ stats: { removed: 0 } }),
    doc: (id: string) => docRef(name, id),
    async add({ data: d }: { data: DocData }) {
      const id = `auto_${++autoId}`
      coll(name).set(id, structuredClone(d))
      return { _id: id }
    },
  })
  const db = {
    collection: (name: string) => query(name),
    command: {
      gt: (v: unknown) => op('gt', v),
      in: (v: unknown[]) => op('in', v),
      inc: (v: number) => op('inc', v),
    } as any,
    async runTransaction<T>(fn: (tx: any) => Promise<T>) {
      return fn({ collection: (name: string) => ({ doc: (id: string) => docRef(name, id), add: query(name).add }) })
    },
    dump: (name: string) => [...coll(name).entries()].map(([id, d]) => ({ ...d, _id: id })),
  }
  return db as unknown as Database & { dump(collection: string): DocData[] }
}
