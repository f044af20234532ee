import { defaultSettings } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { checkCounterConsistency } from '../../server/store/recount'
import { repairDrift } from '../../server/jobs/counter-consistency'
import { alertIdFor } from '../../server/store/alerts'

/**
 * Rule 14 through the emulator over HTTP, on the demo data: a department that joins an
 * inspection with a quiet-period special case of its own has that case listed and reviewed
 * on its own (supervision.exceptions / reviewException with `deptId`), moving its own
 * figures; the company's rating of a joint visit counts for every department on it, and a
 * bad one raises one alert naming them all, followed up once (rule 21). The hourly
 * consistency job agrees with the figures and repairs nothing.
 */

const roster = buildDemoRoster()
const fresh = (f: (c: (typeof roster.companies)[number]) => boolean) => roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && f(c))
const [park] = fresh((c) => c.inPark && !c.monitoringPoint)
const [townBad, townLate] = fresh((c) => !c.inPark && !c.monitoringPoint)
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0005, lng: c.location.lng, accuracy: 15 })
const MARKET = DEMO_IDS.cityMarketDept
const EMERGENCY = DEMO_IDS.cityEmergencyDept
const deptName = (id: string) => roster.departments.find((d) => d.id === id)!.name
const MONTH = '2026-12'

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const insp = (openid: string, action: string, fields: object = {}) => call(openid, 'inspection', action, fields)
const sup = (action: string, fields: object = {}) => call('demo-supervisor-city', 'supervision', action, fields)
let n = 0
const crid = () => `jrr-${Date.now().toString(36)}-${++n}`
const checkIn = (openid: string, company: (typeof roster.companies)[number], extra: object) =>
  insp(openid, 'checkIn', { scene: `c=${company.id}`, clientRequestId: crid(), location: at(company), ...extra })
const figures = (deptId: string) => deptCounter(emu.emulator.db, deptId, '3607', MONTH)
const db = () => emu.emulator.db

type CaseItem = { id: string; reviewCase: { deptId: string; deptName: string; lead: boolean; review: string; exception?: { category: string } } }
const casesOf = async (id: string, status = 'pending'): Promise<CaseItem['reviewCase'][]> =>
  ((await sup('exceptions', { status })).data.items as CaseItem[]).filter((i) => i.id === id).map((i) => i.reviewCase)

/** A joint visit at a town company: the market bureau leads, the emergency bureau joins; both record; the rating code. */
async function jointVisit(company: (typeof roster.companies)[number], ref: string): Promise<{ id: string; token: string }> {
  const lead = await checkIn('demo-officer-1', company, { source: 'complaint', sourceRef: `TS-${ref}` })
  const id = lead.data.inspection.id
  expect(await checkIn('demo-officer-3', company, { joinInspectionId: id, source: 'referral', sourceRef: `YS-${ref}` })).toMatchObject({ ok: true })
  const first = await insp('demo-officer-1', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '未发现问题' })
  expect(await insp('demo-officer-3', 'recordResult', { inspectionId: id, outcome: 'compliant', findings: '未发现安全隐患' })).toMatchObject({
    ok: true,
    data: { inspection: { status: 'closed' } },
  })
  return { id, token: first.data.rating.token }
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-10T02:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

