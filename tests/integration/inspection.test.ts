import { CODE_IMAGE, startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_BIND_CODES, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * The officer at the gate, over HTTP against the demo data, with the emulator's clock on
 * the days that matter: 2026-12-12 (quiet period) and 2026-12-26 (after it).
 * Companies co_0100 and above are untouched by the demo history.
 */

const roster = buildDemoRoster()
const fresh = (f: (c: (typeof roster.companies)[number]) => boolean) => roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && f(c))
const [parkMon] = fresh((c) => c.inPark && c.monitoringPoint)
const [park1] = fresh((c) => c.inPark && !c.monitoringPoint)
const [townCap, townNoPlan, townRepeat, townOff, townJoin, ...townOthers] = fresh((c) => !c.inPark && !c.monitoringPoint)
const at = (c: { location: { lat: number; lng: number } }, accuracy = 15) => ({ lat: c.location.lat + 0.0005, lng: c.location.lng, accuracy })
const scene = (c: { id: string }) => `c=${c.id}`

let emu: TestEmulator
const { as, into } = emulatorSession(() => emu)
const insp = into('inspection')
const sup = into('supervision')
let n = 0
const crid = () => `req-${Date.now().toString(36)}-${++n}`
const count = async (collection: string, where: object = {}) =>
  (
    await emu.emulator.db
      .collection(collection)
      .where(where as never)
      .count()
  ).total
const countAll = async (collection: string) => (await emu.emulator.db.collection(collection).count()).total
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any
const checkIn = (openid: string, company: (typeof roster.companies)[number], extra: object = {}) =>
  insp(openid, 'checkIn', { scene: scene(company), clientRequestId: crid(), source: 'plan', location: at(company), ...extra })

let marketPlanId: string
let emergencyPlanId: string

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z' })
  const submitted = await sup('demo-deptadmin-1', 'submitPlan', {
    deptId: DEMO_IDS.cityMarketDept,
    title: '2026年12月至2027年1月 日常监督检查',
    kind: 'routine',
    items: ['证照公示', '进货查验'],
    basis: '《市场监督管理行政处罚程序规定》',
    companyIds: [parkMon.id, park1.id, townCap.id, townRepeat.id, townOff.id, townJoin.id],
    from: '2026-12-01',
    to: '2027-01-31',
  })
  marketPlanId = submitted.data.plan.id
  expect(await sup('demo-supervisor-city', 'reviewPlan', { planId: marketPlanId, decision: 'approve', comment: '同意' })).toMatchObject({ ok: true })
  // A department admin for the emergency department, and its plan for the repeated-inspection case.
  expect(
    await emu.call('account', 'grantRole', { openid: 'em-admin', role: 'deptAdmin', deptId: DEMO_IDS.cityEmergencyDept }, await as('demo-admin')),
  ).toMatchObject({ ok: true })
  const em = await sup('em-admin', 'submitPlan', {
    deptId: DEMO_IDS.cityEmergencyDept,
    title: '安全生产专项检查',
    kind: 'campaign',
    items: ['消防通道'],
    basis: '《安全生产法》',
    companyIds: [townRepeat.id],
    from: '2026-12-01',
    to: '2026-12-31',
  })
  emergencyPlanId = em.data.plan.id
  expect(await sup('demo-supervisor-city', 'reviewPlan', { planId: emergencyPlanId, decision: 'approve', comment: '同意' })).toMatchObject({ ok: true })
})
afterAll(async () => {
  await emu?.close()
})

