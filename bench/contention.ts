/**
 * Check-ins under contention, through the local cloud (emulator/cloud-wire): the deployed
 * inspection bundle with the real wx-server-sdk on Node 16, `instances` processes at once.
 *  1. the county rush: `officers` officers of four county departments check in at as many
 *     companies of the county in the same minute (they all bump the county's figures);
 *  2. the gate: `gateOfficers` officers of one department scan one company's gate together
 *     (one opens the inspection, the others must join it).
 * Used by tests/cloud/contention.test.ts (what must hold) and bench/run.ts (how fast).
 */
import type { DocData } from '../server/platform/db'
import { userIdFor } from '../server/platform/ids'
import { officerSnapshot } from '../server/store/officer-snapshot'
import { cityOf } from '../server/domain/scope'
import { buildDemoRoster } from '../emulator/seed/demo'
import { startLocalCloud, type LocalCloud } from '../emulator/cloud-wire/local-cloud'

export const CONTENTION_REGION = '360702'
/** 2026-12-28 10:00 China time: after the quiet period, so park companies need no special case. */
export const CONTENTION_AT = '2026-12-28T02:00:00Z'
const MONTH = '2026-12'
const SUPERVISOR = 'demo-supervisor-county'

export interface ContentionOptions {
  instances: number
  /** Simulated network round trip added to every database call (ms). */
  roundTripMs?: number
  officers?: number
  gateOfficers?: number
  env?: Record<string, string | undefined>
  onOutput?: (fn: string, line: string) => void
}

export interface PhaseReport {
  sent: number
  ok: number
  internal: number
  /** Other refusals, by error code. */
  refused: Record<string, number>
  /** Acknowledged check-ins whose officer is not on the inspection they were told about. */
  missing: number
  /** Distinct inspections the acknowledged check-ins name. */
  inspections: number
  joined: number
  wallMs: number
  checkInsPerSecond: number
  latencyMs: { p50: number; p95: number; max: number }
}

export interface ContentionReport {
  instances: number
  roundTripMs: number
  rush: PhaseReport
  gate: PhaseReport & { inspectionsAtGate: number; officersOnIt: number }
  dashboard: { before: number; after: number; created: number }
  wire: { conflicts: number; startTransaction: number; commit: number; abort: number; errors: Record<string, number> }
  /** Transactions started beyond one per check-in: the retries the functions made after conflicts. */
  retries: number
}

const round = (x: number) => Math.round(x * 10) / 10
function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN
}

interface Fixture {
  rush: Array<{ openid: string; companyId: string; location: { lat: number; lng: number; accuracy: number } }>
  gate: { companyId: string; location: { lat: number; lng: number; accuracy: number }; openids: string[] }
}

