/**
 * `npm run bench` (full: 10k, 100k, 1M inspections) and `npm run bench -- --quick`
 * (10k + 100k, fewer iterations, under 5 minutes). Writes bench/results.json and prints
 * one summary line last. Timings live here only, never in a test.
 *
 * Options: --quick, --sizes=10k,100k, --iterations=N, --skip-http, --skip-sizes,
 * --skip-contention, --contention-only (only the check-ins under contention through the
 * local cloud and the real wx-server-sdk, bench/contention.ts; merged into results.json),
 * --rebuild-weapp, --no-autocheckpoint (diagnostic: no WAL checkpoint at all during the
 * check-in runs), --inline-checkpoints (diagnostic: SQLite's own checkpoint inside the commit
 * that fills the WAL, as before the emulator's checkpointer thread). Without either, the
 * database is opened as the emulator opens it: checkpoints on a thread of their own
 * (emulator/db/checkpointer.ts).
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { closeSync, copyFileSync, existsSync, mkdirSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import type { FnName } from '@contract'
import { openDatabase, type EmulatorDatabase } from '../emulator/db'
import { createEmulator } from '../emulator/server'
import { inProcessPlatform } from '../emulator/in-process'
import { issueToken } from '../emulator/sessions'
import { registry } from '../server/functions'
import { dispatch, clearSettingsCache } from '../server/platform/dispatch'
import type { Platform } from '../server/platform/context'
import { gateScene } from '../server/domain/gate-code'
import { FUNCTIONS, measureSizes, BUDGETS } from '../scripts/package-sizes'
import { countingDatabase, type CountingDatabase, type DbCall } from './counting-db'
import { contentionLine, runContention, type ContentionReport } from './contention'
import { BENCH_KEYS, BENCH_MONTH, BENCH_NOW, benchCompanyIds, COMPANIES, dataPath, generate, officerOpenid, SIZES } from './generate'

const ROOT = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const flag = (name: string) => args.includes(`--${name}`)
const opt = (name: string) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1]
const QUICK = flag('quick')
const SIZE_LIST = (opt('sizes') ?? (QUICK ? '10k,100k' : '10k,100k,1M')).split(',')
/** Check-in pairs per size (each pair = a new check-in + the second officer joining). */
const PAIRS = Number(opt('iterations') ?? (QUICK ? 250 : 1000))
const READ_ITERATIONS = QUICK ? 30 : 100
const HTTP_SECONDS = QUICK ? 4 : 10
const HTTP_CONNECTIONS = 10
const DASHBOARD_MONTH = '2026-10'

const TARGETS = { checkinP95Ms: 5, growth: 1.5, dbCalls: 6, dashboardMs: 20, httpRatio: 0.2, mainKB: 700, subKB: 500, fnKB: 400, coldMs: 150 }

const log = (msg: string) => console.log(msg)
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d
function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b)
  return s.length ? s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] : NaN
}
const stats = (v: number[]) => ({ n: v.length, p50: round(pct(v, 50), 3), p95: round(pct(v, 95), 3), p99: round(pct(v, 99), 3), max: round(Math.max(...v), 3) })

interface Roster {
  depts: Array<{ _id: string; region: string }>
  officersOf: Map<string, string[]>
  inPark: Map<string, boolean>
  monitoring: Map<string, boolean>
}

function loadRoster(db: EmulatorDatabase): Roster {
  const depts = (db.raw.prepare(`SELECT doc FROM c_departments ORDER BY id`).all() as Array<{ doc: string }>).map((r) => JSON.parse(r.doc))
  const officersOf = new Map<string, string[]>()
  for (const r of db.raw.prepare(`SELECT id, doc ->> '$.deptId' AS dept FROM c_officers ORDER BY id`).all() as Array<{ id: string; dept: string }>) {
    officersOf.set(r.dept, [...(officersOf.get(r.dept) ?? []), r.id])
  }
  const inPark = new Map<string, boolean>()
  const monitoring = new Map<string, boolean>()
  for (const r of db.raw.prepare(`SELECT id, doc ->> '$.inPark' AS p, doc ->> '$.monitoringPoint' AS m FROM c_companies`).all() as Array<{
    id: string
    p: number
    m: number
  }>) {
    inPark.set(r.id, !!r.p)
    monitoring.set(r.id, !!r.m)
  }
  return { depts, officersOf, inPark, monitoring }
}

