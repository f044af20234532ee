import { spawn, type ChildProcess } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { defaultSettings } from '@contract'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, DEMO_BIND_CODES } from '../../emulator/seed/demo'
import { checkCounterConsistency, checkOpenNow } from '../../server/store/recount'
import { repairDrift, repairOpenNow } from '../../server/jobs/counter-consistency'
import { checkinKeyId } from '../../server/handlers/inspection/check-in'
import { verifyToken } from '../../server/domain/tokens'
import { emulatorKeys } from '../../emulator/keys'

/**
 * Crash safety (docs/RELIABILITY.md §3): the emulator runs as a child process on a file
 * database; concurrent clients check in (the second officer joins), record results and
 * rate; the process is killed with SIGKILL at a random moment, restarted on the same
 * file, and the load goes on. At the end: every acknowledged write (HTTP 200, ok: true)
 * is in the database, the kept counters equal a recount, the ledger chains verify, and
 * nothing is half-written.
 *
 * CRASH_ROUNDS (default 3; full run 20), CRASH_CLIENTS (default 3), CRASH_REPORT=<file>.
 */

const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 3)
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 3)
jest.setTimeout(60_000 + ROUNDS * 20_000)

const ROOT = path.resolve(__dirname, '../..')
const roster = buildDemoRoster()
const near = (id: string) => {
  const c = roster.companies.find((x) => x.id === id)!
  return { lat: c.location.lat + 0.0002, lng: c.location.lng, accuracy: 10 }
}
/** Companies with a bound user (demo-enterprise-1/2, and three bound at the start). */
const RATED = ['co_0001', 'co_0002', 'co_0003', 'co_0004', 'co_0005']
const COMPANY_USER: Record<string, string> = {
  co_0001: 'demo-enterprise-1',
  co_0002: 'demo-enterprise-2',
  co_0003: 'crash-co3',
  co_0004: 'crash-co4',
  co_0005: 'crash-co5',
}
/** Officer pairs of one department each. */
const TEAMS: Array<[string, string]> = [
  ['demo-officer-1', 'demo-officer-2'],
  ['demo-officer-3', 'crash-em2'],
]

let dir: string
let dbFile: string
let child: ChildProcess | null = null
let baseUrl = ''
const sessions: Record<string, string> = {}