describe('on the 12th (quiet period)', () => {
  let quietInspectionId: string

  it('previews a park company: quiet applies, the plan covers today, 7 special cases', async () => {
    const res = await insp('demo-officer-1', 'preview', { scene: scene(parkMon) })
    expect(res).toMatchObject({
      ok: true,
      data: {
        company: { id: parkMon.id, inPark: true, monitoringPoint: true },
        quiet: { active: true, appliesToCompany: true, windowEnd: '2026-12-25' },
        plans: [{ id: marketPlanId }],
        yearCount: { used: 0, cap: 2 },
      },
    })
    expect(res.data.exceptionCategories.map((c: { key: string }) => c.key)).toEqual([
      'emergency',
      'mandated_campaign',
      'hazard_followup',
      'high_risk',
      'complaint_case',
      'tax',
      'other',
    ])
    expect(res.data.openInspection).toBeUndefined()
  })

  it('does not know a scene that is not a gate code, or a company that does not exist (NOT_FOUND)', async () => {
    expect(await insp('demo-officer-1', 'preview', { scene: 'hello' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await insp('demo-officer-1', 'preview', { scene: 'c=co_9999' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(
      await insp('demo-officer-1', 'checkIn', {
        scene: 'c=co_9999',
        clientRequestId: crid(),
        source: 'complaint',
        sourceRef: 'REF-2026-0001',
        location: at(park1),
      }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('is for officers only', async () => {
    expect(await insp('demo-enterprise-1', 'preview', { scene: scene(parkMon) })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await emu.call('inspection', 'preview', { scene: scene(parkMon) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('refuses a planned check-in at a park company (QUIET_PERIOD) and leaves nothing behind', async () => {
    const before = await Promise.all(['inspections', 'ledger', 'audit', 'counters', 'alerts'].map(countAll))
    const gatesBefore = await Promise.all([park1, parkMon].map((c) => doc('companies', c.id)))
    const res = await checkIn('demo-officer-1', park1)
    expect(res).toMatchObject({ ok: false, error: { code: 'QUIET_PERIOD', details: { windowEnd: '2026-12-25' } } })
    expect(await checkIn('demo-officer-1', parkMon, { exception: { category: 'other', reason: '太短' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['exception', 'reason'] }] } },
    })
    expect(await checkIn('demo-officer-1', parkMon, { exception: { category: 'other' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['exception', 'reason'] }] } },
    })
    expect(await checkIn('demo-officer-1', parkMon, { exception: { category: 'holiday' } })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['exception', 'category'] }] } },
    })
    const after = await Promise.all(['inspections', 'ledger', 'audit', 'counters', 'alerts'].map(countAll))
    expect(after).toEqual(before)
    expect(await Promise.all([park1, parkMon].map((c) => doc('companies', c.id)))).toEqual(gatesBefore)
  })

  /** The first officer's special-case (emergency) check-in at the monitored park company, as request `id`. */
  const quietException = (id: string) =>
    insp('demo-officer-1', 'checkIn', {
      scene: scene(parkMon),
      clientRequestId: id,
      source: 'plan',
      exception: { category: 'emergency' },
      location: at(parkMon),
    })

  it('accepts a special case, flags it for review, writes the ledger, counters and audit together', async () => {
    const ledgerBefore = await count('ledger', { companyId: parkMon.id })
    const countersBefore = await deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')
    const id = crid()
    const res = await quietException(id)
    expect(res).toMatchObject({
      ok: true,
      data: {
        joined: false,
        flags: ['quiet_exception'],
        inspection: {
          companyId: parkMon.id,
          deptId: DEMO_IDS.cityMarketDept,
          officerIds: [DEMO_IDS.officer1],
          status: 'open',
          capCounted: false,
          date: '2026-12-12',
          exception: { category: 'emergency', review: 'pending' },
        },
      },
    })
    const inspection = res.data.inspection
    quietInspectionId = inspection.id
    expect(inspection.dueAt).toBe(inspection.checkInAt + 3 * 86_400_000)
    expect(await count('ledger', { companyId: parkMon.id })).toBe(ledgerBefore + 1)
    const entries = (await emu.emulator.db.collection('ledger').where({ companyId: parkMon.id }).orderBy('seq', 'asc').get()).data
    expect(entries[entries.length - 1]).toMatchObject({
      source: 'scan',
      inspectionId: inspection.id,
      deptName: '赣州市市场监督管理局',
      officerNames: ['张伟'],
      unscanned: false,
    })
    const counters = await deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')
    expect(counters.inspections).toBe((countersBefore?.inspections ?? 0) + 1)
    expect(counters.quietExceptions.pending).toBe((countersBefore?.quietExceptions?.pending ?? 0) + 1)
    expect(await count('audit', { target: `inspections/${inspection.id}`, action: 'inspection.checkIn' })).toBe(1)

    // A retry with the same request id answers the same inspection and writes nothing.
    const ledgerNow = await count('ledger', { companyId: parkMon.id })
    const retry = await quietException(id)
    expect(retry.data).toMatchObject({ inspection: { id: inspection.id }, joined: false, flags: ['quiet_exception'] })
    expect(await count('ledger', { companyId: parkMon.id })).toBe(ledgerNow)
    expect((await deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')).inspections).toBe(counters.inspections)
  })

  it('never opens two inspections for simultaneous retries', async () => {
    const before = await countAll('inspections')
    const id = crid()
    const body = {
      scene: scene(park1),
      clientRequestId: id,
      source: 'plan',
      exception: { category: 'other', reason: '群众反映夜间偷排废水需现场核查' },
      location: at(park1),
    }
    const answers = await Promise.all([1, 2, 3, 4].map(() => insp('demo-officer-1', 'checkIn', body)))
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => a.data.inspection.id)).size).toBe(1)
    expect(await countAll('inspections')).toBe(before + 1)
  })

  it('lets officer B of the same department join within 2 hours; the preview offers it', async () => {
    const preview = await insp('demo-officer-2', 'preview', { scene: scene(parkMon) })
    expect(preview.data.openInspection).toMatchObject({ id: quietInspectionId })
    const res = await checkIn('demo-officer-2', parkMon)
    expect(res).toMatchObject({
      ok: true,
      data: { joined: true, inspection: { id: quietInspectionId, officerIds: [DEMO_IDS.officer1, DEMO_IDS.officer2], officerNames: ['张伟', '李娜'] } },
    })
    // Officer A scanning again gets the same inspection back, unchanged.
    const again = await checkIn('demo-officer-1', parkMon)
    expect(again).toMatchObject({
      ok: true,
      data: { joined: false, inspection: { id: quietInspectionId, officerIds: [DEMO_IDS.officer1, DEMO_IDS.officer2] } },
    })
  })

  it('does not let another department join: its officer needs a special case of its own', async () => {
    expect(await checkIn('demo-officer-3', parkMon)).toMatchObject({ ok: false, error: { code: 'QUIET_PERIOD' } })
  })

  it('refuses the suspended officer (CERT_INVALID), who still sees the card with its status', async () => {
    const { certNo, name, code } = DEMO_BIND_CODES.officers[2]
    expect(await emu.call('account', 'bindOfficer', { certNo, name, code }, await as('suspended-officer'))).toMatchObject({ ok: true })
    expect(await checkIn('suspended-officer', parkMon, { exception: { category: 'emergency' } })).toMatchObject({ ok: false, error: { code: 'CERT_INVALID' } })
    expect(await checkIn('suspended-officer', townCap, { source: 'complaint', sourceRef: 'REF-2026-0001' })).toMatchObject({
      ok: false,
      error: { code: 'CERT_INVALID' },
    })
    // The certificate is refused before the company, also for a code that names none.
    expect(await checkIn('suspended-officer', { ...townCap, id: 'co_nope' })).toMatchObject({ ok: false, error: { code: 'CERT_INVALID' } })
    expect(
      await insp('suspended-officer', 'checkIn', {
        scene: 'x=1',
        clientRequestId: 'bad-scene-1',
        source: 'complaint',
        sourceRef: 'REF-2026-0001',
        location: { lat: 25.8, lng: 114.9, accuracy: 10 },
      }),
    ).toMatchObject({ ok: false, error: { code: 'CERT_INVALID' } })
    const card = await insp('suspended-officer', 'certCard')
    expect(card).toMatchObject({ ok: true, data: { officer: { id: DEMO_IDS.suspendedOfficer, certStatus: 'suspended' }, certState: 'suspended' } })
  })

  it('records the result with two officers, issues the rating code once', async () => {
    expect(await insp('demo-officer-3', 'recordResult', { inspectionId: quietInspectionId, outcome: 'compliant', findings: '未发现问题' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: 'insp_nope', outcome: 'compliant', findings: '未发现问题' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: quietInspectionId, outcome: 'rectify', findings: '消防通道堵塞' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['rectifyBy'] }] } },
    })
    expect(await insp('demo-officer-1', 'ratingCode', { inspectionId: quietInspectionId })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const res = await insp('demo-officer-2', 'recordResult', {
      inspectionId: quietInspectionId,
      outcome: 'rectify',
      findings: '消防通道堵塞',
      rectifyBy: '2026-12-20',
    })
    expect(res).toMatchObject({
      ok: true,
      data: {
        inspection: {
          id: quietInspectionId,
          status: 'closed',
          result: { outcome: 'rectify', rectifyBy: '2026-12-20', recordedBy: DEMO_IDS.officer2, lateByMs: 0 },
          rating: { state: 'issued' },
        },
        rating: { path: 'enterprise/rate/index' },
      },
    })
    expect(res.data.rating.token).toMatch(/^r\.[A-Za-z0-9_-]{10}\.[A-Za-z0-9_-]{16}$/)
    expect(res.data.rating.scene).toBe(res.data.rating.token)
    const stored = await doc('ratingTokens', res.data.rating.token.split('.')[1])
    expect(stored).toMatchObject({ inspectionId: quietInspectionId, companyId: parkMon.id, usedAt: null })
    expect(stored.expiresAt - stored.createdAt).toBe(7 * 86_400_000)
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: quietInspectionId, outcome: 'compliant', findings: '再记一次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })

    const code = await insp('demo-officer-1', 'ratingCode', { inspectionId: quietInspectionId })
    expect(code).toMatchObject({ ok: true, data: { token: res.data.rating.token, scene: res.data.rating.token, path: 'enterprise/rate/index' } })
    expect(code.data.image).toMatch(CODE_IMAGE)
    expect(await insp('demo-officer-3', 'ratingCode', { inspectionId: quietInspectionId })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await insp('demo-officer-1', 'ratingCode', { inspectionId: 'insp_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  it('answers ALREADY_RATED once the company has rated', async () => {
    await emu.emulator.db
      .collection('inspections')
      .doc(quietInspectionId)
      .update({ data: { rating: { state: 'rated', score: 5 } } })
    expect(await insp('demo-officer-1', 'ratingCode', { inspectionId: quietInspectionId })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
  })

  it('names the field of bad input', async () => {
    const res = await insp('demo-officer-1', 'checkIn', { scene: scene(parkMon), clientRequestId: 'x', source: 'hunch' })
    expect(res.error?.code).toBe('INVALID_INPUT')
    const paths = (res.error!.details as { issues: Array<{ path: string[] }> }).issues.map((i) => i.path[0])
    expect(paths).toEqual(expect.arrayContaining(['clientRequestId', 'source', 'location']))
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: quietInspectionId, outcome: 'fine', findings: '' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await insp('demo-officer-1', 'preview', {})).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['scene'] }] } },
    })
    expect(await insp('demo-officer-1', 'list', { status: 'late' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['status'] }] } },
    })
    expect(await insp('demo-officer-1', 'list', { cursor: 'garbage' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['cursor'] }] } },
    })
  })
})