const silentLog = { info: () => {}, error: (e: string, f?: Record<string, unknown>) => console.error('  handler error', e, JSON.stringify(f).slice(0, 300)) }
const platformFor = (db: CountingDatabase | EmulatorDatabase, openid: string, now: number): Platform =>
  inProcessPlatform({ db, openid, now, keys: BENCH_KEYS, log: silentLog })

const CATEGORIES = ['emergency', 'mandated_campaign', 'hazard_followup', 'high_risk', 'complaint_case', 'tax', 'other']
const CASES = ['complaint', 'referral', 'monitoring', 'enterprise_request'] as const

/** A realistic check-in: park companies (quiet period) name a special case; others a plan (mostly by id) or a case source. */
function checkInEvent(roster: Roster, deptId: string, companyId: string, k: number, requestId: string, planCovers: boolean) {
  const location = { lat: 25.83, lng: 114.93, accuracy: 30 }
  const base = { action: 'checkIn', scene: gateScene(companyId), clientRequestId: requestId, location }
  if (roster.inPark.get(companyId)) {
    const category = CATEGORIES[k % CATEGORIES.length]
    return {
      ...base,
      source: k % 2 ? 'plan' : CASES[k % 4],
      ...(k % 2 ? {} : { sourceRef: `BENCH-${k}` }),
      exception: { category, ...(category === 'other' ? { reason: '企业申请现场核查设备改造进度情况' } : {}) },
    }
  }
  const r = k % 10
  if (planCovers && r < 6) return { ...base, source: 'plan', planId: `plan_${deptId.slice(5)}_${BENCH_MONTH.replace('-', '')}` }
  if (planCovers && r < 7) return { ...base, source: 'plan' }
  return { ...base, source: CASES[k % 4], sourceRef: `BENCH-${k}` }
}

interface CheckinResult {
  size: string
  inspections: number
  pairs: number
  all: ReturnType<typeof stats>
  newCheckIns: ReturnType<typeof stats>
  joins: ReturnType<typeof stats>
  outcomes: Record<string, number>
  dbCalls: { newMax: number; newMean: number; joinMax: number; joinMean: number; max: number; transactions: number; histogram: Record<string, number> }
  /** The calls of the heaviest new check-in, one by one. */
  heaviest: DbCall[]
  split: { readsMs: ReturnType<typeof stats>; transactionMs: ReturnType<typeof stats> }
  /** Emulator time per kind of call of a new check-in. */
  perCallMs: Record<string, ReturnType<typeof stats>>
  fullScans: Record<string, number>
  dashboard: ReturnType<typeof stats> & { dbCalls: number }
  alerts: ReturnType<typeof stats> & { dbCalls: number }
  copySeconds: number
  /** WAL checkpoints during the size's run (the checkpointer thread's figures in 'background'). */
  checkpoints: Record<string, unknown>
}

/**
 * Reads the copied file once so it sits in the OS page cache: the figures are then those of
 * a database whose working set is in memory (as a database server's is), not of the first
 * touch of a cold 4 GB file.
 */
function warmPageCache(file: string): void {
  const fd = openSync(file, 'r')
  const buf = Buffer.allocUnsafe(16 << 20)
  try {
    while (readSync(fd, buf, 0, buf.length, null) > 0);
  } finally {
    closeSync(fd)
  }
}