function start(clock: string): Promise<void> {
  return new Promise((resolve, reject) => {
    // tsx's loader in this very process (not the tsx CLI, which forks): SIGKILL must hit the server itself.
    const loader = pathToFileURL(path.join(ROOT, 'node_modules/tsx/dist/loader.mjs')).href
    const args = [
      '--require',
      path.join(ROOT, 'node_modules/tsx/dist/preflight.cjs'),
      '--import',
      loader,
      'emulator/cli.ts',
      '--port',
      '0',
      '--db',
      dbFile,
      '--seed',
      'demo',
      '--clock',
      clock,
    ]
    const proc = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ADMIN_OPENIDS: 'demo-admin' }, stdio: ['ignore', 'pipe', 'pipe'] })
    child = proc
    let out = ''
    let err = ''
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${out} ${err}`)), 45_000)
    proc.stdout!.on('data', (d: Buffer) => {
      out += d.toString()
      const m = /listening on (http:\/\/[^\s]+)/.exec(out)
      if (m) {
        clearTimeout(timer)
        baseUrl = m[1]
        resolve()
      }
    })
    proc.stderr!.on('data', (d: Buffer) => (err += d.toString()))
    proc.on('exit', (code, signal) => {
      clearTimeout(timer)
      if (!baseUrl) reject(new Error(`emulator exited (${code ?? signal}): ${err}`))
    })
  })
}

function kill(): Promise<void> {
  const proc = child
  child = null
  baseUrl = ''
  if (!proc || proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    proc.once('exit', () => resolve())
    proc.kill('SIGKILL')
  })
}

async function post(pathname: string, body: object, openid?: string): Promise<any> {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (openid) {
    sessions[openid] ??= (await post('/api/dev/login', { openid })).token
    headers.authorization = `Bearer ${sessions[openid]}`
  }
  const res = await fetch(baseUrl + pathname, { method: 'POST', headers, body: JSON.stringify(body) })
  const json = await res.json()
  if (res.status >= 500) throw new Error(`HTTP ${res.status} ${JSON.stringify(json)}`)
  return json
}
const call = (openid: string, fn: string, action: string, fields: object = {}) => post(`/api/fn/${fn}`, { action, ...fields }, openid)

/** What clients were told succeeded. */
const acked = {
  checkIns: [] as Array<{ openid: string; clientRequestId: string; inspectionId: string }>,
  results: [] as string[],
  ratings: [] as Array<{ inspectionId: string; token: string }>,
}
const failures: string[] = []
let attempts = 0
let stopped = false

/** Refusals a client may meet (rules, replays, contention); anything else, INTERNAL above all, is a failure. */
const EXPECTED_REFUSALS = new Set([
  'QUIET_PERIOD',
  'PLAN_REQUIRED',
  'FREQUENCY_CAP',
  'NEED_TWO_OFFICERS',
  'CONFLICT',
  'ALREADY_RATED',
  'TOKEN_EXPIRED',
  'RATE_LIMITED',
])
/** Whether the answer is a success; an unexpected refusal is recorded as a failure. */
function ok(res: { ok: boolean; error?: { code: string; message: string } }, what: string): boolean {
  if (!res.ok && !EXPECTED_REFUSALS.has(res.error!.code)) failures.push(`${what} → ${res.error!.code}: ${res.error!.message}`)
  return res.ok
}

/** One client: its own companies, a team; check in, join, result, rate; over and over. */
async function client(k: number): Promise<void> {
  const team = TEAMS[k % TEAMS.length]
  const companies = [RATED[k % RATED.length], `co_${String(100 + k).padStart(4, '0')}`]
  let i = 0
  while (!stopped) {
    const companyId = companies[i++ % companies.length]
    try {
      const fields = { scene: `c=${companyId}`, source: 'complaint', sourceRef: 'REF-2026-0001', location: near(companyId) }
      const ids = [`crash-${k}-${i}-a-${Date.now()}`, `crash-${k}-${i}-b-${Date.now()}`]
      attempts++
      const open = await call(team[0], 'inspection', 'checkIn', { ...fields, clientRequestId: ids[0] })
      if (!ok(open, 'checkIn')) continue
      acked.checkIns.push({ openid: team[0], clientRequestId: ids[0], inspectionId: open.data.inspection.id })
      const join = await call(team[1], 'inspection', 'checkIn', { ...fields, clientRequestId: ids[1] })
      if (!ok(join, 'join')) continue
      acked.checkIns.push({ openid: team[1], clientRequestId: ids[1], inspectionId: join.data.inspection.id })
      const result = await call(team[0], 'inspection', 'recordResult', { inspectionId: open.data.inspection.id, outcome: 'compliant', findings: '未发现问题' })
      if (!ok(result, 'recordResult')) continue
      acked.results.push(open.data.inspection.id)
      const user = COMPANY_USER[companyId]
      if (!user) continue
      const rated = await call(user, 'enterprise', 'rate', { token: result.data.rating.token, score: 1 + (i % 5) })
      if (ok(rated, 'rate')) acked.ratings.push({ inspectionId: open.data.inspection.id, token: result.data.rating.token })
    } catch (err) {
      // The server died under the request: not acknowledged. Wait for the restart.
      if (
        !/fetch failed|ECONNREFUSED|ECONNRESET|other side closed|socket|terminated|Invalid URL/i.test(
          String((err as Error).message ?? err) + String((err as { cause?: unknown }).cause ?? ''),
        )
      )
        failures.push(String(err))
      await new Promise((r) => setTimeout(r, 50))
    }
  }
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ip-crash-'))
  dbFile = path.join(dir, 'crash.db')
})

afterAll(async () => {
  stopped = true
  await kill()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

test(`${ROUNDS} SIGKILL rounds under load: acknowledged writes kept, counters recount, chains verify, nothing half-written`, async () => {
  const day0 = Date.parse('2026-12-28T01:00:00Z')
  await start(new Date(day0).toISOString())
  // Bind the second officer of 应急管理局 and three company users.
  const em2 = DEMO_BIND_CODES.officers[1]
  expect((await call('crash-em2', 'account', 'bindOfficer', { certNo: em2.certNo, name: em2.name, code: em2.code })).ok).toBe(true)
  for (const [i, c] of DEMO_BIND_CODES.companies.entries())
    expect((await call(`crash-co${i + 3}`, 'account', 'bindEnterprise', { uscc: c.uscc, code: c.code })).ok).toBe(true)

  let kills = 0
  for (let round = 0; round < ROUNDS; round++) {
    stopped = false
    const clients = Array.from({ length: CLIENTS }, (_, k) => client(k))
    await new Promise((r) => setTimeout(r, 400 + Math.random() * 1600))
    await kill()
    kills++
    stopped = true
    await Promise.all(clients)
    // Restart on the same file; the clock moves on a day per round (results stay on time).
    await start(new Date(day0 + (round + 1) * 86_400_000).toISOString())
    expect(await (await fetch(baseUrl + '/api/health')).json()).toEqual({ ok: true })
  }

  // The ledger chains verify, through the running emulator.
  const verify = await call('demo-admin', 'supervision', 'auditVerify', {})
  expect(verify).toMatchObject({ ok: true, data: { ok: true } })
  await kill()

  const db = openDatabase(dbFile)
  try {
    const secret = emulatorKeys(dbFile).signing
    const doc = (collection: string, id: string): any => {
      const row = db.raw.prepare(`SELECT doc FROM "c_${collection}" WHERE id = ?`).get(id) as { doc: string } | undefined
      return row ? JSON.parse(row.doc) : null
    }
    const all = (collection: string): any[] =>
      (db.raw.prepare(`SELECT id, doc FROM "c_${collection}"`).all() as Array<{ id: string; doc: string }>).map((r) => ({ _id: r.id, ...JSON.parse(r.doc) }))
    const missing: string[] = []
    // Every acknowledged write is present.
    for (const c of acked.checkIns) {
      const inspection = doc('inspections', c.inspectionId)
      if (!inspection) missing.push(`inspection ${c.inspectionId}`)
      // The request's key is on the company's gate, beside the check-in it made or joined.
      const entry = ((inspection && doc('companies', inspection.companyId)?.gate?.recent) ?? []).find((r: any) => r.inspectionId === c.inspectionId)
      if (!entry?.keys.includes(checkinKeyId(c.openid, c.clientRequestId))) missing.push(`checkin key ${c.openid}/${c.clientRequestId}`)
    }
    for (const id of acked.results) if (!doc('inspections', id)?.result) missing.push(`result of ${id}`)
    for (const r of acked.ratings) {
      if (!doc('ratings', r.inspectionId)) missing.push(`rating ${r.inspectionId}`)
      const tokenId = verifyToken(r.token, 'r', secret)!
      if (doc('ratingTokens', tokenId)?.usedAt == null) missing.push(`token used ${tokenId}`)
    }
    expect(missing).toEqual([])

    // Nothing half-written: each inspection has its check-in keys, a monitoring point's
    // its ledger entry; a result its rating token; a rating its used token and rated state.
    const half: string[] = []
    const keysByInspection = new Map<string, number>()
    for (const company of all('companies')) for (const r of company.gate?.recent ?? []) keysByInspection.set(r.inspectionId, r.keys.length)
    const ledgerByInspection = new Set(
      all('ledger')
        .map((e) => e.inspectionId)
        .filter(Boolean),
    )
    const tokensByInspection = new Map(all('ratingTokens').map((t) => [t.inspectionId, t]))
    const inspections = all('inspections')
    for (const ins of inspections) {
      // A withdrawn scan leaves the gate by design (rule 18).
      if (ins.status !== 'withdrawn' && (keysByInspection.get(ins._id) ?? 0) < ins.officerIds.length)
        half.push(`${ins._id}: ${ins.officerIds.length} officers, ${keysByInspection.get(ins._id) ?? 0} check-in keys`)
      if (ins.companyId === 'co_0001' && !ledgerByInspection.has(ins._id)) half.push(`${ins._id}: no ledger entry`)
      if (ins.result && !tokensByInspection.has(ins._id)) half.push(`${ins._id}: result without rating token`)
    }
    for (const r of all('ratings')) {
      const t = tokensByInspection.get(r.inspectionId)
      if (!t || t.usedAt == null) half.push(`rating ${r._id}: token not used`)
      if (doc('inspections', r.inspectionId)?.rating?.state !== 'rated') half.push(`rating ${r._id}: inspection not rated`)
    }
    expect(half).toEqual([])

    // The kept counters equal a recount from the records, once the hourly job has run
    // twice: counters are bumped after their commit, so a kill in between leaves a figure
    // short, which two runs that both see it repair.
    const months = [...new Set(all('inspections').map((i) => i.month as string))]
    for (let run = 0; run < 2; run++) await repairDrift(db, defaultSettings(), months, Date.now())
    const consistency = await checkCounterConsistency(db, defaultSettings())
    expect(consistency.differences).toEqual([])
    // So do the dashboard's open-now figures (red lights, special cases waiting, open alerts).
    const regions = defaultSettings().city.regions.map((r) => r.code)
    for (let run = 0; run < 2; run++) await repairOpenNow(db, regions, Date.now())
    expect(await checkOpenNow(db, regions)).toEqual([])
    expect(failures).toEqual([])

    const report = {
      rounds: ROUNDS,
      clients: CLIENTS,
      kills,
      attempts,
      acknowledged: { checkIns: acked.checkIns.length, results: acked.results.length, ratings: acked.ratings.length },
      inspections: inspections.length,
      countersChecked: consistency.checked,
      ledgerEntriesVerified: verify.data.checked,
    }
    if (process.env.CRASH_REPORT) {
      mkdirSync(path.dirname(path.resolve(process.env.CRASH_REPORT)), { recursive: true })
      writeFileSync(process.env.CRASH_REPORT, JSON.stringify(report, null, 2))
    }
    expect(acked.checkIns.length).toBeGreaterThan(0)
  } finally {
    db.close()
  }
})
