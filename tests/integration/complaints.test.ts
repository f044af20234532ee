import { contract } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'
import { userIdFor } from '../../server/platform/ids'

/**
 * Complaints 投诉 (SPEC §2.10) over HTTP: filing (own inspection or general, named or
 * anonymous), the due date, the supervisor's region and handling order, the complainant's
 * timeline and notification, the overdue job, and the confidentiality rule: the
 * complained-about department and its officers never see a complaint.
 */

const roster = buildDemoRoster()
const co1 = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const co2 = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
const otherCounty = roster.companies.find((c) => c.region !== '360702' && !c.inPark)!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

const NAMED = '检查人员要求我们购买指定厂家的灭火器，与检查无关-投诉甲'
const ANON = '同一周内被三个部门轮番检查，影响正常生产-投诉乙'
const GENERAL = '园区内执法检查过于频繁，希望统筹安排-投诉丙'
const FAR = '县里检查人员态度粗暴-投诉丁'
const SECRETS = [NAMED, ANON, GENERAL, FAR, '周敏']

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any
let n = 0

async function inspected(company: typeof co1): Promise<string> {
  const open = await call('demo-officer-1', 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: `cmp-req-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(company),
  })
  expect(open.ok).toBe(true)
  await call('demo-officer-2', 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: `cmp-req-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(company),
  })
  expect(
    (await call('demo-officer-1', 'inspection', 'recordResult', { inspectionId: open.data.inspection.id, outcome: 'compliant', findings: '未发现问题' })).ok,
  ).toBe(true)
  return open.data.inspection.id
}

const marketCounter = () => deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-09')
let inspectionId: string
let named: any
let anon: any
let general: any
let far: any

beforeAll(async () => {
  // 2026-09-29, 10:00 in China: the complaint is due 15 working days later, across National Day.
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-09-29T02:00:00Z' })
  inspectionId = await inspected(co1)
  const code = await call('demo-admin', 'account', 'issueEnterpriseCode', { companyId: otherCounty.id })
  expect(await call('far-company', 'account', 'bindEnterprise', { uscc: otherCounty.uscc, code: code.data.bindCode })).toMatchObject({ ok: true })
})
afterAll(async () => {
  await emu?.close()
})