async function benchSize(size: string): Promise<CheckinResult> {
  const src = dataPath(size)
  const copy = path.join(ROOT, 'bench', '.data', `run-${size}.db`)
  const t0 = performance.now()
  for (const f of [copy, copy + '-wal', copy + '-shm']) rmSync(f, { force: true })
  copyFileSync(src, copy)
  warmPageCache(copy)
  const copySeconds = (performance.now() - t0) / 1000
  const fullScans: Record<string, number> = {}
  // The emulator's own opening; the diagnostics (--no-autocheckpoint, --inline-checkpoints) show what the checkpoints cost.
  const checkpoints = flag('no-autocheckpoint') ? 'off' : flag('inline-checkpoints') ? 'inline' : 'background'
  const raw = openDatabase(copy, { onFullScan: (c) => void (fullScans[c] = (fullScans[c] ?? 0) + 1), checkpoints })
  const db = countingDatabase(raw)
  const roster = loadRoster(raw)
  clearSettingsCache()

  const newT: number[] = []
  const joinT: number[] = []
  const newCalls: number[] = []
  /** Per new check-in: ms before the transaction (reads) and ms in runTransaction (ops + commit). */
  const readsMs: number[] = []
  const perCall = new Map<string, number[]>()
  const txMs: number[] = []
  const joinCalls: number[] = []
  const outcomes: Record<string, number> = {}
  let heaviest: DbCall[] = []
  let transactions = 0
  const D = roster.depts.length
  const warmup = Math.min(30, PAIRS)
  for (let k = 0; k < PAIRS + warmup; k++) {
    const dept = roster.depts[k % D]
    const planned = benchCompanyIds(dept.region)
    const companyId = planned[Math.floor(k / D) % planned.length]
    const team = roster.officersOf.get(dept._id)!
    const a = team[(k * 3) % team.length]
    const b = team[(k * 3 + 1) % team.length]
    const now = BENCH_NOW + k * 1000
    for (const [who, joining] of [
      [a, false],
      [b, true],
    ] as const) {
      const event = checkInEvent(roster, dept._id, companyId, k, `bench-${size}-${k}-${who}`, true)
      db.reset()
      const s = performance.now()
      const res = await dispatch('inspection', registry.inspection as never, event, platformFor(db, officerOpenid(who), now))
      const ms = performance.now() - s
      const key = res.ok ? (joining ? ((res.data as { joined: boolean }).joined ? 'joined' : 'new(second)') : 'new') : `error:${res.error.code}`
      if (k < warmup) continue
      outcomes[key] = (outcomes[key] ?? 0) + 1
      const n = db.count()
      transactions += db.calls.filter((c) => c.kind === 'txn').length
      if (joining) {
        joinT.push(ms)
        joinCalls.push(n)
      } else {
        newT.push(ms)
        newCalls.push(n)
        const txn = db.calls.find((c) => c.kind === 'txn')
        readsMs.push(db.calls.filter((c) => c.kind === 'db' && (!txn || db.calls.indexOf(c) < db.calls.indexOf(txn))).reduce((t, c) => t + (c.ms ?? 0), 0))
        if (txn?.ms !== undefined) txMs.push(txn.ms)
        for (const c of db.calls)
          if (c.ms !== undefined) perCall.set(`${c.kind} ${c.collection} ${c.op}`, [...(perCall.get(`${c.kind} ${c.collection} ${c.op}`) ?? []), c.ms])
        if (res.ok && n > heaviest.filter((c) => c.kind !== 'txn').length) heaviest = [...db.calls]
      }
    }
  }
  const mean = (v: number[]) => round(v.reduce((s, x) => s + x, 0) / Math.max(1, v.length), 2)

  const readBench = async (fn: FnName, event: Record<string, unknown>) => {
    const t: number[] = []
    let calls = 0
    for (let i = 0; i < READ_ITERATIONS + 3; i++) {
      db.reset()
      const s = performance.now()
      const res = await dispatch(fn, registry[fn] as never, event, platformFor(db, 'bench-supervisor', BENCH_NOW + 3_600_000))
      const ms = performance.now() - s
      if (!res.ok) throw new Error(`${fn}.${event.action}: ${res.error.code} ${res.error.message}`)
      if (i >= 3) t.push(ms)
      calls = db.count()
    }
    return { ...stats(t), dbCalls: calls }
  }
  const dashboard = await readBench('supervision', { action: 'dashboard', month: DASHBOARD_MONTH })
  const alerts = await readBench('supervision', { action: 'alerts' })
  const checkpointStats = { mode: checkpoints, ...raw.checkpointStats() }
  raw.close()
  for (const f of [copy, copy + '-wal', copy + '-shm']) rmSync(f, { force: true })
  return {
    size,
    inspections: SIZES[size],
    pairs: PAIRS,
    all: stats([...newT, ...joinT]),
    newCheckIns: stats(newT),
    joins: stats(joinT),
    outcomes,
    dbCalls: {
      newMax: Math.max(...newCalls),
      newMean: mean(newCalls),
      joinMax: Math.max(...joinCalls),
      joinMean: mean(joinCalls),
      max: Math.max(...newCalls, ...joinCalls),
      transactions: round(transactions / (newT.length + joinT.length), 2),
      histogram: histogramOf([...newCalls, ...joinCalls]),
    },
    heaviest,
    split: { readsMs: stats(readsMs), transactionMs: stats(txMs) },
    perCallMs: Object.fromEntries([...perCall].map(([k, v]) => [k, stats(v)])),
    fullScans,
    dashboard,
    alerts,
    copySeconds: round(copySeconds, 1),
    checkpoints: checkpointStats,
  }
}

