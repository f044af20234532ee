import { defaultSettings, Settings } from '@contract'
import type { Database } from '../platform/db'
import { isNotFound } from '../platform/db'
import { chinaDate } from '../domain/china-time'
import { addFigures, figuresOf } from '../domain/dept-figures'
import { capYear } from '../domain/frequency-cap'
import { openLockOf, type CompanyGate, type GateCheckIn, type GatePlan } from '../domain/gate'
import type { CapCountRecord, CheckinKeyRecord, InspectionRecord, OpenInspectionLock, PlanRecord } from '../domain/inspection-records'
import { repeatedWindowStart } from '../domain/repeated'
import { COUNTERS, counterId, newCounterDoc, type CounterFigures, type CounterRecord } from './counters'
import { readDoc } from './docs'
import { companyInTx, saveGate } from './gates'
import { LEDGER_HEADS, type LedgerHead } from './ledger'
import { forEachPage } from './paging'

/**
 * The one-time move of data stored before issue 7 into today's shapes:
 * - the per-department counters documents (`counters/<deptId>_<month>`) into their region's
 *   document (`depts.<deptId>`), each old document marked `migratedTo` in the same
 *   transaction, so a rerun never adds it twice;
 * - the join locks, this year's cap counts, the ledger heads, the check-ins of the repeated
 *   window (with their request keys) and the approved plans still running into each
 *   company's gate, merged with a gate written since (its ledger head is newer; caps take
 *   the larger count; recent check-ins and plans are united).
 * Nothing old is deleted (nothing ever is here). A marker `system/migration-gates` ends it:
 * later runs cost one read. Runs in the emulator when it opens a database, and in the cloud
 * as the first hourly scheduler job. Each collection is read once, in pages of 100.
 */

export const MIGRATION_MARKER = 'migration-gates'

export interface MigrationReport {
  skipped: boolean
  counters: number
  companies: number
}

