import { defaultSettings } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { alertIdFor } from '../../server/store/alerts'
import { bumpCounters } from '../../server/store/counters'
import { checkCounterConsistency } from '../../server/store/recount'

/**
 * Rule 19: the company sees its service visits 入企服务 and may rate one from its list, by
 * the rules of rating from the list (own company, once, within `ratingFromList.days` of the
 * visit). The rating counts apart from the inspections' ratings; a bad one raises the same
 * `bad_rating` alert, followed up by a supervisor. Through the emulator on the demo data.
 */

const roster = buildDemoRoster()
const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)! // 章贡区, demo-enterprise-2
const park = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)! // demo-enterprise-1
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })
const MARKET = DEMO_IDS.cityMarketDept
const MONTH = '2026-12'

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const ent = (openid: string, action: string, fields: object = {}) => call(openid, 'enterprise', action, fields)
const sup = (openid: string, action: string, fields: object = {}) => call(openid, 'supervision', action, fields)
let n = 0
const rid = (k: number) => `svr-request-${String(k).padStart(4, '0')}`
const visitTo = async (c: typeof town, purpose: string, note: string): Promise<string> => {
  const res = await call('demo-officer-1', 'inspection', 'serviceVisit', { scene: `c=${c.id}`, clientRequestId: rid(++n), purpose, note, location: near(c) })
  expect(res.error).toBeUndefined()
  return res.data.visit.id
}
const listed = async (openid: string) =>
  (await ent(openid, 'serviceVisits')).data.items as Array<{ id: string; note?: string; rating: Record<string, unknown> }>
const market = () => deptCounter(emu.emulator.db, MARKET, town.region, MONTH)

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-27T02:00:00Z', env: { ADMIN_OPENIDS: 'demo-admin' } })
})
afterAll(async () => {
  await emu?.close()
})

describe('the company’s service visits (enterprise.serviceVisits)', () => {
  it('lists its own visits, newest first, with purpose, department, officers and whether it can rate; never another company’s', async () => {
    const older = await visitTo(town, 'survey', 'SVR-TOWN-OLDER 了解用工情况')
    await emu.setClock('2026-12-27T03:00:00Z')
    const newer = await visitTo(town, 'policy', 'SVR-TOWN 宣讲惠企政策')
    const foreign = await visitTo(park, 'assistance', 'SVR-FOREIGN 帮扶')
    const items = await listed('demo-enterprise-2')
    expect(items.map((v) => v.id).slice(0, 2)).toEqual([newer, older])
    expect(items[0]).toMatchObject({
      purpose: 'policy',
      note: 'SVR-TOWN 宣讲惠企政策',
      deptName: expect.any(String),
      officerNames: [expect.any(String)],
      date: '2026-12-27',
      rating: { state: 'none', canRate: true },
    })
    const first = items[0] as unknown as { at: number; rating: { rateUntil: number } }
    expect(first.rating.rateUntil - first.at).toBe(defaultSettings().ratingFromList.days * 86_400_000)
    // Flags and distance are for supervisors; another company's visit is not there.
    expect(items[0]).not.toHaveProperty('flags')
    expect(items[0]).not.toHaveProperty('distanceM')
    expect(JSON.stringify(items)).not.toContain(foreign)
    expect(JSON.stringify(items)).not.toContain('SVR-FOREIGN')
    expect((await listed('demo-enterprise-1')).map((v) => v.id)).toContain(foreign)
  })
})

