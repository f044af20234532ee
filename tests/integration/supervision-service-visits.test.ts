import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * supervision.serviceVisits (rule 19) over HTTP on the demo data, 2026-12-12 (quiet period
 * on): supervisors find service visits of their region, a department admin those of their
 * department; the quiet-period visit to a park company is found by its flag; the score only
 * to supervisors (rule 21); pages of 20, newest first, never overlapping.
 */

const roster = buildDemoRoster()
const near = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })
const far = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.05, lng: c.location.lng, accuracy: 15 })
const in702 = roster.companies.find((c) => c.region === '360702' && !c.inPark)!
const in703 = roster.companies.find((c) => c.region === '360703' && !c.inPark)!
const park702 = roster.companies.find((c) => c.region === '360702' && c.inPark)!
const MARKET = DEMO_IDS.cityMarketDept

type Listed = {
  id: string
  at: number
  date: string
  companyId: string
  region: string
  deptId: string
  note?: string
  flags: string[]
  rating: { state: string; score?: number }
}

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
const call = async (openid: string, fn: string, action: string, fields: object = {}) => emu.call(fn, action, fields, await as(openid))
const search = (openid: string, fields: object = {}) => call(openid, 'supervision', 'serviceVisits', fields)
let n = 0
let clock = Date.parse('2026-12-12T02:00:00Z')
/** A visit a minute after the last one (the list's order is by time). */
const visit = async (openid: string, c: typeof in702, note: string, location = near(c)) => {
  clock += 60_000
  await emu.setClock(new Date(clock).toISOString())
  const res = await call(openid, 'inspection', 'serviceVisit', { scene: `c=${c.id}`, clientRequestId: `ssv-req-${++n}`, purpose: 'policy', note, location })
  expect(res.error).toBeUndefined()
  return res.data.visit as { id: string; flags: string[] }
}

/** Every visit listed for these filters, page after page (the pages must not overlap, newest first). */
async function searchAll(openid: string, filters: object): Promise<Listed[]> {
  const out: Listed[] = []
  let cursor: string | undefined
  for (let page = 0; page < 100; page++) {
    const res = await search(openid, { ...filters, ...(cursor ? { cursor } : {}) })
    expect(res.error).toBeUndefined()
    expect(res.data.items.length).toBeLessThanOrEqual(20)
    out.push(...res.data.items)
    cursor = res.data.cursor
    if (!cursor) break
  }
  expect(new Set(out.map((v) => v.id)).size).toBe(out.length)
  const order = out.map((v) => v.at)
  expect(order).toEqual([...order].sort((a, b) => b - a))
  return out
}

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: new Date(clock).toISOString(), env: { ADMIN_OPENIDS: 'demo-admin' } })
})
afterAll(async () => {
  await emu?.close()
})

