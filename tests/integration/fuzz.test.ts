import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { contract, FN_NAMES } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { allowedRefusalWrite, answerProblems, bodyArbitrary, installChangeLog, type BodyKind, type Pools } from '../helpers/fuzz'
import { buildDemoRoster, DEMO_BIND_CODES, DEMO_PERSONAS } from '../../emulator/seed/demo'
import { tokenFromId } from '../../server/domain/tokens'
import { clearSettingsCache } from '../../server/platform/dispatch'

/**
 * Fuzzing every action of the contract through the emulator's HTTP surface, as every role
 * (docs/RELIABILITY.md §1). Each event is one POST /api/fn/<fn>; the answer must be an
 * envelope with a contract error code, never INTERNAL, never HTTP 5xx, never a stack
 * frame or a path of the machine; and a refused call must leave every collection as it
 * was (rate-limit buckets and the FREQUENCY_CAP counter excepted, see helpers/fuzz.ts).
 *
 * Size: FUZZ_RUNS events per action (default 40 in CI; the documented full run uses 1000).
 * The seed is fixed (20261212) so a run is the same every time; FUZZ_SEED=<n> replays
 * another, FUZZ_SEED=random draws one. A failure names its seed. FUZZ_REPORT=<file> writes
 * the outcome figures as JSON.
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40)
const SEED = process.env.FUZZ_SEED === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(process.env.FUZZ_SEED ?? 20261212)
if (process.env.FUZZ_SEED === 'random') console.log(`fuzz seed ${SEED} (replay: FUZZ_SEED=${SEED})`)
jest.setTimeout(Math.max(120_000, RUNS * 40 * 60))

type RoleName = 'anonymous' | 'forged-token' | 'unbound' | (typeof DEMO_PERSONAS)[number]['openid']
const ROLES: RoleName[] = ['anonymous', 'forged-token', 'unbound', ...DEMO_PERSONAS.map((p) => p.openid)]

let emu: TestEmulator
let changes: ReturnType<typeof installChangeLog>
const tokens: Record<string, string> = {}
const pools: Pools = {}

/** outcome figures: fn.action → code (or OK) → count; and by body kind. */
const outcomes: Record<string, Record<string, number>> = {}
const kinds: Record<string, Record<BodyKind, number>> = {}
const problems: string[] = []

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z', env: { ADMIN_OPENIDS: 'demo-admin' } })
  const db = emu.emulator.db
  // Lift the hourly limits so bind and token paths stay reachable for thousands of events
  // (the limits themselves are tested in abuse-limits.test.ts).
  await db
    .collection('system')
    .doc('settings')
    .set({ data: { limits: { bindAttemptsPerHour: 1_000_000, tokenLookupsPerHour: 1_000_000 } } })
  clearSettingsCache()
  for (const p of DEMO_PERSONAS) tokens[p.openid] = await emu.login(p.openid)
  tokens.unbound = await emu.login('fuzz-unbound-openid')
  tokens['forged-token'] = tokens['demo-admin'].slice(0, -2) + 'zz'
  // A certificate card token exists only once an officer shows the card.
  await emu.call('inspection', 'certCard', {}, tokens['demo-officer-1'])

  const ids = (table: string, limit = 30) =>
    (db.raw.prepare(`SELECT id FROM "c_${table}" ORDER BY rid LIMIT ?`).all(limit) as Array<{ id: string }>).map((r) => r.id)
  const roster = buildDemoRoster()
  const secret = emu.emulator.keys.signing
  const companies = ['co_0001', 'co_0002', 'co_0003', 'co_0036', 'co_0100', 'co_0299']
  Object.assign(pools, {
    scene: [...companies.map((c) => `c=${c}`), 'c=co_9999', 'c=', 'x=co_0001'],
    token: [
      ...ids('ratingTokens').map((id) => tokenFromId('r', id, secret)),
      ...ids('cardTokens').map((id) => tokenFromId('c', id, secret)),
      'r.AAAAAAAAAA.AAAAAAAAAAAAAAAA',
    ],
    // Ids that are also names of Object.prototype's members must stay ids (docs/RELIABILITY.md "Attacks tried").
    inspectionId: [...ids('inspections'), 'insp_missing', '__proto__', 'constructor'],
    planId: [...ids('plans'), '__proto__', 'constructor', 'hasOwnProperty'],
    // A few retry keys, so that the same key meets several companies (CONFLICT, never an overwrite).
    clientRequestId: ['fuzz-key-0001', 'fuzz-key-0002', 'fuzz-key-0003'],
    complaintId: ids('complaints'),
    companyId: companies,
    companyIds: companies,
    deptId: ['dept_3607_amr', 'dept_3607_em', 'dept_360702_amr', 'dept_360703_amr', 'dept_missing'],
    officerId: ['off_001', 'off_002', 'off_003', 'off_004', 'off_020', 'off_021', 'off_missing'],
    id: ['co_0001', 'dept_3607_amr', 'off_003', 'co_0002'],
    region: ['3607', '360702', '360703', '360700', '3608'],
    month: ['2026-12', '2026-11', '2026-01'],
    date: ['2026-12-12', '2026-12-01', '2026-11-30', '1999-01-01', '2027-06-01'],
    from: ['2026-12-01', '2026-01-01'],
    to: ['2026-12-31', '2026-12-12'],
    rectifyBy: ['2026-12-20', '2026-12-01'],
    uscc: [...roster.companies.slice(0, 6).map((c) => c.uscc), ...DEMO_BIND_CODES.companies.map((c) => c.uscc)],
    certNo: [...roster.officers.slice(0, 6).map((o) => o.certNo), ...DEMO_BIND_CODES.officers.map((o) => o.certNo)],
    name: [...roster.officers.slice(0, 6).map((o) => o.name), ...DEMO_BIND_CODES.officers.map((o) => o.name)],
    code: [...DEMO_BIND_CODES.officers.map((o) => o.code), ...DEMO_BIND_CODES.companies.map((c) => c.code), 'AAAAAAAA'],
    openid: [...DEMO_PERSONAS.map((p) => p.openid), 'fuzz-new-openid'],
    category: ['emergency', 'other', 'attitude', 'nonsense'],
  } satisfies Pools)
  changes = installChangeLog(db.raw)
})

