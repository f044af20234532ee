import { contract } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_BIND_CODES, DEMO_IDS } from '../../emulator/seed/demo'
import { endOfChinaDay } from '../../server/domain/china-time'
import { addWorkingDays } from '../../server/domain/working-days'

/**
 * The company's side over HTTP (SPEC §2 rules 9, 10, 12): verify the officer, rate with
 * the single-use token, list inspections; the token errors each with its own code; and
 * the look-up rate limit. The clock starts on 2026-12-26 (after the quiet period).
 */

const roster = buildDemoRoster()
const co1 = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const co2 = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const ent = (openid: string, action: string, fields: object = {}) => call(openid, 'enterprise', action, fields)
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any
const marketCounter = () => deptCounter(emu.emulator.db, DEMO_IDS.cityMarketDept, '3607', '2026-12')
let n = 0

/** Check-in by officer 1, officer 2 joins, result recorded: answers the inspection id and the rating token. */
async function inspected(company: typeof co1): Promise<{ id: string; token: string }> {
  const open = await call('demo-officer-1', 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: `ent-req-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(company),
  })
  expect(open).toMatchObject({ ok: true, data: { joined: false } })
  const join = await call('demo-officer-2', 'inspection', 'checkIn', {
    scene: `c=${company.id}`,
    clientRequestId: `ent-req-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(company),
  })
  expect(join).toMatchObject({ ok: true, data: { joined: true } })
  const result = await call('demo-officer-1', 'inspection', 'recordResult', {
    inspectionId: open.data.inspection.id,
    outcome: 'rectify',
    findings: '消防通道堆放杂物',
    rectifyBy: '2027-01-10',
  })
  expect(result.ok).toBe(true)
  return { id: open.data.inspection.id, token: result.data.rating.token }
}

const forge = (token: string) => token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A')

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

