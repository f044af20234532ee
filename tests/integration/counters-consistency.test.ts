import { defaultSettings, type FnName } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { createPrng } from '../../emulator/seed/prng'
import { registry } from '../../server/functions'
import { dispatch } from '../../server/platform/dispatch'
import type { Platform } from '../../server/platform/context'
import { userIdFor } from '../../server/platform/ids'
import { chinaMonth } from '../../server/domain/china-time'
import { presentFigures, sumFigures } from '../../server/domain/dept-figures'
import { checkCounterConsistency, checkOpenNow, keptFigures, recountFigures } from '../../server/store/recount'
import { deptCounter } from '../helpers/counters'
import { readAllPages } from '../../server/store/paging'
import type { InspectionRecord } from '../../server/domain/inspection-records'

/**
 * "Every dashboard figure equals a recount from the records after any sequence of
 * operations". A seeded random mix of check-ins (various departments,
 * companies, days, sources, special cases), joins, results, ratings, complaints and their
 * handling, ledger entries added by companies, exception reviews and scheduler runs, with
 * the clock moving forward (across quiet periods and month ends). Then: the recount of
 * every month equals the kept counters, and the dashboard shows exactly the recount.
 *
 * Calls go through the same dispatcher as HTTP (validation, access, envelopes), in
 * process for speed. COUNTER_OPS sets the number of operations (default 2500),
 * COUNTER_SEED the PRNG seed.
 */

const OPS = Number(process.env.COUNTER_OPS ?? 2500)
const SEED = Number(process.env.COUNTER_SEED ?? 20261212)
const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const settings = defaultSettings()

const roster = buildDemoRoster()
const DEPTS = [
  DEMO_IDS.cityMarketDept,
  DEMO_IDS.cityEmergencyDept,
  DEMO_IDS.zhangGongMarketDept,
  ...roster.departments
    .filter((d) => d.region !== '3607' && d.id !== DEMO_IDS.zhangGongMarketDept)
    .slice(0, 3)
    .map((d) => d.id),
]
/** A pool small enough that companies are revisited (repeated flags, frequency caps). */
const COMPANIES = [
  ...roster.companies.filter((c) => c.monitoringPoint).slice(0, 6),
  ...roster.companies.filter((c) => c.inPark && !c.monitoringPoint).slice(0, 10),
  ...roster.companies.filter((c) => !c.inPark && !c.monitoringPoint).slice(0, 14),
]
/** Expected refusals and conflicts; anything else (INTERNAL, INVALID_INPUT) is a failure. */
const EXPECTED = new Set([
  'QUIET_PERIOD',
  'PLAN_REQUIRED',
  'CERT_INVALID',
  'FREQUENCY_CAP',
  'NEED_TWO_OFFICERS',
  'CONFLICT',
  'TOKEN_EXPIRED',
  'TOKEN_INVALID',
  'ALREADY_RATED',
  'RATE_LIMITED',
])

let emu: TestEmulator
let t = Date.parse('2027-01-26T01:00:00Z')
const internalErrors: unknown[] = []

const platformFor = (openid: string): Platform => ({
  db: emu.emulator.db,
  openid,
  clock: () => t,
  storage: { put: async (p) => ({ fileID: `local://${p}` }), tempUrl: async (id) => id },
  codes: { image: async () => '' },
  notify: { send: async () => {} },
  log: { info: () => {}, error: (event, fields) => internalErrors.push({ event, fields }) },
  env: { ADMIN_OPENIDS: 'admin-openid' },
  keys: emu.emulator.keys,
  checkAnswers: true,
})
const call = async (
  openid: string,
  fn: FnName,
  action: string,
  fields: object = {},
): Promise<{ ok: boolean; data?: any; error?: { code: string; message: string } }> =>
  (await dispatch(fn, registry[fn] as never, { action, ...fields }, platformFor(openid))) as never

const putUser = (openid: string, data: object) =>
  emu.emulator.db
    .collection('users')
    .doc(userIdFor(openid))
    .set({ data: { openid, name: openid, createdAt: 0, updatedAt: 0, ...data } })

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: new Date(t).toISOString() })
})
afterAll(async () => {
  await emu?.close()
})

interface Insp {
  id: string
  deptId: string
  companyId: string
  officers: string[]
  openedAt: number
  closed: boolean
  exception: boolean
  reviewed: boolean
  token?: string
  tokenAt?: number
  rated: boolean
}