describe('rating a service visit (enterprise.rate by visitId)', () => {
  it('rates its own visit once; counts it apart from inspection ratings; refuses another company, an unknown id, and two targets at once', async () => {
    await emu.setClock('2026-12-27T04:00:00Z')
    const visitId = await visitTo(town, 'assistance', 'SVR-RATE 协助办理许可证')
    const before = await market()
    const toRate = async () => (await ent('demo-enterprise-2', 'overview')).data.serviceToRate as number
    const homeBefore = await toRate()
    expect(homeBefore).toBeGreaterThanOrEqual(1)
    expect(await ent('demo-enterprise-1', 'rate', { visitId, score: 5 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ent('demo-enterprise-2', 'rate', { visitId: 'sv_nope', score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // A visit is not an inspection: its id does not rate as one.
    expect(await ent('demo-enterprise-2', 'rate', { inspectionId: visitId, score: 5 })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await ent('demo-enterprise-2', 'rate', { visitId, inspectionId: 'insp_x', score: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

    const rated = await ent('demo-enterprise-2', 'rate', { visitId, score: 4, tags: ['耐心解答'], comment: '讲解清楚' })
    expect(rated).toMatchObject({ ok: true, data: { rating: { visitId, score: 4, tags: ['耐心解答'], month: MONTH } } })
    expect(rated.data.rating).not.toHaveProperty('inspectionId')
    expect(await ent('demo-enterprise-2', 'rate', { visitId, score: 1 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })

    const row = (await listed('demo-enterprise-2')).find((v) => v.id === visitId)!
    expect(row.rating).toMatchObject({ state: 'rated', score: 4, canRate: false })
    // The company's home counts one fewer to rate.
    expect(await toRate()).toBe(homeBefore - 1)
    // The department's figures: one service rating more, the inspections' ratings unchanged.
    const after = await market()
    expect(after.serviceRatings).toEqual({ count: before.serviceRatings.count + 1, sum: before.serviceRatings.sum + 4, bad: before.serviceRatings.bad })
    expect(after.ratings).toEqual(before.ratings)
    // The department admin's dashboard shows the count, the average withheld below the threshold.
    const dash = await sup('demo-deptadmin-1', 'dashboard', { month: MONTH })
    const mine = dash.data.byDepartment.find((d: { deptId: string }) => d.deptId === MARKET)
    expect(mine.serviceRatings.count).toBeGreaterThanOrEqual(1)
    if (mine.serviceRatings.count < defaultSettings().rating.minCountForAggregate) expect(mine.serviceRatings.avg).toBeNull()
    // The officer who retries the visit sees it rated, never the score (rule 9).
    const officerView = await call('demo-officer-1', 'inspection', 'serviceVisit', {
      scene: `c=${town.id}`,
      clientRequestId: rid(n),
      purpose: 'assistance',
      location: near(town),
    })
    expect(officerView.data.visit).toMatchObject({ id: visitId, rating: { state: 'rated' } })
    expect(officerView.data.visit.rating).not.toHaveProperty('score')
  })

  it('closes ratingFromList.days after the visit', async () => {
    await emu.setClock('2026-12-27T05:00:00Z')
    const visitId = await visitTo(town, 'survey', 'SVR-LATE 调研')
    const days = defaultSettings().ratingFromList.days
    await emu.setClock(new Date(Date.parse('2026-12-27T05:00:00Z') + days * 86_400_000 + 60_000).toISOString())
    const late = await ent('demo-enterprise-2', 'rate', { visitId, score: 5 })
    expect(late).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(late.error!.message).toContain(`${days} 天`)
    expect((await listed('demo-enterprise-2')).find((v) => v.id === visitId)!.rating).toMatchObject({ state: 'none', canRate: false })
    await emu.setClock('2026-12-27T05:30:00Z')
  })

  it('a bad rating raises bad_rating naming the service visit; supervisors see the rating and follow it up', async () => {
    await emu.setClock('2026-12-27T06:00:00Z')
    const visitId = await visitTo(town, 'policy', 'SVR-BAD 政策宣讲')
    const before = await market()
    expect(await ent('demo-enterprise-2', 'rate', { visitId, score: 1, tags: ['态度生硬'], comment: 'SVR-BAD-COMMENT 只念文件' })).toMatchObject({ ok: true })
    expect((await market()).serviceRatings.bad).toBe(before.serviceRatings.bad + 1)
    expect((await market()).ratings.bad).toBe(before.ratings.bad)

    const alertId = alertIdFor('bad_rating', `serviceRatings/${visitId}`)
    const open = (await sup('demo-supervisor-county', 'alerts')).data.items.find((a: { id: string }) => a.id === alertId)
    expect(open).toMatchObject({
      kind: 'bad_rating',
      ref: `serviceRatings/${visitId}`,
      status: 'open',
      deptId: MARKET,
      companyId: town.id,
      rating: { score: 1, tags: ['态度生硬'], comment: 'SVR-BAD-COMMENT 只念文件' },
      dueAt: expect.any(Number),
    })
    expect(open.summary).toContain('入企服务（政策宣讲）')
    expect(open.summary).toContain(town.name)

    expect(await sup('demo-supervisor-county', 'handleAlert', { alertId, note: '已处理' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const handled = await sup('demo-supervisor-county', 'handleAlert', {
      alertId,
      note: '已约谈该部门负责人',
      followUp: { contacted: true, outcome: '企业表示理解，部门改进宣讲方式' },
    })
    expect(handled).toMatchObject({
      ok: true,
      data: { alert: { id: alertId, status: 'handled', handling: { followUp: { contacted: true } }, rating: { score: 1 } } },
    })
    const done = (await sup('demo-supervisor-county', 'alerts', { status: 'handled' })).data.items.find((a: { id: string }) => a.id === alertId)
    expect(done).toMatchObject({ status: 'handled', rating: { comment: 'SVR-BAD-COMMENT 只念文件' } })
    // Not followed up in time it would be overdue: handled, the scheduler raises nothing for it.
    await emu.setClock(new Date(open.dueAt + 3_600_000).toISOString())
    expect((await call('demo-admin', 'scheduler', 'run')).ok).toBe(true)
    expect(
      (
        await emu.emulator.db
          .collection('alerts')
          .where({ _id: alertIdFor('follow_up_overdue', `serviceRatings/${visitId}`) })
          .count()
      ).total,
    ).toBe(0)
    await emu.setClock('2026-12-27T07:00:00Z')
  })
})

describe('figures', () => {
  it('the recount counts service visits’ ratings where the writes do, and sees one the counters missed', async () => {
    const settings = defaultSettings()
    expect((await checkCounterConsistency(emu.emulator.db, settings)).differences).toEqual([])
    // A bump lost between a commit and its counter (a crash): the recount names the figure.
    await bumpCounters(emu.emulator.db, { deptId: MARKET, region: town.region, month: MONTH }, { serviceRatings: { count: -1, sum: -4 } })
    const report = await checkCounterConsistency(emu.emulator.db, settings)
    expect(report.differences.map((d) => d.figure).sort()).toEqual(['serviceRatings.count', 'serviceRatings.sum'])
    expect(report.differences.every((d) => d.recounted - d.kept > 0)).toBe(true)
    await bumpCounters(emu.emulator.db, { deptId: MARKET, region: town.region, month: MONTH }, { serviceRatings: { count: 1, sum: 4 } })
    expect((await checkCounterConsistency(emu.emulator.db, settings)).differences).toEqual([])
  })
})