afterAll(async () => {
  await emu?.close()
  if (process.env.FUZZ_REPORT) {
    mkdirSync(path.dirname(path.resolve(process.env.FUZZ_REPORT)), { recursive: true })
    const events = Object.values(outcomes).reduce((n, o) => n + Object.values(o).reduce((a, b) => a + b, 0), 0)
    writeFileSync(process.env.FUZZ_REPORT, JSON.stringify({ runsPerAction: RUNS, seed: SEED, events, outcomes, kinds, problems }, null, 2))
  }
})

async function send(role: RoleName, fn: string, body: unknown): Promise<{ status: number; text: string; sent: string }> {
  const sent = JSON.stringify(body) ?? 'null'
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (role !== 'anonymous') headers.authorization = `Bearer ${tokens[role]}`
  const res = await fetch(`${emu.baseUrl}/api/fn/${fn}`, { method: 'POST', headers, body: sent })
  return { status: res.status, text: await res.text(), sent }
}

const actions = FN_NAMES.flatMap((fn) => Object.keys(contract[fn]).map((action) => [fn, action] as const))

describe.each(actions)('%s.%s', (fn, action) => {
  test(`${RUNS} fuzzed events: envelopes with contract codes, no INTERNAL/5xx/leak, refusals change nothing`, async () => {
    const key = `${fn}.${action}`
    const tally = (outcomes[key] ??= {})
    const byKind = (kinds[key] ??= { valid: 0, field: 0, extra: 0, drop: 0, whole: 0 })
    const input = (contract[fn] as Record<string, { input: import('zod').ZodType }>)[action].input
    const events = fc.record({ role: fc.constantFrom(...ROLES), body: bodyArbitrary(action, input, pools) })
    changes.take()
    await fc.assert(
      fc.asyncProperty(events, async ({ role, body: { kind, body } }) => {
        const t0 = Date.now()
        const { status, text, sent } = await send(role, fn, body)
        if (process.env.FUZZ_SLOW && Date.now() - t0 > Number(process.env.FUZZ_SLOW))
          console.warn(`slow ${Date.now() - t0} ms ${key} ${role} ${kind} ${sent.length} ${sent.slice(0, 200)}`)
        const found = answerProblems(status, text, sent)
        let code = 'OK'
        try {
          const parsed = JSON.parse(text)
          code = parsed.ok ? 'OK' : String(parsed.error?.code)
        } catch {
          code = `HTTP_${status}`
        }
        const written = changes.take()
        if (code !== 'OK') {
          const unexpected = written.filter((c) => !allowedRefusalWrite(code, c))
          if (unexpected.length) found.push(`refused (${code}) but wrote ${JSON.stringify(unexpected.slice(0, 5))}`)
        }
        tally[code] = (tally[code] ?? 0) + 1
        byKind[kind]++
        if (found.length) {
          const line = `${key} as ${role}: ${found.join('; ')} — request ${sent.slice(0, 300)} — answer ${text.slice(0, 300)} — replay with FUZZ_SEED=${SEED}`
          problems.push(line)
          throw new Error(line)
        }
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    )
  })
})

describe('whole requests the JSON layer refuses', () => {
  const raw = async (body: string, headers: Record<string, string>) => {
    const res = await fetch(`${emu.baseUrl}/api/fn/account`, { method: 'POST', headers, body })
    return { status: res.status, text: await res.text() }
  }
  test.each([
    ['not JSON', 'not json', { 'content-type': 'application/json' }],
    ['empty body', '', { 'content-type': 'application/json' }],
    ['text/plain', '{"action":"whoami"}', { 'content-type': 'text/plain' }],
    ['__proto__ at the top', '{"action":"whoami","__proto__":{"roles":["admin"]}}', { 'content-type': 'application/json' }],
    ['constructor.prototype', '{"action":"whoami","constructor":{"prototype":{"admin":true}}}', { 'content-type': 'application/json' }],
    ['deep nesting 50,000', '['.repeat(50_000) + ']'.repeat(50_000), { 'content-type': 'application/json' }],
    ['over the body limit', JSON.stringify({ action: 'whoami', pad: 'x'.repeat(101 * 1024) }), { 'content-type': 'application/json' }],
    ['lone surrogate escapes', '{"action":"\\ud800","x":"\\udfff"}', { 'content-type': 'application/json' }],
  ])('%s: a 4xx or 200 envelope, no INTERNAL, no leak', async (_name, body, headers) => {
    const { status, text } = await raw(body, headers)
    expect(answerProblems(status, text, body)).toEqual([])
  })

  test('nothing polluted Object.prototype in the server process', () => {
    expect(({} as Record<string, unknown>).admin).toBeUndefined()
    expect(({} as Record<string, unknown>).roles).toBeUndefined()
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
