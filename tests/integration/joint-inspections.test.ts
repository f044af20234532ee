import { defaultSettings } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { checkCounterConsistency } from '../../server/store/recount'

/**
 * SPEC §2 rules 14–20 through the emulator over HTTP, on the demo data: joint inspections,
 * case-source references and after_cap, late join, withdraw, back-fill, service visits,
 * leniency. Companies co_0100 and above are untouched by the demo history; this file uses
 * companies the other integration files do not (from the end of the list).
 */

const roster = buildDemoRoster()
const fresh = (f: (c: (typeof roster.companies)[number]) => boolean) => roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && f(c)).reverse()
const [parkA, parkB] = fresh((c) => c.inPark && !c.monitoringPoint)
const [monitored] = fresh((c) => c.monitoringPoint)
const [townCap, townJoint, townLate, townWithdraw, townBackfill, townService, townSolo] = fresh((c) => !c.inPark && !c.monitoringPoint)
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0005, lng: c.location.lng, accuracy: 15 })
const scene = (c: { id: string }) => `c=${c.id}`
const MARKET = DEMO_IDS.cityMarketDept
const EMERGENCY = DEMO_IDS.cityEmergencyDept

let emu: TestEmulator
const { as, into } = emulatorSession(() => emu)
const insp = into('inspection')
const sup = into('supervision')
let n = 0
const crid = () => `joint-${Date.now().toString(36)}-${++n}`
const checkIn = (openid: string, company: (typeof roster.companies)[number], extra: object = {}) =>
  insp(openid, 'checkIn', { scene: scene(company), clientRequestId: crid(), source: 'plan', location: at(company), ...extra })
const market = () => deptCounter(emu.emulator.db, MARKET, '3607', '2026-12')
const emergency = () => deptCounter(emu.emulator.db, EMERGENCY, '3607', '2026-12')
const alertsOf = async (kind: string, ref: string) => (await emu.emulator.db.collection('alerts').where({ kind, ref }).count()).total

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-27T02:00:00Z' })
  const submitted = await sup('demo-deptadmin-1', 'submitPlan', {
    deptId: MARKET,
    title: '2026年12月 日常监督检查（联合检查测试）',
    kind: 'routine',
    items: ['证照公示'],
    basis: '《市场监督管理行政处罚程序规定》',
    companyIds: [parkA.id, parkB.id, townCap.id, townJoint.id, townLate.id, townWithdraw.id, townBackfill.id, townSolo.id],
    from: '2026-12-01',
    to: '2026-12-31',
  })
  expect(await sup('demo-supervisor-city', 'reviewPlan', { planId: submitted.data.plan.id, decision: 'approve', comment: '同意' })).toMatchObject({ ok: true })
})
afterAll(async () => {
  await emu?.close()
})

