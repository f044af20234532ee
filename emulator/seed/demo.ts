import type { Database, DocData } from '../../server/platform/db'
import { userIdFor } from '../../server/platform/ids'
import type { Keys } from '../../server/platform/keys'
import { hashBindCode } from '../../server/domain/bind-codes'
import { endOfChinaDay, chinaDate, addChinaDays } from '../../server/domain/china-time'
import { cityOf } from '../../server/domain/scope'
import type { DepartmentRecord, OfficerRecord } from '../../server/domain/records'
import type { OfficerSnapshot } from '../../server/platform/context'
import { officerSnapshot } from '../../server/store/officer-snapshot'
import { buildDemoRoster, DEMO_IDS, type DemoRoster } from './demo-roster'
import { seedDemoHistory } from './history'
import { DEMO_PERSONAS } from './personas'

export { DEMO_PERSONAS, type DemoPersona } from './personas'
export { DEMO_IDS, buildDemoRoster, type DemoRoster } from './demo-roster'

/**
 * The demo data set for the emulator: Ganzhou's counties, real departments and parks,
 * ~300 companies, 64 officers (one suspended, one expired), a user per role
 * (DEMO_PERSONAS) and a few unused bind codes (DEMO_BIND_CODES) to try binding with.
 * Everything is deterministic; only timestamps follow `now`.
 */

/**
 * Unused bind codes a newcomer can try on the bind pages (they never expire):
 *   officers:  off_003 王芳 (市场监管局), off_005 刘敏 (应急管理局), and the suspended officer
 *   companies: co_0003, co_0004, co_0005
 * Each entry carries what the bind form asks for (certNo + name, or uscc) and the code.
 */
export const DEMO_BIND_CODES = buildDemoBindCodes(buildDemoRoster())

export type Bulk = (collection: string, docs: Array<DocData & { _id: string }>) => void | Promise<void>

export interface SeedResult {
  counts: Record<string, number>
  bindCodes: typeof DEMO_BIND_CODES
}

/** `history: false` seeds only the roster (for tests on a minimal port). */
export async function seedDemo(db: Database, options: { now: number; keys: Keys; bulk?: Bulk; history?: boolean }): Promise<SeedResult> {
  const { now } = options
  const roster = buildDemoRoster()
  const secret = options.keys.signing
  const write: Bulk =
    options.bulk ??
    (async (collection, docs) => {
      for (const { _id, ...data } of docs) await db.collection(collection).doc(_id).set({ data })
    })
  const stamp = { createdAt: now, updatedAt: now }
  const docs: Record<string, Array<DocData & { _id: string }>> = {
    departments: roster.departments.map(({ id, ...d }) => ({ _id: id, ...d, city: cityOf(d.region), ...stamp })),
    companies: roster.companies.map(({ id, ...c }) => ({ _id: id, ...c, city: cityOf(c.region), ...stamp })),
    officers: roster.officers.map(({ id, expiresInDays, ...o }) => ({
      _id: id,
      ...o,
      // Valid through the end of that China day, as an admin typing a date would get.
      certExpiresAt: endOfChinaDay(addChinaDays(chinaDate(now), expiresInDays)),
      ...(personaByOfficer(id) ? { userId: userIdFor(personaByOfficer(id)!.openid) } : {}),
      ...stamp,
    })),
    users: [],
    bindCodes: [
      ...DEMO_BIND_CODES.officers.map((c, i) => ({
        _id: `bind_demo_off_${i + 1}`,
        kind: 'officer',
        subjectId: c.officerId,
        codeHash: hashBindCode(c.code, secret),
        createdAt: now,
      })),
      ...DEMO_BIND_CODES.companies.map((c, i) => ({
        _id: `bind_demo_co_${i + 1}`,
        kind: 'enterprise',
        subjectId: c.companyId,
        codeHash: hashBindCode(c.code, secret),
        createdAt: now,
      })),
    ],
  }
  // The personas are bound as bindOfficer binds: the user carries the officer snapshot.
  docs.users = DEMO_PERSONAS.map(({ label: _label, openid, ...p }) => ({
    _id: userIdFor(openid),
    openid,
    ...p,
    ...(p.companyId ? { region: regionOfCompany(roster, p.companyId) } : {}),
    ...(p.officerId ? { officer: snapshotOf(docs, p.officerId) } : {}),
    ...stamp,
  }))
  // …and their companies keep them as contacts, as bindEnterprise does.
  for (const p of DEMO_PERSONAS) {
    const company = p.companyId ? docs.companies.find((c) => c._id === p.companyId) : undefined
    if (company) company.contacts = [...((company.contacts as unknown[] | undefined) ?? []), { userId: userIdFor(p.openid), openid: p.openid }]
  }
  for (const [collection, list] of Object.entries(docs)) await write(collection, list)
  await db
    .collection('audit')
    .add({ data: { at: now, actor: 'system', action: 'seed.demo', target: 'system/seed', requestId: 'seed', details: countsOf(docs) } })
  if (options.history !== false) await seedDemoHistory(db, roster, { now, keys: options.keys })
  return { counts: countsOf(docs), bindCodes: DEMO_BIND_CODES }
}

const personaByOfficer = (officerId: string) => DEMO_PERSONAS.find((p) => p.officerId === officerId)

function snapshotOf(docs: Record<string, Array<DocData & { _id: string }>>, officerId: string): OfficerSnapshot {
  const officer = docs.officers.find((o) => o._id === officerId) as unknown as OfficerRecord
  const dept = docs.departments.find((d) => d._id === officer.deptId) as unknown as DepartmentRecord
  return officerSnapshot(officer, dept)
}

function regionOfCompany(roster: DemoRoster, companyId: string): string {
  return roster.companies.find((c) => c.id === companyId)!.region
}

const countsOf = (docs: Record<string, unknown[]>) => Object.fromEntries(Object.entries(docs).map(([k, v]) => [k, v.length]))

function buildDemoBindCodes(roster: DemoRoster) {
  const officer = (id: string, code: string) => {
    const o = roster.officers.find((x) => x.id === id)!
    return { officerId: o.id, certNo: o.certNo, name: o.name, code }
  }
  const company = (id: string, code: string) => {
    const c = roster.companies.find((x) => x.id === id)!
    return { companyId: c.id, uscc: c.uscc, name: c.name, code }
  }
  return {
    officers: [officer('off_003', 'KAM3PQ7X'), officer('off_005', 'TRY4HJ6W'), officer(DEMO_IDS.suspendedOfficer, 'XC9DFEG3')],
    companies: [company('co_0003', 'WNP7QAR4'), company('co_0004', 'HEY6TMJ9'), company('co_0005', 'QD4RXF7C')],
  }
}