describe('rule 14: each department’s special case is reviewed on its own', () => {
  let id: string
  it('a department joining in the quiet period with its own special case: two cases, one per department, each pending in its own figures', async () => {
    const [m0, e0] = [await figures(MARKET), await figures(EMERGENCY)]
    const lead = await checkIn('demo-officer-1', park, { source: 'plan', exception: { category: 'emergency' } })
    expect(lead).toMatchObject({ ok: true })
    id = lead.data.inspection.id
    await emu.setClock('2026-12-10T02:20:00Z')
    // The joining department passes the quiet period like a check-in of its own (rule 1).
    expect(await checkIn('demo-officer-3', park, { joinInspectionId: id, source: 'referral', sourceRef: 'YS-2026-2001' })).toMatchObject({
      ok: false,
      error: { code: 'QUIET_PERIOD' },
    })
    const joined = await checkIn('demo-officer-3', park, {
      joinInspectionId: id,
      source: 'referral',
      sourceRef: 'YS-2026-2001',
      exception: { category: 'high_risk' },
    })
    expect(joined).toMatchObject({ ok: true, data: { joint: true, inspection: { deptIds: [MARKET, EMERGENCY] } } })
    expect((await figures(MARKET)).quietExceptions.pending).toBe(m0.quietExceptions.pending + 1)
    expect((await figures(EMERGENCY)).quietExceptions.pending).toBe(e0.quietExceptions.pending + 1)

    const cases = await casesOf(id)
    expect(cases).toEqual([
      expect.objectContaining({
        deptId: MARKET,
        deptName: deptName(MARKET),
        lead: true,
        review: 'pending',
        exception: expect.objectContaining({ category: 'emergency' }),
      }),
      expect.objectContaining({
        deptId: EMERGENCY,
        deptName: deptName(EMERGENCY),
        lead: false,
        review: 'pending',
        exception: expect.objectContaining({ category: 'high_risk' }),
      }),
    ])
    // The alerts list has one pending special case per department, each naming its department.
    const pending = ((await sup('alerts')).data.items as Array<{ id: string; kind: string; ref: string; deptId: string; summary: string }>).filter(
      (a) => a.kind === 'pending_exception' && a.ref === `inspections/${id}`,
    )
    expect(pending.map((a) => a.deptId)).toEqual(expect.arrayContaining([MARKET, EMERGENCY]))
    expect(new Set(pending.map((a) => a.id)).size).toBe(2)
    expect(pending.find((a) => a.deptId === EMERGENCY)!.summary).toContain(deptName(EMERGENCY))
  })

  it('with two cases pending, a review that names no department is refused in words; a department not on it too', async () => {
    const res = await sup('reviewException', { inspectionId: id, verdict: 'justified', comment: '情况属实' })
    expect(res).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(res.error!.message).toContain('请选择要审核的部门')
    expect(res.error!.message).toContain(deptName(EMERGENCY))
    expect(res.error!.message).not.toMatch(/deptId/)
    const other = await sup('reviewException', {
      inspectionId: id,
      deptId: roster.departments.find((d) => d.id !== MARKET && d.id !== EMERGENCY)!.id,
      verdict: 'justified',
      comment: '情况属实',
    })
    expect(other).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // A department admin never reviews (supervisors only).
    expect(
      await call('demo-deptadmin-1', 'supervision', 'reviewException', { inspectionId: id, deptId: MARKET, verdict: 'justified', comment: '自审' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
    expect((await casesOf(id)).length).toBe(2)
  })

  it('the joined department’s case judged unjustified: its figures and its alert, the leading one still pending', async () => {
    const [m0, e0] = [await figures(MARKET), await figures(EMERGENCY)]
    const res = await sup('reviewException', { inspectionId: id, deptId: EMERGENCY, verdict: 'unjustified', comment: '无重大风险依据，不属于特殊情形' })
    expect(res).toMatchObject({
      ok: true,
      data: {
        inspection: {
          exception: { review: 'pending' },
          joins: [{ deptId: EMERGENCY, exception: { review: 'unjustified', reviewComment: '无重大风险依据，不属于特殊情形' } }],
        },
      },
    })
    const [m1, e1] = [await figures(MARKET), await figures(EMERGENCY)]
    expect(e1.quietExceptions).toEqual({ ...e0.quietExceptions, pending: e0.quietExceptions.pending - 1, unjustified: e0.quietExceptions.unjustified + 1 })
    expect(m1.quietExceptions).toEqual(m0.quietExceptions)
    const unjustified = await db()
      .collection('alerts')
      .where({ kind: 'unjustified_exception', ref: `inspections/${id}` })
      .get()
    expect(unjustified.data).toEqual([expect.objectContaining({ deptId: EMERGENCY, resolved: false, summary: expect.stringContaining(deptName(EMERGENCY)) })])
    // Reviewed once.
    expect(await sup('reviewException', { inspectionId: id, deptId: EMERGENCY, verdict: 'justified', comment: '改判' })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
    expect(await casesOf(id)).toEqual([expect.objectContaining({ deptId: MARKET, review: 'pending' })])
    expect(await casesOf(id, 'unjustified')).toEqual([expect.objectContaining({ deptId: EMERGENCY, lead: false })])
    const stillPending = ((await sup('alerts')).data.items as Array<{ kind: string; ref: string; deptId: string }>).filter(
      (a) => a.kind === 'pending_exception' && a.ref === `inspections/${id}`,
    )
    expect(stillPending.map((a) => a.deptId)).toEqual([MARKET])
  })

  it('the one case left pending is reviewed without naming the department; then nothing is left', async () => {
    const m0 = await figures(MARKET)
    expect(await sup('reviewException', { inspectionId: id, verdict: 'justified', comment: '突发事故处置，情况属实' })).toMatchObject({
      ok: true,
      data: { inspection: { exception: { review: 'justified' }, joins: [{ exception: { review: 'unjustified' } }] } },
    })
    expect((await figures(MARKET)).quietExceptions).toEqual({
      ...m0.quietExceptions,
      pending: m0.quietExceptions.pending - 1,
      justified: m0.quietExceptions.justified + 1,
    })
    expect(await casesOf(id)).toEqual([])
    const again = await sup('reviewException', { inspectionId: id, verdict: 'justified', comment: '再审' })
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    // The supervisor's detail shows both reviews on the timeline.
    const detail = await sup('inspection', { inspectionId: id })
    const reviews = detail.data.timeline.filter((e: { kind: string }) => e.kind === 'exception_review').map((e: { text: string }) => e.text)
    expect(reviews).toHaveLength(2)
    expect(reviews.some((t: string) => t.includes(deptName(EMERGENCY)) && t.includes('不成立'))).toBe(true)
  })
})

describe('rule 14 with rule 9: the rating of a joint visit counts for each department', () => {
  let alertId: string
  it('a bad rating is booked for both departments and raises one alert naming both', async () => {
    await emu.setClock('2026-12-27T02:00:00Z')
    const { id, token } = await jointVisit(townBad, '2026-2101')
    const code = await call('demo-admin', 'account', 'issueEnterpriseCode', { companyId: townBad.id })
    expect(await call('jrr-company', 'account', 'bindEnterprise', { uscc: townBad.uscc, code: code.data.bindCode })).toMatchObject({ ok: true })
    const [m0, e0] = [await figures(MARKET), await figures(EMERGENCY)]
    const rated = await call('jrr-company', 'enterprise', 'rate', { token, score: 1, comment: 'JRR 两个部门同来，耗时太长' })
    expect(rated).toMatchObject({ ok: true, data: { rating: { deptId: MARKET, deptIds: [MARKET, EMERGENCY], score: 1 } } })
    for (const [before, after] of [
      [m0, await figures(MARKET)],
      [e0, await figures(EMERGENCY)],
    ])
      expect(after.ratings).toEqual({ count: before.ratings.count + 1, sum: before.ratings.sum + 1, bad: before.ratings.bad + 1 })
    // Once per visit, not once per department.
    expect(await call('jrr-company', 'enterprise', 'rate', { inspectionId: id, score: 5 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    expect(await call('jrr-company', 'enterprise', 'rate', { token, score: 5 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })

    const bad = ((await sup('alerts')).data.items as Array<{ id: string; kind: string; ref: string }>).filter(
      (a) => a.kind === 'bad_rating' && a.ref === `ratings/${id}`,
    )
    expect(bad).toEqual([
      expect.objectContaining({
        deptId: MARKET,
        deptIds: [MARKET, EMERGENCY],
        summary: expect.stringMatching(new RegExp(`${deptName(MARKET)}、${deptName(EMERGENCY)}.*联合检查`)),
        rating: expect.objectContaining({ score: 1, comment: 'JRR 两个部门同来，耗时太长' }),
      }),
    ])
    alertId = bad[0].id
    // The supervisors' dashboard shows it in both departments' rows.
    const rows = (await sup('dashboard', { month: MONTH })).data.byDepartment as Array<{ deptId: string; ratings: { bad: number } }>
    expect(rows.find((r) => r.deptId === MARKET)!.ratings.bad).toBe((await figures(MARKET)).ratings.bad)
    expect(rows.find((r) => r.deptId === EMERGENCY)!.ratings.bad).toBe((await figures(EMERGENCY)).ratings.bad)
  })

  it('its follow-up is one piece of work (rule 21): refused without the follow-up, then handled once', async () => {
    expect(await sup('handleAlert', { alertId, note: '已处理' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(
      await sup('handleAlert', { alertId, note: '两部门已联合回访', followUp: { contacted: true, outcome: '企业接受解释，今后合并检查时缩短时间' } }),
    ).toMatchObject({
      ok: true,
      data: { alert: { status: 'handled', deptIds: [MARKET, EMERGENCY] } },
    })
    expect(await sup('handleAlert', { alertId, note: '再次', followUp: { contacted: true, outcome: '重复' } })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    })
  })

  it('a bad rating not followed up in time: the overdue alert names both departments too', async () => {
    await emu.setClock('2026-12-28T02:00:00Z')
    const { id, token } = await jointVisit(townLate, '2026-2102')
    const code = await call('demo-admin', 'account', 'issueEnterpriseCode', { companyId: townLate.id })
    expect(await call('jrr-company-2', 'account', 'bindEnterprise', { uscc: townLate.uscc, code: code.data.bindCode })).toMatchObject({ ok: true })
    expect(await call('jrr-company-2', 'enterprise', 'rate', { token, score: 2 })).toMatchObject({ ok: true })
    const dueAt = (
      await db()
        .collection('alerts')
        .doc(alertIdFor('bad_rating', `ratings/${id}`))
        .get()
    ).data.dueAt as number
    await emu.setClock(new Date(dueAt + 3_600_000).toISOString())
    expect((await call('demo-admin', 'scheduler', 'run')).ok).toBe(true)
    const overdue = (
      await db()
        .collection('alerts')
        .doc(alertIdFor('follow_up_overdue', `ratings/${id}`))
        .get()
    ).data
    expect(overdue).toMatchObject({ kind: 'follow_up_overdue', deptId: MARKET, deptIds: [MARKET, EMERGENCY], resolved: false })
  })
})

describe('figures', () => {
  it('the kept counters match a recount, and the hourly job repairs nothing', async () => {
    const settings = defaultSettings()
    expect((await checkCounterConsistency(db(), settings)).differences).toEqual([])
    const months = [MONTH, '2027-01']
    const now = Date.parse('2027-01-31T02:00:00Z')
    const first = await repairDrift(db(), settings, months, now)
    expect(first.report.differences).toEqual([])
    expect((await repairDrift(db(), settings, months, now + 3_600_000)).repaired).toEqual([])
    // The joined department's figures are what the records say: one special case reviewed unjustified, two ratings.
    const e = await figures(EMERGENCY)
    expect(e.quietExceptions.unjustified).toBeGreaterThanOrEqual(1)
    expect(e.ratings.count).toBeGreaterThanOrEqual(2)
  })
})