it(`counters equal a recount from the records after ${OPS} random operations, and the dashboard shows them`, async () => {
  const rng = createPrng(SEED)
  const started = Date.now()

  // Officers (every officer of the departments, including any with a bad certificate),
  // department admins, and two contacts per company.
  const officersByDept = new Map<string, string[]>()
  for (const deptId of DEPTS) {
    const list = roster.officers.filter((o) => o.deptId === deptId)
    for (const o of list) await putUser(`op-${o.id}`, { roles: ['officer'], deptId, officerId: o.id })
    officersByDept.set(
      deptId,
      list.map((o) => `op-${o.id}`),
    )
    await putUser(`adm-${deptId}`, { roles: ['deptAdmin'], deptId })
  }
  for (const c of COMPANIES) for (const k of [1, 2]) await putUser(`ent-${k}-${c.id}`, { roles: ['enterprise'], companyId: c.id, region: c.region })

  // An approved plan per department over the whole run (routine: counted toward the yearly cap).
  for (const deptId of DEPTS) {
    const plan = await call(`adm-${deptId}`, 'supervision', 'submitPlan', {
      deptId,
      title: '年度日常监督检查',
      kind: rng.chance(0.5) ? 'routine' : 'campaign',
      items: ['证照'],
      basis: '年度计划',
      companyIds: COMPANIES.map((c) => c.id),
      from: '2027-01-01',
      to: '2027-12-31',
    })
    expect(plan.ok).toBe(true)
    expect((await call('demo-supervisor-city', 'supervision', 'reviewPlan', { planId: plan.data.plan.id, decision: 'approve', comment: '同意' })).ok).toBe(true)
  }

  const capBefore = new Map<string, number>()
  for (const [key, kept] of await keptFigures(emu.emulator.db)) if (kept.figures.capRefusals > 0) capBefore.set(key, kept.figures.capRefusals)
  const capRefusals = new Map<string, number>()
  const inspections: Insp[] = []
  const complaints: Array<{ id: string; status: string }> = []
  const outcomes: Record<string, number> = {}
  const tallyOutcome = (kind: string, res: { ok: boolean; error?: { code: string; message: string } }) => {
    const key = res.ok ? `${kind}:ok` : `${kind}:${res.error!.code}`
    outcomes[key] = (outcomes[key] ?? 0) + 1
    if (!res.ok && !EXPECTED.has(res.error!.code)) throw new Error(`${kind} → ${res.error!.code}: ${res.error!.message}`)
  }
  let crid = 0
  const location = (c: (typeof COMPANIES)[number]) => ({ lat: c.location.lat + (rng.next() - 0.5) * 0.004, lng: c.location.lng, accuracy: rng.int(5, 250) })

  const ops: Array<[number, () => Promise<void>]> = [
    [
      34,
      async () => {
        // A new check-in.
        const deptId = rng.pick(DEPTS)
        const officer = rng.pick(officersByDept.get(deptId)!)
        const company = rng.pick(COMPANIES)
        const source = rng.pick(['plan', 'plan', 'plan', 'complaint', 'referral', 'monitoring', 'enterprise_request'] as const)
        const exception = rng.chance(company.inPark ? 0.5 : 0.05)
          ? { category: rng.pick(['emergency', 'high_risk', 'tax', 'other']), reason: '现场情况紧急，须立即核查处置' }
          : undefined
        const res = await call(officer, 'inspection', 'checkIn', {
          scene: `c=${company.id}`,
          clientRequestId: `mix-req-${String(++crid).padStart(6, '0')}`,
          source,
          ...(source === 'plan' ? {} : { sourceRef: `REF-${crid}` }),
          location: location(company),
          ...(exception ? { exception } : {}),
        })
        tallyOutcome('checkIn', res)
        if (res.ok && !res.data.joined) {
          if (!inspections.some((i) => i.id === res.data.inspection.id)) {
            inspections.push({
              id: res.data.inspection.id,
              deptId,
              companyId: company.id,
              officers: [officer],
              openedAt: t,
              closed: false,
              exception: !!exception,
              reviewed: false,
              rated: false,
            })
          }
        } else if (res.ok) {
          inspections.find((i) => i.id === res.data.inspection.id)?.officers.push(officer)
        }
        if (!res.ok && res.error!.code === 'FREQUENCY_CAP') {
          const key = `${deptId}_${chinaMonth(t)}`
          capRefusals.set(key, (capRefusals.get(key) ?? 0) + 1)
        }
      },
    ],
    [
      14,
      async () => {
        // The second officer joins a recent inspection (sometimes too late: a new one opens).
        const recent = inspections.filter((i) => !i.closed && t - i.openedAt < 3 * HOUR)
        if (recent.length === 0) return
        const i = rng.pick(recent)
        const others = officersByDept.get(i.deptId)!.filter((o) => !i.officers.includes(o))
        if (others.length === 0) return
        const officer = rng.pick(others)
        const company = COMPANIES.find((c) => c.id === i.companyId)!
        const res = await call(officer, 'inspection', 'checkIn', {
          scene: `c=${company.id}`,
          clientRequestId: `mix-req-${String(++crid).padStart(6, '0')}`,
          source: 'complaint',
          sourceRef: 'REF-2026-0001',
          location: location(company),
        })
        tallyOutcome('join', res)
        if (res.ok && res.data.joined) i.officers.push(officer)
        else if (res.ok)
          inspections.push({
            id: res.data.inspection.id,
            deptId: i.deptId,
            companyId: company.id,
            officers: [officer],
            openedAt: t,
            closed: false,
            exception: false,
            reviewed: false,
            rated: false,
          })
      },
    ],
    [
      18,
      async () => {
        // A result (sometimes with one officer only: NEED_TWO_OFFICERS).
        const open = inspections.filter((i) => !i.closed)
        const teams = open.filter((i) => i.officers.length >= 2)
        if (open.length === 0) return
        const i = rng.chance(0.85) && teams.length ? rng.pick(teams) : rng.pick(open)
        const outcome = rng.pick(['compliant', 'rectify', 'case', 'transfer'] as const)
        const res = await call(rng.pick(i.officers), 'inspection', 'recordResult', {
          inspectionId: i.id,
          outcome,
          findings: '现场检查记录',
          ...(outcome === 'rectify' ? { rectifyBy: new Date(t + 38 * 3_600_000 * 24).toISOString().slice(0, 10) } : {}),
        })
        tallyOutcome('recordResult', res)
        if (res.ok) {
          i.closed = true
          i.token = res.data.rating.token
          i.tokenAt = t
        }
      },
    ],
    [
      10,
      async () => {
        // A rating by a contact of the company.
        const ratable = inspections.filter((i) => i.token && !i.rated)
        if (ratable.length === 0) return
        const i = rng.pick(ratable)
        const res = await call(`ent-${rng.int(1, 2)}-${i.companyId}`, 'enterprise', 'rate', { token: i.token, score: rng.int(1, 5) })
        tallyOutcome('rate', res)
        if (res.ok || res.error!.code === 'ALREADY_RATED' || res.error!.code === 'TOKEN_EXPIRED') i.rated = true
      },
    ],
    [
      7,
      async () => {
        // A special case reviewed (sometimes twice: CONFLICT).
        const pending = inspections.filter((i) => i.exception && (!i.reviewed || rng.chance(0.05)))
        if (pending.length === 0) return
        const i = rng.pick(pending)
        const res = await call('demo-supervisor-city', 'supervision', 'reviewException', {
          inspectionId: i.id,
          verdict: rng.chance(0.6) ? 'justified' : 'unjustified',
          comment: '审核意见',
        })
        tallyOutcome('reviewException', res)
        i.reviewed = true
      },
    ],
    [
      4,
      async () => {
        // A complaint, about an inspection or in general.
        const i = inspections.length && rng.chance(0.8) ? rng.pick(inspections) : null
        const companyId = i?.companyId ?? rng.pick(COMPANIES).id
        const res = await call(`ent-1-${companyId}`, 'enterprise', 'complain', {
          ...(i ? { inspectionId: i.id } : {}),
          category: rng.pick(['attitude', 'repeated_inspection', 'other'] as const),
          content: '检查人员态度生硬，要求提供与检查无关的材料',
          anonymous: rng.chance(0.3),
        })
        tallyOutcome('complain', res)
        if (res.ok) complaints.push({ id: res.data.complaint.id, status: 'received' })
      },
    ],
    [
      4,
      async () => {
        // A supervisor moves a complaint on (accept → reply → close).
        const open = complaints.filter((c) => c.status !== 'closed')
        if (open.length === 0) return
        const c = rng.pick(open)
        const step = c.status === 'received' ? 'accept' : c.status === 'accepted' ? 'reply' : rng.pick(['reply', 'close'])
        const res = await call('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: c.id, step, text: '已处理' })
        tallyOutcome('handleComplaint', res)
        if (res.ok) c.status = res.data.complaint.status
      },
    ],
    [
      3,
      async () => {
        // A monitoring point adds a visit (matched or unscanned).
        const company = rng.pick(COMPANIES.filter((c) => c.monitoringPoint))
        const date = new Date(t - rng.int(0, 10) * DAY + 8 * HOUR).toISOString().slice(0, 10)
        const res = await call(`ent-2-${company.id}`, 'enterprise', 'addLedgerEntry', {
          date,
          deptId: rng.pick(DEPTS),
          officerNames: ['某某'],
          purpose: '日常检查',
        })
        tallyOutcome('addLedgerEntry', res)
      },
    ],
    [
      4,
      async () => {
        const res = await call('demo-admin', 'scheduler', 'run')
        tallyOutcome('schedulerRun', res)
        expect(res.data.consistency).toMatchObject({ ok: true, differenceCount: 0 })
        // What is open now (the dashboard's overdueOpen and openAlerts) equals a recount too.
        expect(res.data.openNow).toEqual({ differences: [], differenceCount: 0, repaired: 0 })
      },
    ],
  ]
  const weightSum = ops.reduce((s, [w]) => s + w, 0)

  for (let k = 0; k < OPS; k++) {
    // The clock: minutes between most operations, sometimes hours, sometimes days.
    t += rng.chance(0.03) ? rng.int(1, 4) * DAY : rng.chance(0.1) ? rng.int(1, 10) * HOUR : rng.int(1, 40) * MIN
    let r = rng.next() * weightSum
    const op = ops.find(([w]) => (r -= w) < 0) ?? ops[0]
    await op[1]()
  }
  t += 5 * DAY
  tallyOutcome('schedulerRun', await call('demo-admin', 'scheduler', 'run'))
  expect(internalErrors).toEqual([])

  // The mix did exercise what it should.
  for (const key of [
    'checkIn:ok',
    'join:ok',
    'recordResult:ok',
    'reviewException:ok',
    'checkIn:QUIET_PERIOD',
    'checkIn:FREQUENCY_CAP',
    'recordResult:NEED_TWO_OFFICERS',
    'rate:ok',
    'complain:ok',
    'addLedgerEntry:ok',
    'handleComplaint:ok',
  ]) {
    expect([key, outcomes[key] ?? 0]).toEqual([key, expect.any(Number)])
    expect(outcomes[key] ?? 0).toBeGreaterThan(0)
  }
  // Complaints went the whole way (closing takes them out of the open figures).
  expect(complaints.filter((c) => c.status === 'closed').length).toBeGreaterThan(0)
  const overdueNow = (await emu.emulator.db.collection('inspections').where({ status: 'overdue' }).count()).total
  expect(overdueNow).toBeGreaterThan(0)

  // 1. The whole history: kept counters = recount; what is open now = a recount of what is open.
  const report = await checkCounterConsistency(emu.emulator.db, settings)
  expect(report.differences).toEqual([])
  expect(
    await checkOpenNow(
      emu.emulator.db,
      settings.city.regions.map((r) => r.code),
    ),
  ).toEqual([])
  expect(report.ok).toBe(true)
  expect(report.checked).toBeGreaterThan(DEPTS.length)

  // 2. The dashboard of every month shows exactly the recount (and cap refusals as refused).
  const recount = await recountFigures(emu.emulator.db, settings)
  const months = [...new Set([...recount.values()].map((e) => e.month))].sort()
  expect(months.length).toBeGreaterThanOrEqual(3)
  for (const month of months) {
    const dash = await call('demo-supervisor-city', 'supervision', 'dashboard', { month })
    expect(dash.ok).toBe(true)
    const rows = [...recount.values()].filter((e) => e.month === month)
    const expectedTotals = sumFigures(rows.map((e) => ({ ...e.figures, capRefusals: 0 })))
    expect({ ...dash.data.totals, capRefusals: 0 }).toEqual(presentFigures(expectedTotals, 'supervisor', settings.rating.minCountForAggregate))
    for (const d of dash.data.byDepartment) {
      // The city's row of a department adds up its entries of every county.
      const counted = sumFigures(rows.filter((e) => e.deptId === d.deptId).map((e) => e.figures))
      const key = `${d.deptId}_${month}`
      const { deptId: _d, deptName: _n, region: _r, ...shown } = d
      expect({ key, ...shown }).toEqual({
        key,
        ...presentFigures(
          { ...counted, capRefusals: (capBefore.get(key) ?? 0) + (capRefusals.get(key) ?? 0) },
          'supervisor',
          settings.rating.minCountForAggregate,
        ),
      })
    }
    // A county dashboard counts what happened in the county (the companies there), whoever's department.
    const county = await call('demo-supervisor-county', 'supervision', 'dashboard', { month })
    const inCounty = await readAllPages<InspectionRecord>(emu.emulator.db, 'inspections', { region: '360702', month })
    expect(county.data.totals.inspections).toBe(inCounty.length)
    for (const d of county.data.byDepartment)
      expect({ deptId: d.deptId, inspections: d.inspections }).toEqual({ deptId: d.deptId, inspections: inCounty.filter((r) => r.deptId === d.deptId).length })
    const own = await call(`adm-${DEMO_IDS.cityMarketDept}`, 'supervision', 'dashboard', { month })
    const cityRow = dash.data.byDepartment.find((x: { deptId: string }) => x.deptId === DEMO_IDS.cityMarketDept)
    expect(own.data.byDepartment[0]).toMatchObject({
      inspections: cityRow.inspections,
      overdue: cityRow.overdue,
      quietExceptions: cityRow.quietExceptions,
      ratings: { count: cityRow.ratings.count, avg: cityRow.ratings.avg },
    })
  }

  // 3. The check reports a difference and never fixes it.
  const [[someKey, some]] = [...recount.entries()]
  const someRegion = some.region
  const someRef = emu.emulator.db.collection('counters').doc(`${someRegion}_${some.month}`)
  const kept = await deptCounter(emu.emulator.db, some.deptId, someRegion, some.month)
  await someRef.update({ data: { [`depts.${some.deptId}.inspections`]: kept.inspections + 3 } })
  const broken = await checkCounterConsistency(emu.emulator.db, settings)
  expect(broken.differences).toEqual([
    expect.objectContaining({ counterId: someKey, figure: 'inspections', kept: kept.inspections + 3, recounted: kept.inspections }),
  ])
  expect((await deptCounter(emu.emulator.db, some.deptId, someRegion, some.month)).inspections).toBe(kept.inspections + 3)
  await someRef.update({ data: { [`depts.${some.deptId}.inspections`]: kept.inspections } })

  if (process.env.COUNTER_OPS) console.log(JSON.stringify({ ops: OPS, ms: Date.now() - started, outcomes }))
}, 240_000)

it('the scheduler run reports a difference of the last two months, and leaves the counter as it is', async () => {
  const month = chinaMonth(t)
  const deptId = DEMO_IDS.cityMarketDept
  const id = `360702_${deptId}_${month}`
  const ref = emu.emulator.db.collection('counters').doc(`360702_${month}`)
  const before = await deptCounter(emu.emulator.db, deptId, '360702', month)
  if ((await ref.update({ data: { [`depts.${deptId}.overdue`]: before.overdue + 2 } })).stats.updated === 0) {
    await ref.set({ data: { region: '360702', city: '3607', month, depts: { [deptId]: { overdue: before.overdue + 2 } } } })
  }
  const res = await call('demo-admin', 'scheduler', 'run')
  expect(res.ok).toBe(true)
  expect(res.data.consistency).toMatchObject({
    ok: false,
    differenceCount: 1,
    notCompared: ['capRefusals'],
    differences: [{ counterId: id, figure: 'overdue', kept: before.overdue + 2, recounted: before.overdue }],
  })
  expect(res.data.consistency.months).toHaveLength(2)
  expect((await deptCounter(emu.emulator.db, deptId, '360702', month)).overdue).toBe(before.overdue + 2)
  expect(internalErrors).toContainEqual(expect.objectContaining({ event: 'counter_mismatch' }))
})