// ---- HTTP: the emulator beside a bare Node server ----------------------------------------

async function autocannonRun(opts: Record<string, unknown>): Promise<{ rps: number; total: number; errors: number; non2xx: number; p95: number }> {
  const autocannon = require('autocannon') as (o: Record<string, unknown>) => Promise<any>
  const r = await autocannon({ connections: HTTP_CONNECTIONS, duration: HTTP_SECONDS, maxOverallRequests: 100_000, ...opts })
  return { rps: round(r.requests.average, 1), total: r.requests.total, errors: r.errors, non2xx: r.non2xx, p95: r.latency.p97_5 ?? r.latency.p99 }
}

async function benchHttp(size: string) {
  const copy = path.join(ROOT, 'bench', '.data', `http-${size}.db`)
  for (const f of [copy, copy + '-wal', copy + '-shm']) rmSync(f, { force: true })
  copyFileSync(dataPath(size), copy)
  warmPageCache(copy)
  const storageDir = path.join(os.tmpdir(), `inspectpass-bench-${process.pid}`)
  const emu = await createEmulator({
    db: copy,
    seed: 'none',
    clock: new Date(BENCH_NOW).toISOString(),
    dev: false,
    env: {},
    storageDir,
    logErrors: false,
    keys: BENCH_KEYS,
  })
  const roster = loadRoster(emu.db)
  const secret = emu.keys.signing
  const before = (emu.db.raw.prepare(`SELECT count(*) AS n FROM c_inspections`).get() as { n: number }).n
  await emu.app.listen({ port: 0, host: '127.0.0.1' })
  const emuPort = (emu.app.server.address() as { port: number }).port
  const bare = http.createServer((req, res) => {
    req.resume()
    req.on('end', () => {
      res.setHeader('content-type', 'application/json')
      res.end('{"ok":true,"data":{}}')
    })
  })
  await new Promise<void>((r) => bare.listen(0, '127.0.0.1', () => r()))
  const barePort = (bare.address() as { port: number }).port

  let k = 0
  const D = roster.depts.length
  const setupRequest = (req: Record<string, unknown>) => {
    const i = k++
    const dept = roster.depts[i % D]
    const team = roster.officersOf.get(dept._id)!
    const officer = team[Math.floor(i / D) % team.length]
    const companyId = `co_${String(((i * 7919) % COMPANIES) + 1).padStart(6, '0')}`
    const event = checkInEvent(roster, dept._id, companyId, i, `http-${i}`, false)
    return {
      ...req,
      body: JSON.stringify(event),
      headers: { 'content-type': 'application/json', authorization: `Bearer ${issueToken(officerOpenid(officer), secret)}` },
    }
  }
  const bodyExample = JSON.stringify(checkInEvent(roster, roster.depts[0]._id, 'co_000001', 0, 'x', false))
  const bareRun = await autocannonRun({
    url: `http://127.0.0.1:${barePort}`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: bodyExample,
  })
  const emuRun = await autocannonRun({ url: `http://127.0.0.1:${emuPort}`, requests: [{ method: 'POST', path: '/api/fn/inspection', setupRequest }] })
  // The emulator's own per-request cost: a read-only call (whoami: the caller's user doc).
  const whoamiToken = issueToken(officerOpenid(roster.officersOf.get(roster.depts[0]._id)![0]), secret)
  const whoami = await autocannonRun({
    url: `http://127.0.0.1:${emuPort}/api/fn/account`,
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${whoamiToken}` },
    body: JSON.stringify({ action: 'whoami' }),
  })
  const after = (emu.db.raw.prepare(`SELECT count(*) AS n FROM c_inspections`).get() as { n: number }).n
  await emu.close()
  await new Promise<void>((r) => bare.close(() => r()))
  for (const f of [copy, copy + '-wal', copy + '-shm']) rmSync(f, { force: true })
  rmSync(storageDir, { recursive: true, force: true })
  return {
    size,
    connections: HTTP_CONNECTIONS,
    seconds: HTTP_SECONDS,
    bare: bareRun,
    emulator: { ...emuRun, inspectionsWritten: after - before },
    whoami,
    ratio: round(emuRun.rps / bareRun.rps, 3),
    whoamiRatio: round(whoami.rps / bareRun.rps, 3),
  }
}

// ---- sizes and cold require -----------------------------------------------------------------

function buildsAndSizes() {
  log('building functions …')
  execFileSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'inherit' })
  if (!existsSync(path.join(ROOT, 'dist', 'weapp', 'app.json')) || flag('rebuild-weapp')) {
    log('building weapp (flock /tmp/taro-weapp.lock) …')
    execFileSync('flock', ['/tmp/taro-weapp.lock', 'npm', 'run', '--silent', 'build:weapp'], { cwd: ROOT, stdio: 'inherit' })
  }
  const s = measureSizes()
  const cold: Record<string, { medianMs: number; runs: number[] }> = {}
  for (const fn of FUNCTIONS) {
    const file = path.join(ROOT, 'cloudfunctions', fn, 'index.js')
    const script = `
      const Module = require('module')
      const stub = new Proxy(function () {}, { get: (t, k) => (k === 'DYNAMIC_CURRENT_ENV' ? 'env' : k === '__esModule' ? false : stub), apply: () => stub })
      const load = Module._load
      Module._load = function (request, ...rest) { return request === 'wx-server-sdk' ? stub : load.call(this, request, ...rest) }
      const t = process.hrtime.bigint()
      const m = require(${JSON.stringify(file)})
      const ms = Number(process.hrtime.bigint() - t) / 1e6
      if (typeof m.main !== 'function') throw new Error('no main')
      process.stdout.write(String(ms))`
    const runs: number[] = []
    for (let i = 0; i < 5; i++) {
      const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' })
      if (r.status !== 0) throw new Error(`cold require of ${fn} failed: ${r.stderr}`)
      runs.push(round(Number(r.stdout), 1))
    }
    cold[fn] = { medianMs: pct(runs, 50), runs }
  }
  return {
    mainPackageKB: round(s.mainPackage / 1024, 1),
    subpackagesKB: Object.fromEntries(Object.entries(s.subpackages).map(([k, v]) => [k, round(v / 1024, 1)])),
    functionsKB: Object.fromEntries(Object.entries(s.functions).map(([k, v]) => [k, round(v / 1024, 1)])),
    cold,
    budgetsKB: { main: BUDGETS.weappMainPackage / 1024, sub: BUDGETS.weappSubpackage / 1024, fn: BUDGETS.functionBundle / 1024 },
  }
}

// ---- contention (the local cloud, the real SDK) -------------------------------------------------

/** Instances of the inspection function, and the simulated round trip per database call (ms). */
const CONTENTION_RUNS = [
  { instances: 8, roundTripMs: 0 },
  { instances: 8, roundTripMs: 20 },
]

/** 40 check-ins at 40 companies of one county and 6 at one gate, through 8 instances (bench/contention.ts). */
async function benchContention(): Promise<Array<ContentionReport & { loadavg: number[] }>> {
  log('check-ins under contention: building functions …')
  execFileSync('npm', ['run', '--silent', 'build:functions'], { cwd: ROOT, stdio: 'inherit' })
  const { CLOUD_FUNCTION_ENV } = await import('../tests/helpers/cloud')
  const reports: Array<ContentionReport & { loadavg: number[] }> = []
  for (const run of CONTENTION_RUNS) {
    const r = await runContention({ ...run, env: CLOUD_FUNCTION_ENV })
    // The figures are CPU-bound (every instance is a process on this machine): keep the load beside them.
    const loadavg = os.loadavg().map((x) => round(x, 2))
    log(`  contention: ${contentionLine(r)} · load ${loadavg.join(' ')}`)
    reports.push({ ...r, loadavg })
  }
  return reports
}

const contentionSummary = (runs: ContentionReport[]) =>
  runs
    .map(
      (r) =>
        `contention ${r.instances}×${r.roundTripMs ? `+${r.roundTripMs}ms` : ''} ${r.rush.checkInsPerSecond}/s p95 ${r.rush.latencyMs.p95} ms, INTERNAL ${r.rush.internal + r.gate.internal}, conflicts ${r.wire.conflicts}`,
    )
    .join(' | ')

/** `--contention-only`: the contention runs alone, merged into an existing results.json. */
async function contentionOnly() {
  const contention = await benchContention()
  const file = path.join(ROOT, 'bench', 'results.json')
  const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  writeFileSync(file, JSON.stringify({ ...previous, contention, contentionAt: new Date().toISOString() }, null, 2) + '\n')
  console.log(`bench: ${contentionSummary(contention)}`)
}

// ---- main -------------------------------------------------------------------------------------

async function main() {
  if (flag('contention-only')) return contentionOnly()
  const started = performance.now()
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    memGiB: round(os.totalmem() / 2 ** 30, 1),
    loadavgAtStart: os.loadavg().map((x) => round(x, 2)),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  }
  log(
    `bench ${QUICK ? '--quick ' : ''}sizes ${SIZE_LIST.join(', ')}, ${PAIRS} check-in pairs per size · ${machine.cpus} cores, load ${machine.loadavgAtStart.join(' ')}`,
  )
  mkdirSync(path.join(ROOT, 'bench', '.data'), { recursive: true })
  const generation: Record<string, { seconds: number; reused: boolean }> = {}
  for (const size of SIZE_LIST) {
    const g = await generate(size, (m) => log(`  [gen ${size}] ${m}`))
    generation[size] = { seconds: round(g.seconds, 1), reused: g.reused }
  }
  const sizes: CheckinResult[] = []
  for (const size of SIZE_LIST) {
    log(`check-in / dashboard / alerts at ${size} …`)
    const r = await benchSize(size)
    sizes.push(r)
    log(
      `  check-in p50 ${r.all.p50} p95 ${r.all.p95} p99 ${r.all.p99} ms (new: reads p95 ${r.split.readsMs.p95}, transaction p95 ${r.split.transactionMs.p95}) · db calls new ≤${r.dbCalls.newMax} (mean ${r.dbCalls.newMean}) join ≤${r.dbCalls.joinMax}, all check-ins ${JSON.stringify(r.dbCalls.histogram)} · dashboard p95 ${r.dashboard.p95} ms · alerts p95 ${r.alerts.p95} ms · ${JSON.stringify(r.outcomes)} · full scans ${JSON.stringify(r.fullScans)}`,
    )
  }
  const httpSize = SIZE_LIST.includes('100k') ? '100k' : SIZE_LIST[0]
  const httpResult = flag('skip-http') ? null : await benchHttp(httpSize)
  if (httpResult)
    log(
      `  http: emulator check-ins ${httpResult.emulator.rps}/s (${httpResult.emulator.inspectionsWritten} written) vs bare ${httpResult.bare.rps} req/s → ${httpResult.ratio}; emulator whoami ${httpResult.whoami.rps}/s → ${httpResult.whoamiRatio}`,
    )
  const build = flag('skip-sizes') ? null : buildsAndSizes()
  const contention = flag('skip-contention') ? null : await benchContention()

  const first = sizes[0]
  const last = sizes[sizes.length - 1]
  const growth = round(last.all.p95 / first.all.p95, 2)
  const dbMax = Math.max(...sizes.map((s) => s.dbCalls.max))
  const withinCalls = shareAtMost(
    sizes.map((s) => s.dbCalls.histogram),
    TARGETS.dbCalls,
  )
  const result = {
    at: new Date().toISOString(),
    mode: QUICK ? 'quick' : 'full',
    machine: { ...machine, loadavgAtEnd: os.loadavg().map((x) => round(x, 2)) },
    targets: TARGETS,
    generation,
    sizes,
    http: httpResult,
    build,
    contention,
    seconds: round((performance.now() - started) / 1000, 1),
  }
  writeFileSync(path.join(ROOT, 'bench', 'results.json'), JSON.stringify(result, null, 2) + '\n')
  const ok = (b: boolean) => (b ? '✓' : '✗')
  const fnMax = build ? Math.max(...Object.values(build.functionsKB)) : NaN
  const coldMax = build ? Math.max(...Object.values(build.cold).map((c) => c.medianMs)) : NaN
  const subMax = build ? Math.max(...Object.values(build.subpackagesKB)) : NaN
  console.log(
    `bench: checkin p95 ${last.size}=${last.all.p95} ms (≤${TARGETS.checkinP95Ms} ${ok(last.all.p95 <= TARGETS.checkinP95Ms)}) ratio ${last.size}/${first.size} ${growth} (≤${TARGETS.growth} ${ok(growth <= TARGETS.growth)})` +
      ` | db calls max ${dbMax}, ≤${TARGETS.dbCalls} in ${withinCalls}% (≤${TARGETS.dbCalls} ${ok(dbMax <= TARGETS.dbCalls)})` +
      ` | dashboard ${last.size} p95 ${last.dashboard.p95} ms (≤${TARGETS.dashboardMs} ${ok(last.dashboard.p95 <= TARGETS.dashboardMs)}) alerts ${last.alerts.p95} ms` +
      (httpResult ? ` | http ratio ${httpResult.ratio} (≥${TARGETS.httpRatio} ${ok(httpResult.ratio >= TARGETS.httpRatio)})` : '') +
      (contention ? ` | ${contentionSummary(contention)}` : '') +
      (build
        ? ` | main ${build.mainPackageKB} KB (${ok(build.mainPackageKB <= TARGETS.mainKB)}) sub max ${subMax} KB (${ok(subMax <= TARGETS.subKB)}) | fn max ${fnMax} KB (${ok(fnMax <= TARGETS.fnKB)}), cold ${coldMax} ms (${ok(coldMax <= TARGETS.coldMs)})`
        : '') +
      ` | ${result.seconds} s`,
  )
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

/** How many check-ins made each number of database calls: { "6": 1700, "7": 280, … }. */
function histogramOf(counts: number[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const n of [...counts].sort((a, b) => a - b)) out[n] = (out[n] ?? 0) + 1
  return out
}

/** The share (%, one decimal) of all check-ins across the sizes that made at most `limit` calls. */
function shareAtMost(histograms: Array<Record<string, number>>, limit: number): number {
  let within = 0
  let all = 0
  for (const h of histograms) {
    for (const [n, count] of Object.entries(h)) {
      all += count
      if (Number(n) <= limit) within += count
    }
  }
  return all ? Math.round((1000 * within) / all) / 10 : 0
}
