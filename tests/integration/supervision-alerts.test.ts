import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { alertIdFor } from '../../server/store/alerts'

/**
 * Rule 21 (issue 16): alerts are handled. A bad rating is followed up and closed from its
 * alert, its comment shown to supervisors; not followed up in time, the scheduler raises
 * follow_up_overdue; the dashboard counts open alerts by kind as the alerts page lists them.
 */

const roster = buildDemoRoster()
const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)! // 章贡区
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const sup = (openid: string, action: string, fields: object = {}) => call(openid, 'supervision', action, fields)
let clock = Date.parse('2026-12-12T02:00:00Z')
const setClock = async (at: number) => {
  clock = at
  await emu.setClock(new Date(clock).toISOString())
}
let n = 0
const rid = () => `sa-req-${String(++n).padStart(4, '0')}`

/** A visit to the town company by the two market officers, a result, and a rating by the company. */
async function ratedVisit(score: number, comment: string): Promise<{ inspectionId: string; alertId: string }> {
  await setClock(clock + 3 * 3_600_000)
  const fields = { scene: `c=${town.id}`, source: 'referral', sourceRef: 'REF-2026-0001', location: near(town) }
  const open = await call('demo-officer-1', 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  expect(open.error).toBeUndefined()
  await call('demo-officer-2', 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  const inspectionId = open.data.inspection.id
  const result = await call('demo-officer-1', 'inspection', 'recordResult', {
    inspectionId,
    outcome: 'rectify',
    findings: '消防通道堆放杂物',
    rectifyBy: '2027-01-10',
  })
  expect(await call('demo-enterprise-2', 'enterprise', 'rate', { token: result.data.rating.token, score, tags: ['态度生硬'], comment })).toMatchObject({
    ok: true,
  })
  return { inspectionId, alertId: alertIdFor('bad_rating', `ratings/${inspectionId}`) }
}

const byKind = (items: Array<{ kind: string }>) => items.reduce<Record<string, number>>((m, a) => ({ ...m, [a.kind]: (m[a.kind] ?? 0) + 1 }), {})

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: new Date(clock).toISOString() })
})
afterAll(async () => {
  await emu?.close()
})

it('a bad rating is followed up and closed from its alert; its comment is for supervisors only', async () => {
  const { inspectionId, alertId } = await ratedVisit(1, 'SA-COMMENT 检查人员态度很差')
  const open = (await sup('demo-supervisor-county', 'alerts')).data.items.find((a: { id: string }) => a.id === alertId)
  expect(open).toMatchObject({
    kind: 'bad_rating',
    status: 'open',
    rating: { score: 1, tags: ['态度生硬'], comment: 'SA-COMMENT 检查人员态度很差' },
    dueAt: expect.any(Number),
  })
  expect(open.dueAt).toBeGreaterThan(clock + 14 * 86_400_000)

  // The follow-up is required; a department admin or another county cannot handle it.
  expect(await sup('demo-supervisor-county', 'handleAlert', { alertId, note: '已处理' })).toMatchObject({
    ok: false,
    error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['followUp'] }] } },
  })
  expect(await sup('demo-deptadmin-1', 'handleAlert', { alertId, note: '已处理', followUp: { contacted: true, outcome: '已道歉' } })).toMatchObject({
    ok: false,
    error: { code: 'FORBIDDEN' },
  })
  expect(
    await sup('demo-supervisor-county', 'handleAlert', { alertId: 'bad_rating_nope', note: '已处理', followUp: { contacted: true, outcome: '已道歉' } }),
  ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  const handled = await sup('demo-supervisor-county', 'handleAlert', {
    alertId,
    note: '已约谈检查人员',
    followUp: { contacted: true, outcome: '企业接受解释，检查人员已道歉' },
  })
  expect(handled).toMatchObject({
    ok: true,
    data: {
      alert: {
        id: alertId,
        status: 'handled',
        handling: { note: '已约谈检查人员', followUp: { contacted: true, outcome: '企业接受解释，检查人员已道歉' }, byName: '杨帆' },
        rating: { comment: 'SA-COMMENT 检查人员态度很差' },
      },
    },
  })
  expect(await sup('demo-supervisor-city', 'handleAlert', { alertId, note: '再处理', followUp: { contacted: false, outcome: '无' } })).toMatchObject({
    ok: false,
    error: { code: 'CONFLICT' },
  })

  // Open list no more; the handled list says how.
  expect((await sup('demo-supervisor-county', 'alerts')).data.items.map((a: { id: string }) => a.id)).not.toContain(alertId)
  const done = (await sup('demo-supervisor-county', 'alerts', { status: 'handled' })).data.items
  expect(done).toContainEqual(
    expect.objectContaining({
      id: alertId,
      status: 'handled',
      handling: expect.objectContaining({ followUp: { contacted: true, outcome: '企业接受解释，检查人员已道歉' } }),
    }),
  )
  expect(done.every((a: { status: string }) => a.status === 'handled')).toBe(true)

  // The department never reads the comment, the tags or the follow-up, anywhere it can look.
  const deptViews = [
    await sup('demo-deptadmin-1', 'inspection', { inspectionId }),
    await sup('demo-deptadmin-1', 'inspections', { companyId: town.id }),
    await sup('demo-deptadmin-1', 'dashboard', { month: '2026-12' }),
  ]
  for (const v of deptViews) {
    expect(v.ok).toBe(true)
    expect(JSON.stringify(v)).not.toMatch(/SA-COMMENT|态度生硬|企业接受解释/)
  }
  expect(
    (
      await emu.emulator.db
        .collection('audit')
        .where({ target: `alerts/${alertId}`, action: 'supervision.handleAlert' })
        .count()
    ).total,
  ).toBe(1)
})