describe('rule 15: case sources carry a reference; after_cap', () => {
  it('refuses a case source without its number, in words', async () => {
    const res = await checkIn('demo-officer-1', townCap, { source: 'complaint' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(res.error!.message).toContain('来源编号')
    expect(res.error!.message).not.toMatch(/sourceRef/)
    expect((await checkIn('demo-officer-1', townCap, { source: 'complaint', sourceRef: 'ab' })).error!.code).toBe('INVALID_INPUT')
  })

  it('flags and alerts a case-sourced check-in after a cap refusal of the same department', async () => {
    await emu.setClock('2026-12-27T02:00:00Z')
    expect((await checkIn('demo-officer-1', townCap)).data.inspection.capCounted).toBe(true)
    await emu.setClock('2026-12-27T05:00:00Z')
    expect((await checkIn('demo-officer-1', townCap)).data.inspection.capCounted).toBe(true)
    await emu.setClock('2026-12-27T08:00:00Z')
    expect(await checkIn('demo-officer-1', townCap)).toMatchObject({ ok: false, error: { code: 'FREQUENCY_CAP' } })
    const cased = await checkIn('demo-officer-1', townCap, { source: 'complaint', sourceRef: 'TS-2026-1288' })
    expect(cased).toMatchObject({ ok: true, data: { inspection: { sourceRef: 'TS-2026-1288', capCounted: false } } })
    expect(cased.data.flags).toContain('after_cap')
    expect(await alertsOf('after_cap', `inspections/${cased.data.inspection.id}`)).toBe(1)
    // Another department's case-sourced check-in there is not flagged.
    const other = await checkIn('demo-officer-3', townCap, { source: 'referral', sourceRef: 'YS-2026-0042' })
    expect(other.data.flags).not.toContain('after_cap')
    await emu.setClock('2026-12-27T02:00:00Z')
  })
})

describe('rule 14: joint inspections', () => {
  let id: string
  it('the preview offers another department’s open inspection, and the join counts once for the company', async () => {
    const first = await checkIn('demo-officer-1', townJoint)
    id = first.data.inspection.id
    await emu.setClock('2026-12-27T02:30:00Z')
    const preview = await insp('demo-officer-3', 'preview', { scene: scene(townJoint) })
    expect(preview.data).toMatchObject({ openInspection: { id }, joinKind: 'joint' })
    const [mBefore, eBefore] = [await market(), await emergency()]
    // The joining department passes rule 2 like a check-in of its own.
    expect(await checkIn('demo-officer-3', townJoint, { joinInspectionId: id })).toMatchObject({ ok: false, error: { code: 'PLAN_REQUIRED' } })
    const joined = await checkIn('demo-officer-3', townJoint, { joinInspectionId: id, source: 'complaint', sourceRef: 'TS-2026-1301' })
    expect(joined).toMatchObject({ ok: true, data: { joined: true, joint: true, inspection: { id, deptIds: [MARKET, EMERGENCY], joint: true } } })
    expect(joined.data.flags).not.toContain('repeated')
    expect(await alertsOf('repeated', `inspections/${id}`)).toBe(0)
    expect((await emergency()).inspections).toBe(eBefore.inspections + 1)
    expect((await market()).inspections).toBe(mBefore.inspections)
  })

  it('each department records its own result; the inspection closes when both have', async () => {
    expect(
      await insp('demo-officer-1', 'recordResult', { inspectionId: id, outcome: 'rectify', findings: '证照未公示', rectifyBy: '2026-12-20' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(
      await insp('demo-officer-1', 'recordResult', { inspectionId: id, outcome: 'rectify', findings: '证照未公示', rectifyBy: '2027-12-20' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const lead = await insp('demo-officer-1', 'recordResult', { inspectionId: id, outcome: 'rectify', findings: '证照未公示', rectifyBy: '2027-01-10' })
    expect(lead).toMatchObject({ ok: true, data: { inspection: { status: 'open', results: [{ deptId: MARKET, outcome: 'rectify' }] } } })
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '再次' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await insp('demo-officer-3', 'recordResult', { inspectionId: id, outcome: 'no_penalty', findings: '安全警示标志缺失，当场改正' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const noPenaltyBefore = (await emergency()).noPenalty
    const second = await insp('demo-officer-3', 'recordResult', {
      inspectionId: id,
      outcome: 'no_penalty',
      findings: '安全警示标志缺失，当场改正',
      leniencyItemId: 'safety-1',
    })
    expect(second).toMatchObject({ ok: true, data: { inspection: { status: 'closed' } } })
    expect(second.data.inspection.results).toHaveLength(2)
    expect((await emergency()).noPenalty).toBe(noPenaltyBefore + 1)
    // One rating code for the one visit, whichever department recorded.
    expect(second.data.rating.token).toBe(lead.data.rating.token)
    expect((await emu.emulator.db.collection('ratingTokens').where({ inspectionId: id }).count()).total).toBe(1)
  })

  it('the detail shows the timeline to the officers on it', async () => {
    const detail = await insp('demo-officer-3', 'detail', { inspectionId: id })
    expect(detail.data.timeline.map((s: { kind: string }) => s.kind)).toEqual(['check_in', 'joint_join', 'result', 'result'])
    expect(await insp('demo-officer-2', 'detail', { inspectionId: id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('the joining department’s admin finds the joint inspection in its search and opens it; another department’s admin cannot', async () => {
    await emu.call('account', 'grantRole', { openid: 'em-admin', role: 'deptAdmin', deptId: EMERGENCY }, await as('demo-admin'))
    const listed = await sup('em-admin', 'inspections', { companyId: townJoint.id })
    expect(listed).toMatchObject({ ok: true })
    expect(listed.data.items.map((i: { id: string }) => i.id)).toContain(id)
    expect(await sup('em-admin', 'inspection', { inspectionId: id })).toMatchObject({ ok: true, data: { inspection: { id, deptIds: [MARKET, EMERGENCY] } } })
    const onlyMarket = await checkIn('demo-officer-1', townSolo)
    expect(await sup('em-admin', 'inspection', { inspectionId: onlyMarket.data.inspection.id })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const ownList = await sup('em-admin', 'inspections', { companyId: townSolo.id })
    expect(ownList.data.items.map((i: { id: string }) => i.id)).not.toContain(onlyMarket.data.inspection.id)
  })
})

describe('a monitoring point’s ledger (rule 11) follows', () => {
  it('records the joining department’s visit and a back-filled one, and the chain verifies', async () => {
    await emu.setClock('2026-12-27T02:00:00Z')
    const lead = await checkIn('demo-officer-1', monitored, { source: 'complaint', sourceRef: 'TS-2026-1400' })
    expect(lead.ok).toBe(true)
    await checkIn('demo-officer-3', monitored, { joinInspectionId: lead.data.inspection.id, source: 'referral', sourceRef: 'YS-2026-1401' })
    await insp('demo-officer-2', 'backfill', {
      companyId: monitored.id,
      clientRequestId: crid(),
      checkInAt: '2026-12-26T03:00:00Z',
      reason: '现场没有网络，无法扫码，事后补录',
      source: 'monitoring',
      sourceRef: 'YJ-2026-1402',
    })
    const ledger = await sup('demo-supervisor-city', 'ledger', { companyId: monitored.id })
    expect(ledger.data.chainOk).toBe(true)
    const purposes = ledger.data.items.map((e: { purpose: string }) => e.purpose)
    expect(purposes.some((p: string) => p.startsWith('联合检查'))).toBe(true)
    expect(purposes.some((p: string) => p.startsWith('补录'))).toBe(true)
  })
})

describe('rule 16: late join', () => {
  it('a second officer who scans after the window still joins, flagged late_join, so a result can be recorded', async () => {
    await emu.setClock('2026-12-27T02:00:00Z')
    const first = await checkIn('demo-officer-1', townLate)
    await emu.setClock('2026-12-28T09:00:00Z')
    expect((await insp('demo-officer-2', 'preview', { scene: scene(townLate) })).data).toMatchObject({ joinKind: 'late' })
    const late = await checkIn('demo-officer-2', townLate)
    expect(late).toMatchObject({ ok: true, data: { joined: true, inspection: { id: first.data.inspection.id } } })
    expect(late.data.flags).toContain('late_join')
    expect(
      await insp('demo-officer-2', 'recordResult', { inspectionId: first.data.inspection.id, outcome: 'compliant', findings: '未发现问题' }),
    ).toMatchObject({ ok: true })
    await emu.setClock('2026-12-27T02:00:00Z')
  })
})

describe('rule 18: withdraw', () => {
  it('within 30 minutes, with a reason; the visit leaves the cap and the counts', async () => {
    await emu.setClock('2026-12-27T10:00:00Z')
    const before = await market()
    const wrong = await checkIn('demo-officer-1', townWithdraw)
    const wid = wrong.data.inspection.id
    expect((await insp('demo-officer-1', 'preview', { scene: scene(townWithdraw) })).data.yearCount.used).toBe(1)
    expect(await insp('demo-officer-1', 'withdraw', { inspectionId: wid, reason: '扫错' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await insp('demo-officer-2', 'withdraw', { inspectionId: wid, reason: '扫错了企业的企检码，实际未入企' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    // The emulator's clock runs on from each setting: a minute inside the window, not its edge.
    await emu.setClock('2026-12-27T10:29:00Z')
    const done = await insp('demo-officer-1', 'withdraw', { inspectionId: wid, reason: '扫错了企业的企检码，实际未入企' })
    expect(done).toMatchObject({ ok: true, data: { inspection: { status: 'withdrawn', withdrawal: { reason: '扫错了企业的企检码，实际未入企' } } } })
    expect((await insp('demo-officer-1', 'preview', { scene: scene(townWithdraw) })).data.yearCount.used).toBe(0)
    const after = await market()
    expect(after.inspections).toBe(before.inspections)
    expect(after.withdrawn).toBe(before.withdrawn + 1)
    expect(await insp('demo-officer-1', 'recordResult', { inspectionId: wid, outcome: 'compliant', findings: '无' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    const late = await checkIn('demo-officer-1', townWithdraw)
    await emu.setClock('2026-12-27T11:01:00Z')
    expect(await insp('demo-officer-1', 'withdraw', { inspectionId: late.data.inspection.id, reason: '扫错了企业的企检码，实际未入企' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })
})

describe('rule 17: back-fill', () => {
  it('applies the rules at the stated time: the 25th at a park company needs a special case', async () => {
    await emu.setClock('2026-12-27T03:00:00Z')
    const base = { companyId: parkA.id, reason: '企业门口企检码被雨水损坏无法扫描', source: 'plan' }
    expect(await insp('demo-officer-1', 'backfill', { ...base, clientRequestId: crid(), checkInAt: '2026-12-25T02:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'QUIET_PERIOD' },
    })
    expect(await insp('demo-officer-1', 'backfill', { ...base, clientRequestId: crid(), checkInAt: '2026-12-23T15:59:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await insp('demo-officer-1', 'backfill', { ...base, clientRequestId: crid(), checkInAt: '2026-12-27T04:00:00Z' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    const key = crid()
    const ok = await insp('demo-officer-1', 'backfill', {
      ...base,
      clientRequestId: key,
      checkInAt: '2026-12-25T02:00:00Z',
      exception: { category: 'emergency' },
    })
    expect(ok).toMatchObject({ ok: true, data: { inspection: { date: '2026-12-25', backfill: { review: 'pending' } } } })
    expect(ok.data.inspection.flags).toEqual(expect.arrayContaining(['backfilled', 'quiet_exception']))
    expect(ok.data.inspection.location).toBeUndefined()
    // The deadline runs from the back-fill.
    expect(ok.data.inspection.dueAt - Date.parse('2026-12-30T03:00:00Z')).toBeGreaterThanOrEqual(0)
    expect(ok.data.inspection.dueAt - Date.parse('2026-12-30T03:00:00Z')).toBeLessThan(60_000)
    const retry = await insp('demo-officer-1', 'backfill', {
      ...base,
      clientRequestId: key,
      checkInAt: '2026-12-25T02:00:00Z',
      exception: { category: 'emergency' },
    })
    expect(retry.data.inspection.id).toBe(ok.data.inspection.id)
  })

  it('waits for the supervisor’s review like a special case', async () => {
    const plain = await insp('demo-officer-1', 'backfill', {
      companyId: townBackfill.id,
      clientRequestId: crid(),
      checkInAt: '2026-12-26T06:00:00Z',
      reason: '现场没有网络，无法扫码，事后补录',
      source: 'plan',
    })
    expect(plain).toMatchObject({ ok: true, data: { inspection: { flags: ['backfilled'] } } })
    const pending = await sup('demo-supervisor-city', 'exceptions', {})
    expect(pending.data.items.map((i: { id: string }) => i.id)).toContain(plain.data.inspection.id)
    const reviewed = await sup('demo-supervisor-city', 'reviewException', { inspectionId: plain.data.inspection.id, verdict: 'justified', comment: '情况属实' })
    expect(reviewed).toMatchObject({ ok: true, data: { inspection: { backfill: { review: 'justified' } } } })
    expect((await sup('demo-supervisor-city', 'exceptions', {})).data.items.map((i: { id: string }) => i.id)).not.toContain(plain.data.inspection.id)
  })
})

describe('rule 19: service visits', () => {
  it('recorded from the scan, not capped, flagged quiet_period in the window at a park company, idempotent', async () => {
    await emu.setClock('2026-12-10T02:00:00Z')
    const before = (await deptCounter(emu.emulator.db, MARKET, '3607', '2026-12')).serviceVisits
    const key = crid()
    const visit = await insp('demo-officer-1', 'serviceVisit', {
      scene: scene(parkB),
      clientRequestId: key,
      purpose: 'policy',
      note: '宣讲惠企政策',
      location: at(parkB),
    })
    expect(visit).toMatchObject({ ok: true, data: { visit: { companyId: parkB.id, purpose: 'policy', flags: ['quiet_period'] } } })
    const again = await insp('demo-officer-1', 'serviceVisit', { scene: scene(parkB), clientRequestId: key, purpose: 'policy', location: at(parkB) })
    expect(again.data.visit.id).toBe(visit.data.visit.id)
    expect(
      await insp('demo-officer-1', 'serviceVisit', { scene: scene(townService), clientRequestId: key, purpose: 'policy', location: at(townService) }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect((await deptCounter(emu.emulator.db, MARKET, '3607', '2026-12')).serviceVisits).toBe(before + 1)
    await emu.setClock('2026-12-27T02:00:00Z')
    const after = await insp('demo-officer-3', 'serviceVisit', {
      scene: scene(townService),
      clientRequestId: crid(),
      purpose: 'survey',
      location: at(townService),
    })
    expect(after.data.visit.flags).toEqual([])
    // The company sees it on its home, apart from inspections (needs a bound company user: bind one).
    const code = await emu.call('account', 'issueEnterpriseCode', { companyId: townService.id }, await as('demo-admin'))
    const bound = await emu.call('account', 'bindEnterprise', { uscc: townService.uscc, code: code.data.bindCode }, await as('sv-company'))
    expect(bound.ok).toBe(true)
    const home = await emu.call('enterprise', 'overview', {}, await as('sv-company'))
    expect(home.data.year.byDepartment).toEqual([expect.objectContaining({ deptId: EMERGENCY, service: 1, planned: 0, caseSourced: 0 })])
  })
})

describe('rule 20 and the officer’s plans', () => {
  it('the leniency lists of a field, with their basis', async () => {
    const res = await insp('demo-officer-1', 'leniency', { field: '市场监管' })
    expect(res.data.lists.map((l: { id: string }) => l.id)).toEqual(['market'])
    expect(res.data.lists[0].items[0].basis).toContain('行政处罚法')
    // Without a field: the officer's own department's (the emergency bureau's).
    expect((await insp('demo-officer-3', 'leniency', {})).data.lists.map((l: { field: string }) => l.field)).toEqual(['应急管理'])
  })
  it('the department’s approved plans', async () => {
    const res = await insp('demo-officer-1', 'plans', {})
    expect(res.data.items.length).toBeGreaterThan(0)
    expect(res.data.items.every((p: { deptId: string; status: string }) => p.deptId === MARKET && p.status === 'approved')).toBe(true)
    const ours = res.data.items.find((p: { title: string }) => p.title.includes('联合检查测试'))
    expect(ours.companies).toEqual(expect.arrayContaining([{ id: townJoint.id, name: townJoint.name }]))
  })
})

describe('figures', () => {
  it('the kept counters match a recount of the records (joint, withdrawn, back-filled, service visits)', async () => {
    const report = await checkCounterConsistency(emu.emulator.db, defaultSettings())
    expect(report.differences).toEqual([])
  })
})