describe('enterprise.complain', () => {
  it('files a named complaint about an own inspection, due at the end of 2026-10-26, counted for the department', async () => {
    const before = (await marketCounter()).complaints
    const res = await call('demo-enterprise-1', 'enterprise', 'complain', { inspectionId, category: 'unrelated_demands', content: NAMED })
    expect(res).toMatchObject({
      ok: true,
      data: { complaint: { status: 'received', inspectionId, deptId: DEMO_IDS.cityMarketDept, anonymous: false, complainantName: '周敏', overdue: false } },
    })
    expect(new Date(res.data.complaint.dueAt).toISOString()).toBe('2026-10-26T15:59:59.999Z')
    expect(res.data.complaint.timeline).toEqual([expect.objectContaining({ action: 'received', text: expect.stringContaining('2026-10-26') })])
    contract.enterprise.complain.output.parse(res.data)
    named = res.data.complaint
    expect((await marketCounter()).complaints).toEqual({ received: before.received + 1, open: before.open + 1, overdue: before.overdue })
    const stored = await doc('complaints', named.id)
    expect(stored.ownerKey).toEqual(expect.any(String))
    expect(JSON.stringify(stored)).not.toContain('demo-enterprise-1')
    expect(
      (
        await emu.emulator.db
          .collection('audit')
          .where({ target: `complaints/${named.id}` })
          .get()
      ).data,
    ).toEqual([expect.objectContaining({ action: 'enterprise.complain' })])
  })

  it('files an anonymous one: no name stored, the audit names a pseudonym', async () => {
    const res = await call('demo-enterprise-1', 'enterprise', 'complain', { inspectionId, category: 'repeated_inspection', content: ANON, anonymous: true })
    expect(res.ok).toBe(true)
    anon = res.data.complaint
    expect(anon.complainantName).toBeUndefined()
    const stored = await doc('complaints', anon.id)
    const user = (await emu.emulator.db.collection('users').where({ openid: 'demo-enterprise-1' }).get()).data[0]
    for (const s of ['周敏', 'demo-enterprise-1', String(user._id)]) expect(JSON.stringify(stored)).not.toContain(s)
    const events = (
      await emu.emulator.db
        .collection('audit')
        .where({ target: `complaints/${anon.id}` })
        .get()
    ).data
    expect(events).toHaveLength(1)
    expect(String(events[0].actor)).toMatch(/^anon_/)
    expect(JSON.stringify(events)).not.toContain(ANON)
  })

  it('files a general complaint (no inspection): no department, kept out of department figures', async () => {
    const before = await marketCounter()
    const res = await call('demo-enterprise-1', 'enterprise', 'complain', { category: 'other', content: GENERAL })
    expect(res.ok).toBe(true)
    general = res.data.complaint
    expect(general.deptId).toBeUndefined()
    expect((await marketCounter()).complaints).toEqual(before.complaints)
    far = (await call('far-company', 'enterprise', 'complain', { category: 'attitude', content: FAR })).data.complaint
    expect(far.region).toBe(otherCounty.region)
  })

  it("refuses another company's inspection (FORBIDDEN), an unknown one (NOT_FOUND), bad input", async () => {
    const foreign = await inspected(co2)
    expect(
      await call('demo-enterprise-1', 'enterprise', 'complain', { inspectionId: foreign, category: 'attitude', content: '不是我们企业的检查' }),
    ).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(
      await call('demo-enterprise-1', 'enterprise', 'complain', { inspectionId: 'insp_nope', category: 'attitude', content: '没有这次检查' }),
    ).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await call('demo-enterprise-1', 'enterprise', 'complain', { category: 'bribery', content: '分类不存在的投诉' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call('demo-enterprise-1', 'enterprise', 'complain', { category: 'other', content: '短' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await call('demo-officer-1', 'enterprise', 'complain', { category: 'other', content: '执法人员不能投诉企业' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    })
  })
})

describe('enterprise.complaints', () => {
  it('lists only the caller’s own complaints, newest first, with their timeline', async () => {
    const mine = await call('demo-enterprise-1', 'enterprise', 'complaints')
    expect(mine.ok).toBe(true)
    contract.enterprise.complaints.output.parse(mine.data)
    const ids = mine.data.items.map((c: { id: string }) => c.id)
    expect(ids.slice(0, 3).sort()).toEqual([named.id, anon.id, general.id].sort())
    // The rest are the demo history's, filed by the same person.
    const stored = (
      await emu.emulator.db
        .collection('complaints')
        .where({ _id: emu.emulator.db.command.in(ids) })
        .get()
    ).data
    expect(new Set(stored.map((c) => c.ownerKey)).size).toBe(1)
    const times = mine.data.items.map((c: { receivedAt: number }) => c.receivedAt)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const theirs = await call('demo-enterprise-2', 'enterprise', 'complaints')
    expect(theirs.ok).toBe(true)
    for (const c of theirs.data.items) expect([named.id, anon.id, general.id]).not.toContain(c.id)
    for (const s of SECRETS.slice(0, 3)) expect(JSON.stringify(theirs)).not.toContain(s)
  })
})

describe('supervision.complaints and handleComplaint', () => {
  it('the city sees all, the county only its own; anonymous ones without the person', async () => {
    const city = await call('demo-supervisor-city', 'supervision', 'complaints')
    contract.supervision.complaints.output.parse(city.data)
    const ids = city.data.items.map((c: { id: string }) => c.id)
    expect(ids).toEqual(expect.arrayContaining([named.id, anon.id, general.id, far.id]))
    const county = await call('demo-supervisor-county', 'supervision', 'complaints')
    const countyIds = county.data.items.map((c: { id: string }) => c.id)
    expect(countyIds).toEqual(expect.arrayContaining([named.id, anon.id, general.id]))
    expect(countyIds).not.toContain(far.id)
    const shownNamed = city.data.items.find((c: { id: string }) => c.id === named.id)
    expect(shownNamed).toMatchObject({ complainantName: '周敏', content: NAMED })
    const shownAnon = city.data.items.find((c: { id: string }) => c.id === anon.id)
    expect(shownAnon).toMatchObject({ anonymous: true, content: ANON })
    expect(JSON.stringify(shownAnon)).not.toContain('周敏')
    for (const key of ['ownerKey', 'notifyTo', 'counterKey']) expect(JSON.stringify(city.data)).not.toContain(key)
    expect((await call('demo-supervisor-city', 'supervision', 'complaints', { status: 'closed' })).data.items).toEqual([])
  })

  it('moves received → accepted → replied → closed; out of order is CONFLICT; out of region FORBIDDEN; unknown NOT_FOUND', async () => {
    const h = (who: string, complaintId: string, action: string, text = '处理意见') =>
      call(who, 'supervision', 'handleComplaint', { complaintId, step: action, text })
    expect(await h('demo-supervisor-city', named.id, 'reply')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h('demo-supervisor-city', named.id, 'close')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h('demo-supervisor-county', far.id, 'accept')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h('demo-supervisor-city', 'cmp_nope', 'accept')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const accepted = await h('demo-supervisor-county', named.id, 'accept', '已受理，将调查核实')
    // The one who accepts works it; the city supervisor reads it, and is told who works it.
    expect(accepted).toMatchObject({
      ok: true,
      data: { complaint: { status: 'accepted', assignee: { id: userIdFor('demo-supervisor-county'), name: '杨帆' } } },
    })
    contract.supervision.handleComplaint.output.parse(accepted.data)
    expect(await h('demo-supervisor-city', named.id, 'reply', '经核查')).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringContaining('杨帆') },
    })
    expect((await call('demo-supervisor-city', 'supervision', 'complaints')).data.items.find((c: { id: string }) => c.id === named.id)).toMatchObject({
      assignee: { name: '杨帆' },
      visit: {
        companyName: expect.any(String),
        deptName: '赣州市市场监督管理局',
        date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
        officerNames: expect.arrayContaining([expect.any(String)]),
      },
    })
    expect(await h('demo-supervisor-county', named.id, 'accept')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h('demo-supervisor-county', named.id, 'reply', '经核查，已责成该局整改并通报批评')).toMatchObject({
      ok: true,
      data: { complaint: { status: 'replied' } },
    })
    const before = (await marketCounter()).complaints
    expect(await h('demo-supervisor-city', named.id, 'close', '办结')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    const closed = await h('demo-supervisor-county', named.id, 'close', '企业对处理结果表示满意，办结')
    expect(closed).toMatchObject({ ok: true, data: { complaint: { status: 'closed' } } })
    expect(await h('demo-supervisor-county', named.id, 'reply')).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await marketCounter()).complaints).toEqual({ ...before, open: before.open - 1 })

    // The complainant sees the whole timeline, and was told at each step.
    const mine = (await call('demo-enterprise-1', 'enterprise', 'complaints')).data.items.find((c: { id: string }) => c.id === named.id)
    expect(mine.timeline.map((e: { action: string }) => e.action)).toEqual(['received', 'accept', 'reply', 'close'])
    expect(mine.timeline[2].text).toBe('经核查，已责成该局整改并通报批评')
    const outbox = (await emu.emulator.db.collection('outbox').where({ template: 'complaint_update' }).get()).data
    // Each complaint's receipt, then the three steps of this one.
    const steps = outbox.filter((m) => m.touser === 'demo-enterprise-1' && (m.data as { status: string }).status !== '已收到')
    expect(steps.map((m) => (m.data as { status: string }).status)).toEqual(['已受理', '已答复', '已办结'])
    expect(JSON.stringify(outbox)).not.toContain(NAMED)
    expect(
      (
        await emu.emulator.db
          .collection('audit')
          .where({ target: `complaints/${named.id}`, action: 'supervision.handleComplaint' })
          .count()
      ).total,
    ).toBe(3)
  })

  it('an anonymous complainant is still told, without anyone seeing who', async () => {
    expect(await call('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: anon.id, step: 'accept', text: '已受理' })).toMatchObject({
      ok: true,
    })
    const outbox = (await emu.emulator.db.collection('outbox').where({ template: 'complaint_update' }).get()).data
    expect(outbox.filter((m) => m.touser === 'demo-enterprise-1' && (m.data as { status: string }).status !== '已收到')).toHaveLength(4)
  })
})

describe('confidentiality: the complained-about department and its officers never see a complaint', () => {
  it('every read action they have answers without the text or the complainant', async () => {
    // They hold the whole city as region, so only their role can refuse them (not a region they lack).
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-officer-2']) {
      await emu.emulator.db
        .collection('users')
        .doc(userIdFor(who))
        .update({ data: { region: '3607' } })
    }
    const attempts: Array<[string, string, string, object]> = []
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-officer-2']) {
      attempts.push(
        [who, 'supervision', 'complaints', {}],
        [who, 'supervision', 'complaints', { status: 'received' }],
        [who, 'supervision', 'handleComplaint', { complaintId: anon.id, step: 'reply', text: '部门想看看' }],
        [who, 'enterprise', 'complaints', {}],
        [who, 'enterprise', 'inspections', {}],
        [who, 'inspection', 'list', {}],
        [who, 'inspection', 'preview', { scene: `c=${co1.id}` }],
        [who, 'inspection', 'ratingCode', { inspectionId }],
        [who, 'supervision', 'plans', {}],
        [who, 'supervision', 'dashboard', { month: '2026-09' }],
        [who, 'supervision', 'alerts', {}],
        [who, 'supervision', 'exceptions', {}],
        [who, 'account', 'whoami', {}],
      )
    }
    const forbidden = new Set<string>()
    for (const [who, fn, action, fields] of attempts) {
      const res = await call(who, fn, action, fields)
      const json = JSON.stringify(res)
      for (const s of SECRETS) expect({ who, fn, action, leaked: json.includes(s) }).toEqual({ who, fn, action, leaked: false })
      if (!res.ok && res.error?.code === 'FORBIDDEN') forbidden.add(`${who} ${fn}.${action}`)
    }
    for (const who of ['demo-deptadmin-1', 'demo-officer-1', 'demo-officer-2']) {
      expect(forbidden).toContain(`${who} supervision.complaints`)
      expect(forbidden).toContain(`${who} supervision.handleComplaint`)
      expect(forbidden).toContain(`${who} enterprise.complaints`)
    }
    // The inspection they did answers normally, with nothing of the complaint.
    const list = await call('demo-officer-1', 'inspection', 'list', {})
    expect(list.data.items.map((i: { id: string }) => i.id)).toContain(inspectionId)
  }, 60_000) // 39 calls: seconds on a loaded machine
})

