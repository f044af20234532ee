import { COLLECTIONS } from '../../server/platform/collections'
import { indexName, managerNodeAdmin, planDatabase, setupDatabase, type DbAdmin, type IndexSetup, type ManagerNodeLike } from '../../server/platform/db-setup'

/** An in-memory CloudBase database as the management API sees it. */
function fakeAdmin() {
  const state = new Map<string, { indexes: IndexSetup[]; rule: string | null }>()
  const calls: string[] = []
  const admin: DbAdmin = {
    async collectionExists(name) {
      return state.has(name)
    },
    async createCollection(name) {
      calls.push(`create ${name}`)
      state.set(name, { indexes: [{ name: '_id_', keys: [{ field: '_id', direction: 'asc' }], unique: true }], rule: null })
    },
    async listIndexes(name) {
      return structuredClone(state.get(name)!.indexes)
    },
    async createIndexes(name, indexes) {
      calls.push(`indexes ${name} ${indexes.map((i) => i.name).join(',')}`)
      const c = state.get(name)!
      for (const ix of indexes) c.indexes = [...c.indexes.filter((e) => e.name !== ix.name), structuredClone(ix)]
    },
    async getRule(name) {
      return state.get(name)!.rule
    },
    async setRule(name, rule) {
      calls.push(`rule ${name}`)
      state.get(name)!.rule = rule
    },
  }
  return { admin, state, calls }
}

describe('database setup', () => {
  test('creates every collection of COLLECTIONS with its indexes and the deny-all rule', async () => {
    const { admin, state } = fakeAdmin()
    const report = await setupDatabase(admin)
    expect([...state.keys()].sort()).toEqual(Object.keys(COLLECTIONS).sort())
    for (const [name, { indexes }] of Object.entries(COLLECTIONS)) {
      const c = state.get(name)!
      expect(JSON.parse(c.rule!)).toEqual({ read: false, write: false })
      for (const spec of indexes) {
        const ix = c.indexes.find((i) => i.name === indexName(spec))!
        expect(ix.keys).toEqual(spec.fields.map(([field, direction]) => ({ field, direction })))
        expect(ix.unique).toBe(!!spec.unique)
      }
    }
    expect(report.changes.length).toBeGreaterThan(Object.keys(COLLECTIONS).length)
    expect(state.get('users')!.indexes.find((i) => i.name === 'ix_openid_asc_u')?.unique).toBe(true)
  })

  test('is idempotent: a second run changes nothing', async () => {
    const { admin, calls } = fakeAdmin()
    await setupDatabase(admin)
    calls.length = 0
    const again = await setupDatabase(admin)
    expect(again.changes).toEqual([])
    expect(calls).toEqual([])
  })

  test('repairs only what drifted, and reports indexes the code does not declare', async () => {
    const { admin, state, calls } = fakeAdmin()
    await setupDatabase(admin)
    calls.length = 0
    const users = state.get('users')!
    users.indexes = users.indexes.map((i) => (i.name === 'ix_openid_asc_u' ? { ...i, unique: false } : i))
    users.indexes.push({ name: 'by_hand', keys: [{ field: 'name', direction: 'asc' }], unique: false })
    state.get('audit')!.rule = '{ "read": true, "write": false }'
    state.get('ledger')!.rule = '{"write":false,"read":false}' // same rule, other key order: left alone
    const report = await setupDatabase(admin)
    expect(report.changes).toEqual(['replaced index users.ix_openid_asc_u (unique)', 'set security rule of audit to {"read":false,"write":false}'])
    expect(report.extraIndexes).toEqual(['users.by_hand'])
    expect(calls).toEqual(['indexes users ix_openid_asc_u', 'rule audit'])
  })

  test('index names are deterministic and safe for nested fields', () => {
    expect(
      indexName({
        fields: [
          ['exception.review', 'asc'],
          ['region', 'asc'],
        ],
      }),
    ).toBe('ix_exception__review_asc_region_asc')
    expect(
      indexName({
        fields: [
          ['companyId', 'asc'],
          ['seq', 'asc'],
        ],
        unique: true,
      }),
    ).toBe('ix_companyId_asc_seq_asc_u')
    const names = planDatabase().flatMap((c) => c.indexes.map((i) => `${c.name}.${i.name}`))
    expect(new Set(names).size).toBe(names.length)
  })
})

