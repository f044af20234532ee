import { COLLECTIONS, type IndexSpec } from './collections'

/**
 * Database setup as code: every collection of COLLECTIONS, the indexes the emulator
 * declares (unique where declared), and a security rule that denies every direct client
 * read and write (the mini-program reaches data only through the cloud functions, whose
 * server SDK is not bound by security rules). Idempotent: a second run changes nothing.
 *
 * The CloudBase management API is behind `DbAdmin` so a test can run the setup against
 * a fake; `managerNodeAdmin` adapts @cloudbase/manager-node (installed by the deploy
 * step in tools/deploy, never loaded here or in tests).
 */

/** The rule applied to every collection: no client may read or write directly. */
export const DENY_ALL_RULE = { read: false, write: false } as const

export interface IndexKey {
  field: string
  direction: 'asc' | 'desc'
}

export interface IndexSetup {
  /** Deterministic name derived from the keys, so re-runs find the index they created. */
  name: string
  keys: IndexKey[]
  unique: boolean
}

export interface CollectionSetup {
  name: string
  indexes: IndexSetup[]
  /** JSON text of the security rule (CloudBase stores rules as text). */
  rule: string
}

/** `ix_<field>_<dir>[_<field>_<dir>…][_u]`; dots in nested paths become `__`. */
export function indexName(spec: IndexSpec): string {
  const parts = spec.fields.map(([field, dir]) => `${field.replace(/\./g, '__')}_${dir}`)
  return `ix_${parts.join('_')}${spec.unique ? '_u' : ''}`.replace(/[^A-Za-z0-9_]/g, '_')
}

/** The setup entry of each collection, in COLLECTIONS order. */
export function planDatabase(collections: Record<string, { indexes: IndexSpec[] }> = COLLECTIONS): CollectionSetup[] {
  return Object.entries(collections).map(([name, { indexes }]) => ({
    name,
    indexes: indexes.map((spec) => ({
      name: indexName(spec),
      keys: spec.fields.map(([field, direction]) => ({ field, direction })),
      unique: !!spec.unique,
    })),
    rule: JSON.stringify(DENY_ALL_RULE),
  }))
}

/** What the setup needs from the CloudBase management API. */
export interface DbAdmin {
  collectionExists(name: string): Promise<boolean>
  createCollection(name: string): Promise<void>
  /** Existing indexes (the built-in `_id_` may be included; it is ignored). */
  listIndexes(collection: string): Promise<IndexSetup[]>
  /** Creates the indexes; an existing index of the same name is replaced. */
  createIndexes(collection: string, indexes: IndexSetup[]): Promise<void>
  /** The collection's current security rule text, or null when it has only a simple ACL. */
  getRule(collection: string): Promise<string | null>
  setRule(collection: string, rule: string): Promise<void>
}

export interface SetupReport {
  /** One line per change made; empty when the database already matched. */
  changes: string[]
  /** Indexes found in the cloud that the code does not declare (left alone, reported). */
  extraIndexes: string[]
}

const sameIndex = (a: IndexSetup, b: IndexSetup) =>
  a.unique === b.unique && a.keys.length === b.keys.length && a.keys.every((k, i) => k.field === b.keys[i].field && k.direction === b.keys[i].direction)

/** Rules compare as parsed JSON so whitespace and key order do not cause a rewrite. */
function sameRule(current: string | null, wanted: string): boolean {
  if (current === null) return false
  try {
    const a = JSON.parse(current) as Record<string, unknown>
    const b = JSON.parse(wanted) as Record<string, unknown>
    const keys = new Set([...Object.keys(a), ...Object.keys(b)])
    return [...keys].every((k) => JSON.stringify(a[k]) === JSON.stringify(b[k]))
  } catch {
    return false
  }
}