describe('on the 26th (after the quiet period)', () => {
  beforeAll(async () => {
    await emu.setClock('2026-12-26T02:00:00Z')
  })

  it('shows the quiet period over', async () => {
    const res = await insp('demo-officer-1', 'preview', { scene: scene(park1) })
    expect(res.data.quiet).toEqual({ active: false, appliesToCompany: true, windowEnd: null })
  })

  it('needs a legitimate source (PLAN_REQUIRED); a case source passes', async () => {
    expect(await checkIn('demo-officer-1', townNoPlan)).toMatchObject({ ok: false, error: { code: 'PLAN_REQUIRED' } })
    expect(await checkIn('demo-officer-3', townRepeat, { planId: marketPlanId })).toMatchObject({ ok: false, error: { code: 'PLAN_REQUIRED' } })
    expect(await checkIn('demo-officer-1', townNoPlan, { planId: 'plan_nope' })).toMatchObject({ ok: false, error: { code: 'PLAN_REQUIRED' } })
    const res = await checkIn('demo-officer-1', townNoPlan, { source: 'complaint', sourceRef: 'REF-2026-0001' })
    expect(res).toMatchObject({ ok: true, data: { inspection: { source: 'complaint', sourceRef: 'REF-2026-0001', capCounted: false }, flags: [] } })
  })

  it('caps planned checks at 2 per department and company per year; case-sourced ones still pass', async () => {
    const first = await checkIn('demo-officer-1', townCap, { planId: marketPlanId })
    expect(first).toMatchObject({ ok: true, data: { inspection: { planId: marketPlanId, capCounted: true } } })
    await emu.setClock('2026-12-26T04:30:00Z')
    expect(await checkIn('demo-officer-1', townCap)).toMatchObject({ ok: true, data: { joined: false, inspection: { capCounted: true } } })
    await emu.setClock('2026-12-26T07:00:00Z')
    const refusalsBefore = (await deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')).capRefusals
    const inspectionsBefore = await countAll('inspections')
    expect(await checkIn('demo-officer-1', townCap)).toMatchObject({ ok: false, error: { code: 'FREQUENCY_CAP', details: { used: 2, cap: 2, year: 2026 } } })
    expect((await deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')).capRefusals).toBe(refusalsBefore + 1)
    expect(await countAll('inspections')).toBe(inspectionsBefore)
    expect((await insp('demo-officer-1', 'preview', { scene: scene(townCap) })).data.yearCount).toEqual({ used: 2, cap: 2 })
    expect(await checkIn('demo-officer-1', townCap, { source: 'referral', sourceRef: 'REF-2026-0001' })).toMatchObject({
      ok: true,
      data: { inspection: { capCounted: false } },
    })
  })

  it('counts the cap in the China year: 2026-12-31T16:30Z is already 2027', async () => {
    await emu.setClock('2026-12-31T16:30:00Z')
    const res = await checkIn('demo-officer-1', townCap)
    expect(res).toMatchObject({ ok: true, data: { inspection: { date: '2027-01-01', month: '2027-01', capCounted: true } } })
    expect((await insp('demo-officer-1', 'preview', { scene: scene(townCap) })).data.yearCount).toEqual({ used: 1, cap: 2 })
    await emu.setClock('2026-12-27T02:00:00Z')
  })

  it('joins within the 2-hour window and opens a new inspection after it', async () => {
    const first = await checkIn('demo-officer-1', townJoin)
    await emu.setClock('2026-12-27T03:59:00Z')
    const joined = await checkIn('demo-officer-2', townJoin)
    expect(joined).toMatchObject({ ok: true, data: { joined: true, inspection: { id: first.data.inspection.id } } })
    await emu.setClock('2026-12-27T04:00:30Z')
    expect((await insp('demo-officer-1', 'preview', { scene: scene(townJoin) })).data.openInspection).toBeUndefined()
    const late = await checkIn('demo-officer-2', townJoin)
    expect(late).toMatchObject({ ok: true, data: { joined: false, inspection: { officerIds: [DEMO_IDS.officer2] } } })
    expect(late.data.inspection.id).not.toBe(first.data.inspection.id)
    // A result needs two officers.
    expect(await insp('demo-officer-2', 'recordResult', { inspectionId: late.data.inspection.id, outcome: 'compliant', findings: '未发现问题' })).toMatchObject(
      {
        ok: false,
        error: { code: 'NEED_TWO_OFFICERS' },
      },
    )
  })

  it('flags a check-in far from the company, or with a coarse fix, as off_site (not a refusal)', async () => {
    const far = await checkIn('demo-officer-1', townOff, { location: { lat: townOff.location.lat + 0.05, lng: townOff.location.lng, accuracy: 10 } })
    expect(far).toMatchObject({ ok: true, data: { flags: ['off_site'] } })
    expect(far.data.inspection.distanceM).toBeGreaterThan(5000)
    const coarse = await checkIn('demo-officer-3', townNoPlan, { source: 'monitoring', sourceRef: 'REF-2026-0001', location: at(townNoPlan, 500) })
    expect(coarse).toMatchObject({ ok: true, data: { flags: ['off_site'] } })
    expect(coarse.data.inspection.distanceM).toBeLessThan(100)
  })

  it('flags the second check-in of a company within 60 days by any department as repeated, with an alert', async () => {
    const a = await checkIn('demo-officer-1', townRepeat)
    expect(a).toMatchObject({ ok: true, data: { flags: [] } })
    const preview = await insp('demo-officer-3', 'preview', { scene: scene(townRepeat) })
    expect(preview.data).toMatchObject({ jointSuggested: true, recent: [{ id: a.data.inspection.id, deptId: DEMO_IDS.cityMarketDept }] })
    const repeatedBefore = (await deptCounter(emu.emulator.db, DEMO_IDS.cityEmergencyDept, '3607', '2026-12')).repeated
    const b = await checkIn('demo-officer-3', townRepeat)
    expect(b).toMatchObject({ ok: true, data: { flags: ['repeated'], inspection: { deptId: DEMO_IDS.cityEmergencyDept, planId: emergencyPlanId } } })
    const alerts = (
      await emu.emulator.db
        .collection('alerts')
        .where({ ref: `inspections/${b.data.inspection.id}` })
        .get()
    ).data
    expect(alerts).toEqual([expect.objectContaining({ kind: 'repeated', companyId: townRepeat.id, region: townRepeat.region })])
    expect((await deptCounter(emu.emulator.db, DEMO_IDS.cityEmergencyDept, '3607', '2026-12')).repeated).toBe(repeatedBefore + 1)
  })

  it('shows the digital certificate card with a 5-minute code', async () => {
    const res = await insp('demo-officer-1', 'certCard')
    expect(res).toMatchObject({
      ok: true,
      data: {
        officer: { id: DEMO_IDS.officer1, name: '张伟', certStatus: 'valid' },
        department: { id: DEMO_IDS.cityMarketDept },
        path: 'enterprise/verify-officer/index',
        certState: 'valid',
      },
    })
    expect(res.data.token).toMatch(/^c\./)
    expect(res.data.scene).toBe(res.data.token)
    expect(res.data.image).toMatch(CODE_IMAGE)
    const stored = await doc('cardTokens', res.data.token.split('.')[1])
    expect(stored).toMatchObject({ officerId: DEMO_IDS.officer1 })
    expect(stored.expiresAt - stored.createdAt).toBe(5 * 60_000)
    expect(res.data.expiresAt).toBe(stored.expiresAt)
  })
})

describe('inspection.list', () => {
  it('pages the caller’s inspections newest first, 20 at a time', async () => {
    await emu.setClock('2026-12-28T02:00:00Z')
    // Distinct companies: scans of the same company within 2 hours would join one inspection.
    for (const company of townOthers.slice(0, 22))
      expect((await checkIn('demo-officer-3', company, { source: 'complaint', sourceRef: 'REF-2026-0001' })).ok).toBe(true)
    const seen: string[] = []
    let cursor: string | undefined
    let pages = 0
    do {
      const res = await insp('demo-officer-3', 'list', cursor ? { cursor } : {})
      expect(res.ok).toBe(true)
      expect(res.data.items.length).toBeLessThanOrEqual(20)
      const ats = res.data.items.map((i: { checkInAt: number }) => i.checkInAt)
      expect([...ats].sort((x, y) => y - x)).toEqual(ats)
      seen.push(...res.data.items.map((i: { id: string; officerIds: string[] }) => (expect(i.officerIds).toContain(DEMO_IDS.officer3), i.id)))
      cursor = res.data.cursor
      pages++
    } while (cursor && pages < 10)
    expect(new Set(seen).size).toBe(seen.length)
    expect(seen.length).toBe(await count('inspections', { officerIds: DEMO_IDS.officer3 }))
    expect(pages).toBeGreaterThanOrEqual(2)
  })

  it('filters by status; an open inspection past its deadline reads as overdue before the scheduler runs', async () => {
    const closed = await insp('demo-officer-1', 'list', { status: 'closed' })
    expect(closed.data.items.length).toBeGreaterThanOrEqual(1)
    expect(closed.data.items.every((i: { status: string }) => i.status === 'closed')).toBe(true)
    const open = await insp('demo-officer-1', 'list', { status: 'open' })
    expect(open.data.items.every((i: { status: string }) => i.status === 'open')).toBe(true)
    const openIds = open.data.items.map((i: { id: string }) => i.id)
    await emu.setClock('2027-01-20T02:00:00Z')
    const overdue = await insp('demo-officer-1', 'list', { status: 'overdue' })
    expect(overdue.data.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining(openIds))
    expect(overdue.data.items.every((i: { status: string }) => i.status === 'overdue')).toBe(true)
    expect((await insp('demo-officer-1', 'list', { status: 'open' })).data.items).toEqual([])
  })
})