describe('the manager-node adapter', () => {
  /** A fake of @cloudbase/manager-node's database + commonService with its answer shapes. */
  function fakeManager() {
    const colls = new Map<
      string,
      { Indexes: Array<{ Name: string; Keys: Array<{ Name: string; Direction: string }>; Unique: boolean }>; rule?: string; acl: string }
    >()
    const calls: Array<{ op: string; args: unknown }> = []
    const app: ManagerNodeLike = {
      database: {
        async checkCollectionExists(name) {
          return { Exists: colls.has(name), RequestId: 'r' } as { Exists: boolean }
        },
        async createCollectionIfNotExists(name) {
          calls.push({ op: 'createCollectionIfNotExists', args: name })
          if (!colls.has(name)) colls.set(name, { Indexes: [{ Name: '_id_', Keys: [{ Name: '_id', Direction: '1' }], Unique: false }], acl: 'PRIVATE' })
          return {}
        },
        async describeCollection(name) {
          return { Indexes: structuredClone(colls.get(name)!.Indexes) }
        },
        async updateCollection(name, options) {
          calls.push({ op: 'updateCollection', args: { name, options } })
          const c = colls.get(name)!
          for (const ix of (options.CreateIndexes ?? []) as Array<{
            IndexName: string
            MgoKeySchema: { MgoIsUnique: boolean; MgoIndexKeys: Array<{ Name: string; Direction: string }> }
          }>) {
            c.Indexes = [
              ...c.Indexes.filter((i) => i.Name !== ix.IndexName),
              { Name: ix.IndexName, Keys: ix.MgoKeySchema.MgoIndexKeys, Unique: ix.MgoKeySchema.MgoIsUnique },
            ]
          }
          return {}
        },
      },
      commonService: () => ({
        async call({ Action, Param }) {
          calls.push({ op: Action, args: Param })
          const c = colls.get(Param.CollectionName as string)!
          if (Action === 'DescribeSafeRule') return { AclTag: c.acl, Rule: c.rule }
          if (Action === 'ModifySafeRule') {
            c.acl = Param.AclTag as string
            c.rule = Param.Rule as string
            return {}
          }
          throw new Error(`unexpected ${Action}`)
        },
      }),
    }
    return { app, colls, calls }
  }

  test("sends CloudBase's own shapes and is idempotent through the adapter", async () => {
    const { app, colls, calls } = fakeManager()
    const admin = managerNodeAdmin(app, 'env-1')
    await setupDatabase(admin)
    const update = calls.find((c) => c.op === 'updateCollection' && (c.args as { name: string }).name === 'inspections')!.args as {
      options: { CreateIndexes: unknown[] }
    }
    expect(update.options.CreateIndexes).toContainEqual({
      IndexName: 'ix_companyId_asc_checkInAt_desc',
      MgoKeySchema: {
        MgoIsUnique: false,
        MgoIndexKeys: [
          { Name: 'companyId', Direction: '1' },
          { Name: 'checkInAt', Direction: '-1' },
        ],
      },
    })
    expect(calls).toContainEqual({
      op: 'ModifySafeRule',
      args: { CollectionName: 'users', EnvId: 'env-1', AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' },
    })
    expect(colls.get('users')!.Indexes.find((i) => i.Name === 'ix_openid_asc_u')?.Unique).toBe(true)

    calls.length = 0
    const again = await setupDatabase(admin)
    expect(again.changes).toEqual([])
    expect(calls.filter((c) => c.op !== 'DescribeSafeRule')).toEqual([])
  })
})