/** Departments of the county with officers bound to WeChat accounts, as an admin's roster import and the officers' binding would leave them. */
async function seedFixture(cloud: LocalCloud, officers: number, gateOfficers: number): Promise<Fixture> {
  const now = cloud.clock.now()
  const stamp = { createdAt: now, updatedAt: now }
  const companies = buildDemoRoster().companies.filter((c) => c.region === CONTENTION_REGION)
  if (companies.length < officers + 1) throw new Error(`region ${CONTENTION_REGION} has ${companies.length} demo companies; ${officers + 1} needed`)
  // County departments: their figures are kept in the county's counters document, which every check-in bumps.
  const depts = ['a', 'b', 'c', 'd', 'g'].map((k, i) => ({
    _id: `dept_${CONTENTION_REGION}_rush_${k}`,
    name: `章贡区联合检查测试${'一二三四五'[i]}局`,
    region: CONTENTION_REGION,
    field: '市场监管',
    city: cityOf(CONTENTION_REGION),
    ...stamp,
  }))
  const bulk = async (collection: string, docs: Array<DocData & { _id: string }>) => void (await cloud.db.bulkInsert(collection, docs))
  await bulk('departments', depts)
  const people: Array<{ openid: string; dept: (typeof depts)[number] }> = []
  for (let i = 0; i < officers; i++) people.push({ openid: `rush-officer-${i + 1}`, dept: depts[i % 4] })
  for (let i = 0; i < gateOfficers; i++) people.push({ openid: `gate-officer-${i + 1}`, dept: depts[4] })
  const officerDocs = people.map((p, i) => ({
    _id: `off_rush_${String(i + 1).padStart(3, '0')}`,
    deptId: p.dept._id,
    name: `测试执法人员${i + 1}`,
    certNo: `3607009${String(i + 1).padStart(5, '0')}`,
    certStatus: 'valid',
    certExpiresAt: now + 365 * 86_400_000,
    userId: userIdFor(p.openid),
    ...stamp,
  }))
  await bulk('officers', officerDocs)
  await bulk(
    'users',
    people.map((p, i) => ({
      _id: userIdFor(p.openid),
      openid: p.openid,
      name: officerDocs[i].name,
      roles: ['officer'],
      deptId: p.dept._id,
      officerId: officerDocs[i]._id,
      officer: officerSnapshot(officerDocs[i] as never, p.dept),
      ...stamp,
    })),
  )
  const at = (c: (typeof companies)[number]) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })
  return {
    rush: people.slice(0, officers).map((p, i) => ({ openid: p.openid, companyId: companies[i].id, location: at(companies[i]) })),
    gate: { companyId: companies[officers].id, location: at(companies[officers]), openids: people.slice(officers).map((p) => p.openid) },
  }
}

type CheckInAnswer = { ok: boolean; data?: { inspection: { id: string }; joined: boolean }; error?: { code: string } }

async function phase(
  cloud: LocalCloud,
  calls: Array<{ openid: string; companyId: string; location: object }>,
  tag: string,
): Promise<{ report: PhaseReport; answers: CheckInAnswer[] }> {
  const latencies: number[] = []
  const started = Date.now()
  const answers = await Promise.all(
    calls.map(async (c, i) => {
      const t = Date.now()
      const { result } = await cloud.runner.call(
        'inspection',
        {
          action: 'checkIn',
          scene: `c=${c.companyId}`,
          clientRequestId: `contention-${tag}-${i + 1}`,
          source: 'complaint',
          sourceRef: `CT-${tag}-${i + 1}`,
          location: c.location,
        },
        { openid: c.openid },
      )
      latencies.push(Date.now() - t)
      return result as CheckInAnswer
    }),
  )
  const wallMs = Date.now() - started
  const refused: Record<string, number> = {}
  let missing = 0
  for (const [i, a] of answers.entries()) {
    if (!a.ok) {
      const code = a.error?.code ?? 'UNKNOWN'
      refused[code] = (refused[code] ?? 0) + 1
      continue
    }
    const userId = userIdFor(calls[i].openid)
    const officer = (await cloud.db.collection('users').doc(userId).get()).data as { officerId: string }
    try {
      const insp = (await cloud.db.collection('inspections').doc(a.data!.inspection.id).get()).data as { officerIds: string[] }
      if (!insp.officerIds.includes(officer.officerId)) missing++
    } catch {
      missing++
    }
  }
  const ok = answers.filter((a) => a.ok)
  const internal = refused.INTERNAL ?? 0
  delete refused.INTERNAL
  return {
    answers,
    report: {
      sent: calls.length,
      ok: ok.length,
      internal,
      refused,
      missing,
      inspections: new Set(ok.map((a) => a.data!.inspection.id)).size,
      joined: ok.filter((a) => a.data!.joined).length,
      wallMs,
      checkInsPerSecond: round((ok.length * 1000) / Math.max(1, wallMs)),
      latencyMs: { p50: pct(latencies, 50), p95: pct(latencies, 95), max: Math.max(...latencies) },
    },
  }
}