/** Brings the database in line with the plan; safe to run on every deploy. */
export async function setupDatabase(admin: DbAdmin, plan: CollectionSetup[] = planDatabase(), log: (line: string) => void = () => {}): Promise<SetupReport> {
  const report: SetupReport = { changes: [], extraIndexes: [] }
  const change = (line: string) => {
    report.changes.push(line)
    log(line)
  }
  for (const coll of plan) {
    if (!(await admin.collectionExists(coll.name))) {
      await admin.createCollection(coll.name)
      change(`created collection ${coll.name}`)
    }
    const existing = (await admin.listIndexes(coll.name)).filter((ix) => ix.name !== '_id_')
    const missing = coll.indexes.filter((want) => {
      const found = existing.find((ix) => ix.name === want.name)
      return !found || !sameIndex(found, want)
    })
    if (missing.length) {
      await admin.createIndexes(coll.name, missing)
      for (const ix of missing) {
        const replaced = existing.some((e) => e.name === ix.name)
        change(`${replaced ? 'replaced' : 'created'} index ${coll.name}.${ix.name}${ix.unique ? ' (unique)' : ''}`)
      }
    }
    for (const ix of existing) if (!coll.indexes.some((w) => w.name === ix.name)) report.extraIndexes.push(`${coll.name}.${ix.name}`)
    if (!sameRule(await admin.getRule(coll.name), coll.rule)) {
      await admin.setRule(coll.name, coll.rule)
      change(`set security rule of ${coll.name} to ${coll.rule}`)
    }
  }
  return report
}

/** The slice of @cloudbase/manager-node the adapter uses (typed here so nothing loads it). */
export interface ManagerNodeLike {
  database: {
    checkCollectionExists(name: string): Promise<{ Exists?: boolean }>
    createCollectionIfNotExists(name: string): Promise<unknown>
    describeCollection(
      name: string,
    ): Promise<{ Indexes?: Array<{ Name: string; Keys?: Array<{ Name: string; Direction: string }>; Unique?: boolean | string }> }>
    updateCollection(name: string, options: { CreateIndexes?: unknown[] }): Promise<unknown>
  }
  commonService(service?: string): { call(options: { Action: string; Param: Record<string, unknown> }): Promise<any> }
}

/** Adapts manager-node (v5) to DbAdmin: collections and indexes via `database`, rules via the TCB API. */
export function managerNodeAdmin(app: ManagerNodeLike, envId: string): DbAdmin {
  return {
    async collectionExists(name) {
      return !!(await app.database.checkCollectionExists(name)).Exists
    },
    async createCollection(name) {
      await app.database.createCollectionIfNotExists(name)
    },
    async listIndexes(collection) {
      const { Indexes = [] } = await app.database.describeCollection(collection)
      return Indexes.map((ix) => ({
        name: ix.Name,
        keys: (ix.Keys ?? []).map((k) => ({ field: k.Name, direction: String(k.Direction) === '-1' ? 'desc' : 'asc' }) as IndexKey),
        unique: ix.Unique === true || ix.Unique === 'true' || ix.Unique === 'TRUE',
      }))
    },
    async createIndexes(collection, indexes) {
      await app.database.updateCollection(collection, {
        CreateIndexes: indexes.map((ix) => ({
          IndexName: ix.name,
          MgoKeySchema: {
            MgoIsUnique: ix.unique,
            MgoIndexKeys: ix.keys.map((k) => ({ Name: k.field, Direction: k.direction === 'desc' ? '-1' : '1' })),
          },
        })),
      })
    },
    async getRule(collection) {
      const res = await app.commonService().call({ Action: 'DescribeSafeRule', Param: { CollectionName: collection, EnvId: envId } })
      return res?.AclTag === 'CUSTOM' && typeof res.Rule === 'string' ? res.Rule : null
    },
    async setRule(collection, rule) {
      await app.commonService().call({ Action: 'ModifySafeRule', Param: { CollectionName: collection, EnvId: envId, AclTag: 'CUSTOM', Rule: rule } })
    },
  }
}