it('not followed up in time: the scheduler raises follow_up_overdue once; following it up closes both', async () => {
  const { alertId } = await ratedVisit(2, 'SA-LATE 拖延')
  const dueAt = (await sup('demo-supervisor-city', 'alerts')).data.items.find((a: { id: string }) => a.id === alertId).dueAt
  const overdueId = alertIdFor('follow_up_overdue', alertId.replace(/^bad_rating_ratings_/, 'ratings/'))
  const raised = async () => (await emu.emulator.db.collection('alerts').where({ _id: overdueId }).count()).total
  // An hour before: the bad ratings of the demo history past theirs are raised, not this one.
  await setClock(dueAt - 3_600_000)
  expect((await call('demo-admin', 'scheduler', 'run')).ok).toBe(true)
  expect(await raised()).toBe(0)
  await setClock(dueAt + 3_600_000)
  expect((await call('demo-admin', 'scheduler', 'run')).data.overdueFollowUps).toBe(1)
  expect(await raised()).toBe(1)
  expect((await call('demo-admin', 'scheduler', 'run')).data.overdueFollowUps).toBe(0)
  const items = (await sup('demo-supervisor-county', 'alerts')).data.items
  const overdue = items.find((a: { id: string }) => a.id === overdueId)
  expect(overdue).toMatchObject({ kind: 'follow_up_overdue', status: 'open', rating: { score: 2, comment: 'SA-LATE 拖延' } })

  // The dashboard counts the open alerts by kind as the page lists them.
  const dash = await sup('demo-supervisor-county', 'dashboard', { month: '2027-01' })
  expect(items.length).toBeLessThan(100)
  expect(dash.data.openAlerts).toMatchObject(byKind(items))
  expect(dash.data.openAlerts.follow_up_overdue).toBeGreaterThanOrEqual(1)

  expect(
    await sup('demo-supervisor-county', 'handleAlert', {
      alertId: overdueId,
      note: '已回访',
      followUp: { contacted: false, outcome: '企业电话无人接听，已发函' },
    }),
  ).toMatchObject({ ok: true, data: { alert: { status: 'handled' } } })
  const after = (await sup('demo-supervisor-county', 'alerts')).data.items.map((a: { id: string }) => a.id)
  expect(after).not.toContain(overdueId)
  expect(after).not.toContain(alertId)
  const again = (await sup('demo-supervisor-county', 'dashboard', { month: '2027-01' })).data.openAlerts
  expect(again.follow_up_overdue).toBe(dash.data.openAlerts.follow_up_overdue - 1)
  expect(again.bad_rating).toBe(dash.data.openAlerts.bad_rating - 1)
})

it('other alerts are handled with a note; a pending special case only by its review', async () => {
  const items = (await sup('demo-supervisor-city', 'alerts')).data.items
  const repeated = items.find((a: { kind: string }) => a.kind === 'repeated')
  expect(repeated).toBeDefined()
  expect(await sup('demo-supervisor-city', 'handleAlert', { alertId: repeated.id, note: '  ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  expect(await sup('demo-supervisor-city', 'handleAlert', { alertId: repeated.id, note: '已提醒该部门组织联合检查' })).toMatchObject({
    ok: true,
    data: { alert: { status: 'handled', handling: { note: '已提醒该部门组织联合检查' } } },
  })
  const pending = items.find((a: { kind: string }) => a.kind === 'pending_exception')
  if (pending)
    expect(await sup('demo-supervisor-city', 'handleAlert', { alertId: pending.id, note: '同意' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

it('a supervisor reads a monitoring point ledger: chain status, unscanned entries marked with where their check stands', async () => {
  const park = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)! // 章贡区, a monitoring point
  const added = await call('demo-enterprise-1', 'enterprise', 'addLedgerEntry', {
    date: '2026-12-20',
    deptName: '某不明单位',
    officerNames: ['两名未亮证人员'],
    purpose: '询问生产情况',
  })
  expect(added).toMatchObject({ ok: true, data: { entry: { unscanned: true } } })
  const read = await sup('demo-supervisor-county', 'ledger', { companyId: park.id })
  expect(read).toMatchObject({ ok: true, data: { chainOk: true, company: { id: park.id, name: park.name } } })
  const entry = read.data.items.find((e: { id: string }) => e.id === added.data.entry.id)
  expect(entry).toMatchObject({ unscanned: true, unscannedReview: 'open', deptName: '某不明单位' })
  expect(read.data.items.filter((e: { unscanned: boolean }) => !e.unscanned).every((e: { unscannedReview?: string }) => e.unscannedReview === undefined)).toBe(
    true,
  )
  const seqs = read.data.items.map((e: { seq: number }) => e.seq)
  expect(seqs).toEqual([...seqs].sort((a, b) => a - b))

  // Handled as not confirmed: the entry says so; nothing is counted.
  const alertId = alertIdFor('unscanned', `ledger/${added.data.entry.id}`)
  expect(await sup('demo-supervisor-county', 'handleAlert', { alertId, note: '经核实系企业误记', confirmed: false })).toMatchObject({
    ok: true,
    data: { alert: { handling: { confirmed: false } } },
  })
  const again = await sup('demo-supervisor-county', 'ledger', { companyId: park.id, from: '2026-12-20', to: '2026-12-20' })
  expect(again.data.items.map((e: { date: string }) => e.date).every((d: string) => d === '2026-12-20')).toBe(true)
  expect(again.data.items.find((e: { id: string }) => e.id === added.data.entry.id)).toMatchObject({ unscannedReview: 'not_confirmed' })

  expect(await sup('demo-supervisor-county', 'ledger', { companyId: DEMO_IDS.townCompany })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  expect(await sup('demo-supervisor-county', 'ledger', { companyId: 'co_nope' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
})