describe('scheduler: overdue complaints', () => {
  it('marks open complaints past due once: overdue flag, department figure, complaint_overdue alert', async () => {
    const run1 = await call('demo-admin', 'scheduler', 'run')
    expect(run1).toMatchObject({ ok: true, data: { overdueComplaints: 0 } })
    // Open complaints due before ours (the demo history's) are overdue first.
    const earlier = (
      await emu.emulator.db
        .collection('complaints')
        .where({ status: emu.emulator.db.command.neq('closed'), overdue: false, dueAt: emu.emulator.db.command.lt(anon.dueAt) })
        .count()
    ).total
    await emu.setClock('2026-10-26T15:59:00Z')
    expect((await call('demo-admin', 'scheduler', 'run')).data.overdueComplaints).toBe(earlier)
    const before = (await marketCounter()).complaints
    expect((await doc('complaints', anon.id)).overdue).toBe(false)
    await emu.setClock('2026-10-26T16:00:01Z')
    const run2 = await call('demo-admin', 'scheduler', 'run')
    // anon, general, far (named was closed).
    // anon, general, far, and any demo-history complaint due the same day.
    const sameDay = (
      await emu.emulator.db
        .collection('complaints')
        .where({ dueAt: anon.dueAt, _id: emu.emulator.db.command.nin([named.id, anon.id, general.id, far.id]) })
        .get()
    ).data
    expect(run2.data.overdueComplaints).toBe(3 + sameDay.filter((c) => c.status !== 'closed').length)
    const sameDayHere = sameDay.filter(
      (c) =>
        c.status !== 'closed' &&
        (c.counterKey as { deptId?: string; month?: string } | undefined)?.deptId === DEMO_IDS.cityMarketDept &&
        (c.counterKey as { month?: string } | undefined)?.month === '2026-09',
    ).length
    expect((await doc('complaints', anon.id)).overdue).toBe(true)
    expect((await doc('complaints', named.id)).overdue).toBe(false)
    expect((await marketCounter()).complaints).toEqual({ ...before, overdue: before.overdue + 1 + sameDayHere })
    const alerts = (
      await emu.emulator.db
        .collection('alerts')
        .where({ ref: `complaints/${anon.id}` })
        .get()
    ).data
    expect(alerts).toEqual([expect.objectContaining({ kind: 'complaint_overdue', deptId: DEMO_IDS.cityMarketDept })])
    for (const s of SECRETS) expect(JSON.stringify(alerts)).not.toContain(s)
    expect((await call('demo-admin', 'scheduler', 'run')).data.overdueComplaints).toBe(0)
    expect(
      (
        await emu.emulator.db
          .collection('alerts')
          .where({ ref: `complaints/${anon.id}` })
          .count()
      ).total,
    ).toBe(1)
    expect((await marketCounter()).complaints.overdue).toBe(before.overdue + 1 + sameDayHere)
    const shown = (await call('demo-supervisor-city', 'supervision', 'complaints')).data.items.find((c: { id: string }) => c.id === anon.id)
    expect(shown.overdue).toBe(true)

    // Closing an overdue complaint takes it out of both open and overdue.
    await call('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: anon.id, step: 'reply', text: '已答复' })
    await call('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: anon.id, step: 'close', text: '办结' })
    expect((await marketCounter()).complaints).toEqual({ ...before, open: before.open - 1, overdue: before.overdue + sameDayHere })
  })
})