export async function migrateToGates(db: Database, now: number, settings: Settings): Promise<MigrationReport> {
  try {
    await db.collection('system').doc(MIGRATION_MARKER).get()
    return { skipped: true, counters: 0, companies: 0 }
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  const counters = await foldDepartmentCounters(db)
  const companies = await buildGates(db, now, settings)
  await db.collection('system').doc(MIGRATION_MARKER).set({ data: { at: now, counters, companies } })
  return { skipped: false, counters, companies }
}

/** Settings as the dispatcher reads them (stored over the defaults), for a caller outside a handler. */
export async function storedSettings(db: Database): Promise<Settings> {
  try {
    const { _id, ...stored } = (await db.collection('system').doc('settings').get()).data as Record<string, unknown>
    const parsed = Settings.safeParse(stored)
    return parsed.success ? parsed.data : defaultSettings()
  } catch (err) {
    if (!isNotFound(err)) throw err
    return defaultSettings()
  }
}

/** Every document of a collection (a collection the cloud never created reads as empty). */
async function eachDoc<T extends { _id: string }>(db: Database, collection: string, where: Record<string, unknown>, visit: (doc: T) => void): Promise<void> {
  try {
    await forEachPage<T>(db, collection, where, (page) => page.forEach(visit))
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
}

interface OldCounter extends Partial<CounterFigures> {
  _id: string
  deptId?: string
  region: string
  month: string
  migratedTo?: string
}

async function foldDepartmentCounters(db: Database): Promise<number> {
  const old: OldCounter[] = []
  await eachDoc<OldCounter>(db, COUNTERS, {}, (doc) => {
    if (typeof doc.deptId === 'string' && !doc.migratedTo) old.push(doc)
  })
  for (const doc of old) {
    const deptId = doc.deptId!
    const id = counterId(doc.region, doc.month)
    await db.runTransaction(async (tx) => {
      const current = await readDoc<OldCounter>(tx, COUNTERS, doc._id)
      if (!current || current.migratedTo) return
      const { _id, deptId: _d, region: _r, city: _c, month: _m, updatedAt: _u, ...figures } = current as OldCounter & { city?: string; updatedAt?: number }
      const target = await readDoc<CounterRecord>(tx, COUNTERS, id)
      const depts = { ...(target?.depts ?? {}) }
      depts[deptId] = addFigures(figuresOf(depts[deptId]), figuresOf(figures))
      await tx.collection(COUNTERS).doc(id).set({ data: { ...newCounterDoc(doc.region, doc.month, depts), ...(target?.updatedAt !== undefined ? { updatedAt: target.updatedAt } : {}) } })
      await tx.collection(COUNTERS).doc(doc._id).update({ data: { migratedTo: id } })
    })
  }
  return old.length
}

async function buildGates(db: Database, now: number, settings: Settings): Promise<number> {
  const gates = new Map<string, CompanyGate>()
  const gateOf = (companyId: string): CompanyGate => {
    let g = gates.get(companyId)
    if (!g) gates.set(companyId, (g = {}))
    return g
  }
  const year = capYear(now, settings)
  const today = chinaDate(now, settings.timezone)

  await eachDoc<LedgerHead>(db, LEDGER_HEADS, {}, (head) => {
    gateOf(head._id).ledger = { seq: head.seq, hash: head.hash }
  })
  await eachDoc<CapCountRecord>(db, 'capCounts', { year }, (cap) => {
    const g = gateOf(cap.companyId)
    g.caps ??= { year, used: {} }
    g.caps.used[cap.deptId] = cap.used
  })
  await eachDoc<OpenInspectionLock>(db, 'openInspections', {}, (lock) => {
    const candidate: CompanyGate = { open: { [lock.deptId]: { inspectionId: lock.inspectionId, checkInAt: lock.checkInAt } } }
    if (openLockOf(candidate, lock.deptId, now, settings)) (gateOf(lock.companyId).open ??= {})[lock.deptId] = candidate.open![lock.deptId]
  })
  const recentById = new Map<string, GateCheckIn>()
  await eachDoc<InspectionRecord>(db, 'inspections', { checkInAt: db.command.gte(repeatedWindowStart(now, settings)) }, (ins) => {
    const entry: GateCheckIn = { inspectionId: ins._id, deptId: ins.deptId, checkInAt: ins.checkInAt, source: ins.source, keys: [] }
    recentById.set(ins._id, entry)
    ;(gateOf(ins.companyId).recent ??= []).push(entry)
  })
  // Request keys of those check-ins, the opener's first, so a retry still answers.
  await eachDoc<CheckinKeyRecord>(db, 'checkinKeys', {}, (key) => {
    const entry = recentById.get(key.inspectionId)
    if (!entry) return
    if (key.joined) entry.keys.push(key._id)
    else entry.keys.unshift(key._id)
  })
  await eachDoc<PlanRecord>(db, 'plans', { status: 'approved' }, (plan) => {
    if (plan.to < today) return
    const mark: GatePlan = { deptId: plan.deptId, kind: plan.kind, title: plan.title, from: plan.from, to: plan.to }
    for (const companyId of plan.companyIds) (gateOf(companyId).plans ??= {})[plan._id] = mark
  })

  let written = 0
  for (const [companyId, built] of gates) {
    await db.runTransaction(async (tx) => {
      const company = await companyInTx(tx, companyId)
      if (!company) return
      await saveGate(tx, company, mergedGate(company.gate, built))
      written++
    })
  }
  return written
}

/** A gate built from old documents merged with one the company already has (the newer writer wins where they overlap). */
export function mergedGate(current: CompanyGate | undefined, built: CompanyGate): CompanyGate {
  const recent = new Map<string, GateCheckIn>()
  for (const r of [...(built.recent ?? []), ...(current?.recent ?? [])]) {
    const seen = recent.get(r.inspectionId)
    recent.set(r.inspectionId, seen ? { ...r, keys: [...new Set([...seen.keys, ...r.keys])] } : r)
  }
  let caps = current?.caps ?? built.caps
  if (current?.caps && built.caps && current.caps.year === built.caps.year) {
    const used = { ...built.caps.used }
    for (const [d, n] of Object.entries(current.caps.used)) used[d] = Math.max(n, used[d] ?? 0)
    caps = { year: current.caps.year, used }
  }
  const open = { ...(built.open ?? {}), ...(current?.open ?? {}) }
  const plans = { ...(built.plans ?? {}), ...(current?.plans ?? {}) }
  const ledger = current?.ledger ?? built.ledger
  const sorted = [...recent.values()].sort((a, b) => a.checkInAt - b.checkInAt)
  return {
    ...(sorted.length ? { recent: sorted } : {}),
    ...(Object.keys(open).length ? { open } : {}),
    ...(caps ? { caps } : {}),
    ...(ledger ? { ledger } : {}),
    ...(Object.keys(plans).length ? { plans } : {}),
  }
}