describe('supervision.serviceVisits', () => {
  it('finds the demo’s quiet-period visit to a park company by its flag, with its company, officers, purpose and note', async () => {
    const flagged = await searchAll('demo-supervisor-city', { flag: 'quiet_period' })
    const demo = flagged.find((v) => v.note === '协助企业办理安全生产许可证延续')
    expect(demo).toMatchObject({ flags: ['quiet_period'], purpose: 'assistance', officerNames: [expect.any(String)], companyName: expect.any(String) })
    expect(flagged.every((v) => v.flags.includes('quiet_period'))).toBe(true)
    // Visits outside a park carry no quiet-period flag and are not listed under it.
    const all = await searchAll('demo-supervisor-city', {})
    expect(all.filter((v) => v.flags.includes('quiet_period')).map((v) => v.id)).toEqual(flagged.map((v) => v.id))
    expect(all.length).toBeGreaterThan(flagged.length)
  })

  it('flags a new visit to a park company in the quiet period and one far from the company, each found by its flag', async () => {
    const quiet = await visit('demo-officer-1', park702, 'SSV-PARK 宣讲')
    const offSite = await visit('demo-officer-1', in702, 'SSV-FAR 宣讲', far(in702))
    const plain = await visit('demo-officer-1', in702, 'SSV-PLAIN 宣讲')
    expect(quiet.flags).toContain('quiet_period')
    expect(offSite.flags).toEqual(['off_site'])
    const byFlag = async (flag: string) => (await searchAll('demo-supervisor-county', { flag })).map((v) => v.id)
    expect(await byFlag('quiet_period')).toContain(quiet.id)
    expect(await byFlag('quiet_period')).not.toContain(plain.id)
    expect(await byFlag('off_site')).toContain(offSite.id)
    expect(await byFlag('off_site')).not.toContain(quiet.id)
    // Newest first: the three just recorded lead the county's list.
    const listed = await searchAll('demo-supervisor-county', { from: '2026-12-12', to: '2026-12-12' })
    expect(listed.slice(0, 3).map((v) => v.id)).toEqual([plain.id, offSite.id, quiet.id])
  })

  it('keeps a county supervisor to the county where the company is; another county or the city is FORBIDDEN', async () => {
    const foreign = await visit('demo-officer-1', in703, 'SSV-FOREIGN 调研')
    const county = await searchAll('demo-supervisor-county', {})
    expect(county.length).toBeGreaterThan(0)
    expect(county.every((v) => v.region === '360702')).toBe(true)
    expect(county.map((v) => v.id)).not.toContain(foreign.id)
    const city = await searchAll('demo-supervisor-city', { region: '360703' })
    expect(city.map((v) => v.id)).toContain(foreign.id)
    expect(city.every((v) => v.region === '360703')).toBe(true)
    for (const region of ['360703', '3607']) {
      const res = await search('demo-supervisor-county', { region })
      expect(res.error?.code).toBe('FORBIDDEN')
      expect(res.error?.message).toMatch(/辖区/)
    }
  })

  it('gives a department admin only their department’s visits, never a score; another department is FORBIDDEN', async () => {
    const other = await visit('demo-officer-3', in702, 'SSV-OTHER-DEPT 调研')
    const own = await searchAll('demo-deptadmin-1', {})
    expect(own.length).toBeGreaterThan(0)
    expect(own.every((v) => v.deptId === MARKET)).toBe(true)
    expect(own.map((v) => v.id)).not.toContain(other.id)
    // The demo's town company rated one visit 5 stars: the admin sees that it was rated, not the score.
    const rated = own.filter((v) => v.rating.state === 'rated')
    expect(rated.length).toBeGreaterThan(0)
    expect(rated.every((v) => v.rating.score === undefined)).toBe(true)
    const forSupervisor = await searchAll('demo-supervisor-city', { deptId: MARKET })
    expect(forSupervisor.find((v) => v.id === rated[0].id)?.rating).toEqual({ state: 'rated', score: 5 })
    const refused = await search('demo-deptadmin-1', { deptId: 'dept_3607_em' })
    expect(refused.error?.code).toBe('FORBIDDEN')
    expect(refused.error?.message).toBe('执法单位管理员只能查看本单位的入企服务')
    // Officers and companies cannot search.
    expect((await search('demo-officer-1')).error?.code).toBe('FORBIDDEN')
    expect((await search('demo-enterprise-1')).error?.code).toBe('FORBIDDEN')
  })

  it('narrows by company and department and by China dates, inclusive', async () => {
    const byCompany = await searchAll('demo-supervisor-city', { companyId: in702.id })
    expect(byCompany.length).toBeGreaterThanOrEqual(3)
    expect(byCompany.every((v) => v.companyId === in702.id)).toBe(true)
    const em = await searchAll('demo-supervisor-city', { deptId: 'dept_3607_em' })
    expect(em.length).toBeGreaterThan(0)
    expect(em.every((v) => v.deptId === 'dept_3607_em')).toBe(true)
    const all = await searchAll('demo-supervisor-city', {})
    const days = [...new Set(all.map((v) => v.date))].sort()
    expect(days.length).toBeGreaterThan(1)
    const [first, second] = days
    const early = await searchAll('demo-supervisor-city', { from: first, to: second })
    expect(early.map((v) => v.id).sort()).toEqual(
      all
        .filter((v) => v.date <= second)
        .map((v) => v.id)
        .sort(),
    )
    const late = await searchAll('demo-supervisor-city', { from: days[days.length - 1] })
    expect(late.every((v) => v.date === days[days.length - 1])).toBe(true)
  })

  it('pages 20 at a time with a keyset cursor that skips nothing when more visits arrive; a bad cursor is refused in words', async () => {
    for (let k = 0; k < 22; k++) await visit('demo-officer-2', in702, `SSV-PAGE-${k}`)
    const first = await search('demo-supervisor-county', { companyId: in702.id })
    expect(first.data.items).toHaveLength(20)
    expect(first.data.cursor).toEqual(expect.any(String))
    const late = await visit('demo-officer-2', in702, 'SSV-PAGE-LATE')
    const second = await search('demo-supervisor-county', { companyId: in702.id, cursor: first.data.cursor })
    const seen = [...first.data.items, ...second.data.items].map((v: Listed) => v.id)
    expect(seen).not.toContain(late.id)
    expect(new Set(seen).size).toBe(seen.length)
    const all = await searchAll('demo-supervisor-county', { companyId: in702.id })
    expect(all.length).toBe(seen.length + 1)
    const bad = await search('demo-supervisor-county', { cursor: 'not-a-cursor' })
    expect(bad.error?.code).toBe('INVALID_INPUT')
    expect(bad.error?.message).toMatch(/重新加载/)
  })
})