const dashboardInspections = async (cloud: LocalCloud): Promise<number> => {
  const { result } = await cloud.runner.call('supervision', { action: 'dashboard', month: MONTH }, { openid: SUPERVISOR })
  const r = result as { ok: boolean; data?: { totals: { inspections: number } }; error?: unknown }
  if (!r.ok) throw new Error(`dashboard failed: ${JSON.stringify(r.error)}`)
  return r.data!.totals.inspections
}

export async function runContention(opts: ContentionOptions): Promise<ContentionReport> {
  const roundTripMs = opts.roundTripMs ?? 0
  const cloud = await startLocalCloud({
    seed: 'demo',
    clock: CONTENTION_AT,
    env: opts.env,
    maxInstances: opts.instances,
    beforeCall: roundTripMs ? () => new Promise((resolve) => setTimeout(resolve, roundTripMs)) : undefined,
    onOutput: opts.onOutput,
  })
  try {
    const fixture = await seedFixture(cloud, opts.officers ?? 40, opts.gateOfficers ?? 6)
    const before = await dashboardInspections(cloud)
    // Every instance warm before the rush: the calls then collide instead of queueing behind cold starts.
    await Promise.all(Array.from({ length: opts.instances }, () => cloud.runner.call('inspection', { action: 'noSuchAction' }, { openid: SUPERVISOR })))
    const base = { ...cloud.wire.stats.calls }
    const conflictsBase = cloud.wire.stats.errors.DATABASE_TRANSACTION_CONFLICT ?? 0
    const rush = await phase(cloud, fixture.rush, 'rush')
    const gate = await phase(
      cloud,
      fixture.gate.openids.map((openid) => ({ openid, companyId: fixture.gate.companyId, location: fixture.gate.location })),
      'gate',
    )
    const atGate = (
      await cloud.db
        .collection('inspections')
        .where({ companyId: fixture.gate.companyId, createdAt: cloud.db.command.gte(Date.parse(CONTENTION_AT)) })
        .get()
    ).data as Array<{ officerIds: string[] }>
    const after = await dashboardInspections(cloud)
    const delta = (action: string) => (cloud.wire.stats.calls[action] ?? 0) - (base[action] ?? 0)
    return {
      instances: opts.instances,
      roundTripMs,
      rush: rush.report,
      gate: { ...gate.report, inspectionsAtGate: atGate.length, officersOnIt: Math.max(0, ...atGate.map((i) => i.officerIds.length)) },
      dashboard: { before, after, created: rush.report.inspections + atGate.length },
      wire: {
        conflicts: (cloud.wire.stats.errors.DATABASE_TRANSACTION_CONFLICT ?? 0) - conflictsBase,
        startTransaction: delta('database.startTransaction'),
        commit: delta('database.commitTransaction'),
        abort: delta('database.abortTransaction'),
        errors: { ...cloud.wire.stats.errors },
      },
      retries: Math.max(0, delta('database.startTransaction') - fixture.rush.length - fixture.gate.openids.length),
    }
  } finally {
    await cloud.close()
  }
}

/** One line for a log: what happened and how fast. */
export function contentionLine(r: ContentionReport): string {
  const p = (x: PhaseReport) => `${x.ok}/${x.sent} ok, ${x.internal} INTERNAL, ${x.checkInsPerSecond}/s, p95 ${x.latencyMs.p95} ms`
  return (
    `${r.instances} instances, +${r.roundTripMs} ms per db call: rush ${p(r.rush)} · gate ${p(r.gate)}, ${r.gate.inspectionsAtGate} inspection(s) with ${r.gate.officersOnIt} officers` +
    ` · conflicts ${r.wire.conflicts}, transactions ${r.wire.startTransaction} (commit ${r.wire.commit}, abort ${r.wire.abort}), retries ${r.retries} · dashboard +${r.dashboard.after - r.dashboard.before} vs ${r.dashboard.created} created`
  )
}