describe('verifyOfficer (亮证)', () => {
  it('answers who the officer is and that the certificate is valid', async () => {
    const card = await call('demo-officer-1', 'inspection', 'certCard')
    expect(card.ok).toBe(true)
    const res = await ent('demo-enterprise-1', 'verifyOfficer', { token: card.data.token })
    expect(res).toMatchObject({
      ok: true,
      data: { valid: true, officer: { name: '张伟', department: '赣州市市场监督管理局', certNo: '36070000001', status: 'valid' } },
    })
    contract.enterprise.verifyOfficer.output.parse(res.data)
  })

  it('shows a suspended certificate as not valid', async () => {
    expect(
      await call('demo-admin', 'account', 'setCertStatus', { officerId: DEMO_IDS.officer3, status: 'suspended', reason: '涉嫌违规执法，暂扣审查' }),
    ).toMatchObject({ ok: true })
    const card = await call('demo-officer-3', 'inspection', 'certCard')
    const res = await ent('demo-enterprise-2', 'verifyOfficer', { token: card.data.token })
    expect(res).toMatchObject({ ok: true, data: { valid: false, officer: { name: '王强', status: 'suspended' } } })
    expect(await call('demo-admin', 'account', 'setCertStatus', { officerId: DEMO_IDS.officer3, status: 'valid', reason: '审查结束，恢复' })).toMatchObject({
      ok: true,
    })
  })

  it('refuses forged, garbage, wrong-kind and unknown tokens (TOKEN_INVALID)', async () => {
    const card = await call('demo-officer-1', 'inspection', 'certCard')
    const { token: ratingToken } = await inspected(co2)
    for (const token of [forge(card.data.token), 'hello', card.data.token.replace(/^c\./, 'r.'), ratingToken, 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA']) {
      expect(await ent('demo-enterprise-1', 'verifyOfficer', { token })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    }
    expect(await ent('demo-enterprise-1', 'verifyOfficer', { token: '' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('refuses a card code older than 5 minutes (TOKEN_EXPIRED)', async () => {
    const card = await call('demo-officer-1', 'inspection', 'certCard')
    await emu.setClock('2026-12-26T02:05:30Z')
    expect(await ent('demo-enterprise-1', 'verifyOfficer', { token: card.data.token })).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } })
    await emu.setClock('2026-12-26T02:00:00Z')
  })

  it('is for company users only', async () => {
    const card = await call('demo-officer-1', 'inspection', 'certCard')
    for (const who of ['demo-officer-1', 'demo-deptadmin-1', 'demo-supervisor-city']) {
      expect(await ent(who, 'verifyOfficer', { token: card.data.token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await emu.call('enterprise', 'verifyOfficer', { token: card.data.token })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('rating (好差评)', () => {
  it('shows the summary first: department, officers, time, source, legal basis, result', async () => {
    const { id, token } = await inspected(co1)
    const res = await ent('demo-enterprise-1', 'inspectionForRating', { token })
    expect(res).toMatchObject({
      ok: true,
      data: {
        inspectionId: id,
        companyName: co1.name,
        department: '赣州市市场监督管理局',
        officerNames: ['张伟', '李娜'],
        source: 'complaint',
        result: { outcome: 'rectify', findings: '消防通道堆放杂物', rectifyBy: '2027-01-10' },
        rated: false,
      },
    })
    expect(res.data.basis).toContain('投诉举报')
    expect(res.data.time).toBeGreaterThanOrEqual(Date.parse('2026-12-26T02:00:00Z'))
    expect(res.data.time).toBeLessThan(Date.parse('2026-12-26T02:10:00Z'))
    contract.enterprise.inspectionForRating.output.parse(res.data)
  })

  it('rates once: token used, rating stored without the rater, inspection and counters updated, audit written', async () => {
    const { id, token } = await inspected(co1)
    const before = (await marketCounter()).ratings
    const res = await ent('demo-enterprise-1', 'rate', { token, score: 4, tags: ['文明执法', '文明执法'], comment: '检查人员态度好' })
    expect(res).toMatchObject({
      ok: true,
      data: { rating: { inspectionId: id, companyId: co1.id, deptId: DEMO_IDS.cityMarketDept, score: 4, tags: ['文明执法'], month: '2026-12' } },
    })
    expect(res.data.rating.followUpDueAt).toBeUndefined()
    contract.enterprise.rate.output.parse(res.data)

    const stored = await doc('ratings', id)
    const json = JSON.stringify(stored)
    const user = (await emu.emulator.db.collection('users').where({ openid: 'demo-enterprise-1' }).get()).data[0]
    expect(json).not.toContain('demo-enterprise-1')
    expect(json).not.toContain(String(user._id))
    expect(json).not.toContain('周敏')
    expect(stored.raterKey).toEqual(expect.any(String))
    expect((await doc('inspections', id)).rating).toEqual({ state: 'rated', score: 4 })
    const tokenDoc = (await emu.emulator.db.collection('ratingTokens').where({ inspectionId: id }).get()).data[0]
    expect(tokenDoc.usedAt).toBe(stored.ratedAt)
    expect((await marketCounter()).ratings).toEqual({ count: before.count + 1, sum: before.sum + 4, bad: before.bad })
    const events = (
      await emu.emulator.db
        .collection('audit')
        .where({ target: `ratings/${id}` })
        .get()
    ).data
    expect(events).toEqual([expect.objectContaining({ action: 'enterprise.rate' })])
    expect(String(events[0].actor)).toMatch(/^anon_/)

    // Replay: the same token again, for the summary and for a second rating.
    expect(await ent('demo-enterprise-1', 'rate', { token, score: 1 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    expect(await ent('demo-enterprise-1', 'inspectionForRating', { token })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    // A fresh code for a rated inspection is refused too.
    expect(await call('demo-officer-1', 'inspection', 'ratingCode', { inspectionId: id })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    // A used token is refused on its own, even where the inspection does not (or not yet) read as rated.
    await emu.emulator.db
      .collection('inspections')
      .doc(id)
      .update({ data: { rating: { state: 'issued' } } })
    expect(await ent('demo-enterprise-1', 'rate', { token, score: 1 })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    expect(await ent('demo-enterprise-1', 'inspectionForRating', { token })).toMatchObject({ ok: false, error: { code: 'ALREADY_RATED' } })
    await emu.emulator.db
      .collection('inspections')
      .doc(id)
      .update({ data: { rating: { state: 'rated' } } })
    expect((await doc('inspections', id)).rating).toEqual({ state: 'rated', score: 4 })
    expect((await marketCounter()).ratings.count).toBe(before.count + 1)
  })

  it('a bad rating (1–2) raises a bad_rating alert due in 15 working days', async () => {
    const { id, token } = await inspected(co1)
    const before = (await marketCounter()).ratings
    const res = await ent('demo-enterprise-1', 'rate', { token, score: 2 })
    expect(res.ok).toBe(true)
    // 15 China working days after 2026-12-26, end of that day. chinese-days 1.5.7 does not know
    // the 2027 holidays yet (published late 2026), so the date comes from the library, not a literal.
    expect(res.data.rating.followUpDueAt).toBe(endOfChinaDay(addWorkingDays('2026-12-26', 15)))
    expect(res.data.rating.followUpDueAt).toBeGreaterThanOrEqual(Date.parse('2027-01-15T15:59:59.999Z'))
    expect((await marketCounter()).ratings).toEqual({ count: before.count + 1, sum: before.sum + 2, bad: before.bad + 1 })
    const alerts = (
      await emu.emulator.db
        .collection('alerts')
        .where({ ref: `ratings/${id}` })
        .get()
    ).data
    expect(alerts).toEqual([expect.objectContaining({ kind: 'bad_rating', deptId: DEMO_IDS.cityMarketDept, companyId: co1.id, region: co1.region })])
    expect(JSON.stringify(alerts)).not.toContain('周敏')
  })

  it('two simultaneous ratings with one token: exactly one counts', async () => {
    const { id, token } = await inspected(co1)
    const answers = await Promise.all([5, 3].map((score) => ent('demo-enterprise-1', 'rate', { token, score })))
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.find((a) => !a.ok)).toMatchObject({ error: { code: 'ALREADY_RATED' } })
    expect((await emu.emulator.db.collection('ratings').where({ inspectionId: id }).count()).total).toBe(1)
  })

  it("refuses another company's token (FORBIDDEN), and a forged one (TOKEN_INVALID)", async () => {
    const { token } = await inspected(co1)
    expect(await ent('demo-enterprise-2', 'inspectionForRating', { token })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ent('demo-enterprise-2', 'rate', { token, score: 1 })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await ent('demo-enterprise-1', 'rate', { token: forge(token), score: 5 })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    expect(await ent('demo-enterprise-1', 'inspectionForRating', { token: 'insp_abc' })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    expect(await ent('demo-enterprise-1', 'rate', { token, score: 6 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    // Still usable by its own company.
    expect(await ent('demo-enterprise-1', 'rate', { token, score: 5 })).toMatchObject({ ok: true })
  })

  it('refuses a rating token after 7 days (TOKEN_EXPIRED)', async () => {
    const { token } = await inspected(co1)
    await emu.setClock('2027-01-03T02:00:01Z')
    expect(await ent('demo-enterprise-1', 'inspectionForRating', { token })).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } })
    expect(await ent('demo-enterprise-1', 'rate', { token, score: 3 })).toMatchObject({ ok: false, error: { code: 'TOKEN_EXPIRED' } })
    await emu.setClock('2026-12-26T02:00:00Z')
  })
})

describe('inspections', () => {
  it("lists the company's own inspections newest first, 20 a page, with rating state", async () => {
    const first = await ent('demo-enterprise-1', 'inspections')
    expect(first.ok).toBe(true)
    contract.enterprise.inspections.output.parse(first.data)
    const all = [...first.data.items]
    let cursor = first.data.cursor
    while (cursor) {
      const next = await ent('demo-enterprise-1', 'inspections', { cursor })
      all.push(...next.data.items)
      cursor = next.data.cursor
    }
    const stored = (await emu.emulator.db.collection('inspections').where({ companyId: co1.id }).count()).total
    expect(all).toHaveLength(stored)
    expect(all.every((i: { companyId: string }) => i.companyId === co1.id)).toBe(true)
    const times = all.map((i: { checkInAt: number }) => i.checkInAt)
    expect([...times].sort((a, b) => b - a)).toEqual(times)
    const states = new Set(all.map((i: { rating: { state: string } }) => i.rating.state))
    expect(states.has('rated') && states.has('issued')).toBe(true)
  })

  it('pages by 20', async () => {
    // Enough inspections at co_0002 for two pages.
    const existing = (await ent('demo-enterprise-2', 'inspections')).data.items.length
    for (let i = existing; i < 22; i++) await inspected(co2)
    const first = await ent('demo-enterprise-2', 'inspections')
    expect(first.data.items).toHaveLength(20)
    const second = await ent('demo-enterprise-2', 'inspections', { cursor: first.data.cursor })
    expect(second.data.items.length).toBeGreaterThanOrEqual(2)
    const ids = [...first.data.items, ...second.data.items].map((i: { id: string }) => i.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(await ent('demo-enterprise-2', 'inspections', { cursor: 'bm9wZQ' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })
})

describe('rate limit on token look-ups', () => {
  it('counts every look-up and refuses past the hourly limit (RATE_LIMITED), until the next hour', async () => {
    const c = DEMO_BIND_CODES.companies[0]
    expect(await call('rl-company', 'account', 'bindEnterprise', { uscc: c.uscc, code: c.code })).toMatchObject({ ok: true })
    await emu.setClock('2026-12-26T03:00:00Z')
    const answers = []
    for (let i = 0; i < 60; i++)
      answers.push(await ent('rl-company', i % 2 ? 'verifyOfficer' : 'inspectionForRating', { token: `r.AAAAAAAAA${i % 10}.AAAAAAAAAAAAAAAA` }))
    expect(answers.every((a) => a.error?.code === 'TOKEN_INVALID')).toBe(true)
    expect(await ent('rl-company', 'verifyOfficer', { token: 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await ent('rl-company', 'rate', { token: 'r.AAAAAAAAAA.AAAAAAAAAAAAAAAA', score: 5 })).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    // Another company user is not affected.
    expect(await ent('demo-enterprise-2', 'verifyOfficer', { token: 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA' })).toMatchObject({
      ok: false,
      error: { code: 'TOKEN_INVALID' },
    })
    await emu.setClock('2026-12-26T04:00:00Z')
    expect(await ent('rl-company', 'verifyOfficer', { token: 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA' })).toMatchObject({ ok: false, error: { code: 'TOKEN_INVALID' } })
    await emu.setClock('2026-12-26T02:00:00Z')
  })
})
