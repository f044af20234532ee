/**
 * City-scale history for the benchmark, written straight into the emulator's SQLite file
 * with `bulkInsert` (running 1M check-ins through the handlers would take hours). Records
 * have exactly the shapes the handlers write (the store/domain record types), and the
 * counters (one document per region and month), the companies' gate state and the
 * officers' snapshots on their users are computed while generating, so they equal what
 * those writes would produce by the bench clock.
 *
 * Companies are fixed at 100,000 for every size (the city does not shrink when the
 * history is shorter); inspections scale: 10k / 100k / 1M over the two years before the
 * bench clock. Deterministic (seeded PRNG). Output: bench/.data/<size>-v<GEN_VERSION>.db.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { defaultSettings } from '@contract'
import { openDatabase, type EmulatorDatabase } from '../emulator/db'
import { createPrng } from '../emulator/seed/prng'
import { BRAND_WORDS, CITY_DEPARTMENTS, GANZHOU_COUNTIES, GANZHOU_PARKS, GIVEN_NAMES, ROADS, SURNAMES, TOWN_INDUSTRIES } from '../emulator/seed/ganzhou'
import { makeUsccFromParts, USCC_CHARSET } from '../server/domain/uscc'
import { userIdFor, sha256 } from '../server/platform/ids'
import { cityOf } from '../server/domain/scope'
import { visitParties } from '../server/domain/visit-parties'
import { presence } from '../server/domain/geofence'
import { entryHash, GENESIS_HASH } from '../server/domain/hash-chain'
import { ownerKeyFor, raterKeyFor } from '../server/domain/pseudonyms'
import { complaintDueAt } from '../server/domain/complaints'
import { ratingFollowUpDueAt } from '../server/domain/ratings'
import { alertIdFor, type AlertRecord } from '../server/store/alerts'
import type { CounterFigures } from '../server/store/counters'
import { isCountedAlert, newOpenNowDoc, OPEN_NOW, type OpenNowRecord } from '../server/store/open-now'
import { zeroFigures } from '../server/domain/dept-figures'
import { chinaDate, chinaYear } from '../server/domain/china-time'
import type { CompanyGate, GateCheckIn, GateOpen, GatePlan } from '../server/domain/gate'
import { ledgerEntryId, type LedgerEntryRecord } from '../server/store/ledger'
import type { RatingRecord } from '../server/store/ratings'
import type { ComplaintRecord } from '../server/store/complaints'
import type { InspectionRecord, PlanRecord } from '../server/domain/inspection-records'
import type { CompanyRecord, DepartmentRecord, OfficerRecord } from '../server/domain/records'
import type { OfficerSnapshot, UserRecord } from '../server/platform/context'
import type { DocData } from '../server/platform/db'

/** Bump when the shape or the proportions change: old files are then regenerated. */
export const GEN_VERSION = 3
export const COMPANIES = 100_000
export const OFFICERS_PER_DEPT = 20
export const BENCH_SECRET = 'b'.repeat(64)
/** The benchmark database's keys (the emulator is given them instead of a keys file). */
export const BENCH_KEYS = { signing: BENCH_SECRET, sealing: BENCH_SECRET }
/** The bench clock: 2026-11-10 10:00 China time (inside the quiet period: park companies need a special case). */
export const BENCH_NOW = Date.parse('2026-11-10T10:00:00+08:00')
export const BENCH_MONTH = '2026-11'
const DAY = 86_400_000
const HOUR = 3_600_000
const TZ_OFFSET = 8 * HOUR
const SPAN = 730 * DAY
const HISTORY_END = BENCH_NOW - DAY

export const SIZES: Record<string, number> = { '10k': 10_000, '100k': 100_000, '1M': 1_000_000 }

export const dataPath = (size: string): string => join(__dirname, '.data', `${size}-v${GEN_VERSION}.db`)
/** Openid of a generated officer's bound WeChat account. */
export const officerOpenid = (officerId: string): string => `bench-${officerId}`

const COUNTY_FIELDS = [
  ['amr', '市场监督管理局', '市场监管'],
  ['em', '应急管理局', '应急管理'],
  ['eco', '生态环境分局', '生态环境'],
  ['fire', '消防救援大队', '消防'],
  ['tax', '税务局', '税务'],
  ['urban', '城市管理局', '城市管理'],
  ['health', '卫生健康委员会', '卫生健康'],
  ['build', '住房和城乡建设局', '住房城乡建设'],
] as const

const chinaDateOf = (ms: number): string => new Date(ms + TZ_OFFSET).toISOString().slice(0, 10)
const chinaMonthOf = (ms: number): string => chinaDateOf(ms).slice(0, 7)
const chinaDayOf = (ms: number): number => Number(chinaDateOf(ms).slice(8, 10))

/** `counters/<region>_<YYYY-MM>`: the figures of every department of a region in a month. */
interface RegionCounterRecord {
  _id: string
  /** The departments' region. */
  region: string
  city: string
  month: string
  depts: Record<string, CounterFigures>
}

export interface GenerateResult {
  path: string
  size: string
  inspections: number
  seconds: number
  counts: Record<string, number>
  reused: boolean
}

/** Generates (or reuses) the database for `size`. */
export async function generate(size: string, log: (msg: string) => void = () => {}): Promise<GenerateResult> {
  const n = SIZES[size]
  if (!n) throw new Error(`unknown size ${size} (one of ${Object.keys(SIZES).join(', ')})`)
  const path = dataPath(size)
  if (existsSync(path)) return { path, size, inspections: n, seconds: 0, counts: {}, reused: true }
  mkdirSync(join(__dirname, '.data'), { recursive: true })
  const tmp = path + '.tmp'
  for (const f of [tmp, tmp + '-wal', tmp + '-shm']) rmSync(f, { force: true })
  const t0 = performance.now()
  const db = openDatabase(tmp)
  db.raw.pragma('synchronous = OFF')
  const counts = await fill(db, n, log)
  db.raw.pragma('wal_checkpoint(TRUNCATE)')
  db.raw.exec('ANALYZE')
  db.close()
  renameSync(tmp, path)
  for (const f of [tmp + '-wal', tmp + '-shm']) rmSync(f, { force: true })
  const seconds = (performance.now() - t0) / 1000
  log(`generated ${size} in ${seconds.toFixed(1)} s`)
  return { path, size, inspections: n, seconds, counts, reused: false }
}

class Writer {
  readonly counts: Record<string, number> = {}
  private readonly buffers = new Map<string, DocData[]>()
  constructor(private readonly db: EmulatorDatabase) {}
  async put(collection: string, doc: DocData): Promise<void> {
    let b = this.buffers.get(collection)
    if (!b) this.buffers.set(collection, (b = []))
    b.push(doc)
    if (b.length >= 5000) await this.flush(collection)
  }
  async flush(collection?: string): Promise<void> {
    for (const [name, b] of this.buffers) {
      if (collection && name !== collection) continue
      if (b.length === 0) continue
      await this.db.bulkInsert(name, b.splice(0))
      this.counts[name] = (this.counts[name] ?? 0) + 0
    }
  }
  count(collection: string, by = 1): void {
    this.counts[collection] = (this.counts[collection] ?? 0) + by
  }
}

async function fill(db: EmulatorDatabase, n: number, log: (msg: string) => void): Promise<Record<string, number>> {
  const settings = defaultSettings()
  const rng = createPrng(7_2023 + n)
  const w = new Writer(db)
  const put = async (collection: string, rec: { _id: string }) => {
    w.count(collection)
    await w.put(collection, rec as unknown as DocData)
  }
  const created = HISTORY_END - SPAN - 30 * DAY

  // ---- roster ----
  const departments: DepartmentRecord[] = CITY_DEPARTMENTS.map((d) => ({
    _id: `dept_3607_${d.key}`,
    name: d.name,
    region: '3607',
    city: '3607',
    field: d.field,
    createdAt: created,
    updatedAt: created,
  }))
  for (const county of GANZHOU_COUNTIES) {
    for (const [key, suffix, field] of COUNTY_FIELDS) {
      departments.push({
        _id: `dept_${county.code}_${key}`,
        name: `${county.name}${suffix}`,
        region: county.code,
        city: '3607',
        field,
        createdAt: created,
        updatedAt: created,
      })
    }
  }
  for (const d of departments) await put('departments', d)
  const deptsOfRegion = new Map<string, DepartmentRecord[]>()
  for (const d of departments) deptsOfRegion.set(d.region, [...(deptsOfRegion.get(d.region) ?? []), d])

  const officers: OfficerRecord[] = []
  const officersOfDept = new Map<string, OfficerRecord[]>()
  for (const d of departments) {
    const list: OfficerRecord[] = []
    for (let i = 0; i < OFFICERS_PER_DEPT; i++) {
      const id = `off_${String(officers.length + 1).padStart(5, '0')}`
      const o: OfficerRecord = {
        _id: id,
        deptId: d._id,
        name: rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES),
        certNo: `${d.region.padEnd(6, '0')}${String(officers.length + 1).padStart(5, '0')}`,
        certExpiresAt: BENCH_NOW + rng.int(200, 1500) * DAY,
        certStatus: 'valid',
        userId: userIdFor(officerOpenid(id)),
        createdAt: created,
        updatedAt: created,
      }
      officers.push(o)
      list.push(o)
      const officer: OfficerSnapshot = {
        officerId: id,
        name: o.name,
        certNo: o.certNo,
        certStatus: o.certStatus,
        certExpiresAt: o.certExpiresAt,
        deptId: d._id,
        deptName: d.name,
        deptRegion: d.region,
      }
      const user: UserRecord = {
        _id: o.userId!,
        openid: officerOpenid(id),
        roles: ['officer'],
        name: o.name,
        deptId: d._id,
        region: d.region,
        officerId: id,
        officer,
        createdAt: created,
        updatedAt: created,
      }
      await put('users', user)
      await put('officers', o)
    }
    officersOfDept.set(d._id, list)
  }
  // A city supervisor for the dashboard and alerts.
  await put('users', {
    _id: userIdFor('bench-supervisor'),
    openid: 'bench-supervisor',
    roles: ['supervisor'],
    name: '市司法局监督员',
    region: '3607',
    createdAt: created,
    updatedAt: created,
  } as UserRecord)

  const totalWeight = GANZHOU_COUNTIES.reduce((s, c) => s + c.companies, 0)
  const companies: CompanyRecord[] = []
  const usccs = new Set<string>()
  for (const county of GANZHOU_COUNTIES) {
    const share = Math.round((COMPANIES * county.companies) / totalWeight)
    const parks = GANZHOU_PARKS.filter((p) => p.county === county.code)
    for (let i = 0; i < share && companies.length < COMPANIES; i++) {
      const park = parks.length > 0 && rng.chance(0.4 * (GANZHOU_COUNTIES.length / 14)) ? rng.pick(parks) : null
      const id = `co_${String(companies.length + 1).padStart(6, '0')}`
      let uscc: string
      do {
        const orgBody = 'MA' + Array.from({ length: 6 }, () => rng.pick(USCC_CHARSET.split(''))).join('')
        uscc = makeUsccFromParts({ authorityAndType: '91', division: county.code, orgBody })
      } while (usccs.has(uscc))
      usccs.add(uscc)
      const centre = park ? { lat: county.seat.lat + park.offset.lat, lng: county.seat.lng + park.offset.lng } : county.seat
      const spread = park ? 0.008 : 0.025
      const industry = park ? rng.pick(park.industries) : rng.pick(TOWN_INDUSTRIES)
      companies.push({
        _id: id,
        uscc,
        name: `${county.name}${rng.pick(BRAND_WORDS)}${industry}有限公司${id.slice(3)}`,
        region: county.code,
        city: '3607',
        address: `江西省赣州市${county.name}${park ? park.name : ''}${rng.pick(ROADS)}${rng.int(1, 599)}号`,
        location: { lat: round6(centre.lat + (rng.next() - 0.5) * spread), lng: round6(centre.lng + (rng.next() - 0.5) * spread) },
        inPark: park !== null,
        ...(park ? { parkName: park.name } : {}),
        scale: rng.pick(['large', 'medium', 'small', 'small', 'micro', 'micro'] as const),
        monitoringPoint: rng.chance(0.05),
        createdAt: created,
        updatedAt: created,
      })
    }
  }
  while (companies.length < COMPANIES)
    companies.push({ ...companies[companies.length % 1000], _id: `co_${String(companies.length + 1).padStart(6, '0')}`, uscc: '' })
  for (const c of companies) {
    if (!c.uscc) {
      let uscc: string
      do
        uscc = makeUsccFromParts({
          authorityAndType: '91',
          division: c.region,
          orgBody: 'MB' + Array.from({ length: 6 }, () => rng.pick(USCC_CHARSET.split(''))).join(''),
        })
      while (usccs.has(uscc))
      usccs.add(uscc)
      c.uscc = uscc
    }
  }
  // Companies are written after the history, with their gate state.
  await w.flush()
  log(`roster: ${departments.length} departments, ${officers.length} officers, ${companies.length} companies`)

  // ---- history ----
  const counters = new Map<string, RegionCounterRecord>()
  /** The figures of (dept, month), inside the document of the company's region (where it happened) and that month. */
  const counter = (dept: DepartmentRecord, region: string, month: string): CounterFigures => {
    const id = `${region}_${month}`
    let c = counters.get(id)
    if (!c) counters.set(id, (c = { _id: id, region, city: cityOf(region), month, depts: {} }))
    return (c.depts[dept._id] ??= zeroFigures())
  }
  const plans = new Map<string, PlanRecord & { set: Set<string> }>()
  const planFor = (dept: DepartmentRecord, month: string): PlanRecord & { set: Set<string> } => {
    const id = `plan_${dept._id.slice(5)}_${month.replace('-', '')}`
    let p = plans.get(id)
    if (!p) {
      const start = Date.parse(`${month}-01T09:00:00+08:00`) - 10 * DAY
      const last = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate()
      const campaign = rng.chance(0.2)
      p = {
        _id: id,
        deptId: dept._id,
        region: dept.region,
        city: cityOf(dept.region),
        title: `${dept.name}${month}${campaign ? '专项整治' : '日常监督检查'}计划`,
        kind: campaign ? 'campaign' : 'routine',
        items: ['证照公示', '安全生产台账', '现场管理'],
        basis: '年度行政执法检查计划',
        companyIds: [],
        from: `${month}-01`,
        to: `${month}-${String(last).padStart(2, '0')}`,
        status: 'approved',
        submittedBy: userIdFor('bench-deptadmin-' + dept._id),
        submittedAt: start,
        review: { by: userIdFor('bench-supervisor'), at: start + DAY, decision: 'approve', comment: '同意' },
        set: new Set(),
      }
      plans.set(id, p)
    }
    return p
  }
  const recentOfCompany = new Map<string, number[]>()
  /** Counted planned check-ins per `<deptId>_<companyId>_<year>` (the generator's own cap). */
  const capUsed = new Map<string, number>()
  const ledgerHeads = new Map<string, { seq: number; hash: string }>()
  // The gate state as it stands at the bench clock (server/domain/gate.ts), built while generating.
  const nowDate = chinaDate(BENCH_NOW, settings.timezone)
  const nowYear = chinaYear(BENCH_NOW, settings.timezone)
  const recentSince = BENCH_NOW - settings.repeated.windowDays * DAY
  const openSince = BENCH_NOW - settings.team.joinWindowMinutes * 60_000
  const gateRecent = new Map<string, GateCheckIn[]>()
  const gateOpen = new Map<string, Record<string, GateOpen>>()
  const gateCaps = new Map<string, Record<string, number>>()
  const alerts: AlertRecord[] = []
  const categories = settings.quietPeriod.categories
  const raise = (a: Omit<AlertRecord, 'city' | 'resolved'>, resolvedAfter: number | null) => {
    const rec: AlertRecord & { resolvedAt?: number; resolvedBy?: string } = { ...a, city: cityOf(a.region), resolved: false }
    if (resolvedAfter !== null && resolvedAfter < BENCH_NOW)
      Object.assign(rec, { resolved: true, resolvedAt: resolvedAfter, resolvedBy: userIdFor('bench-supervisor') })
    alerts.push(rec)
  }
  const appendLedger = async (
    company: CompanyRecord,
    at: number,
    fields: Omit<LedgerEntryRecord, '_id' | 'seq' | 'createdAt' | 'prevHash' | 'hash' | 'companyId'>,
  ) => {
    const head = ledgerHeads.get(company._id)
    const seq = (head?.seq ?? 0) + 1
    const prevHash = head?.hash ?? GENESIS_HASH
    const entry: LedgerEntryRecord = { ...fields, companyId: company._id, _id: ledgerEntryId(company._id, seq), seq, createdAt: at, prevHash, hash: '' }
    entry.hash = entryHash(prevHash, { ...entry, officerNames: [...entry.officerNames] })
    ledgerHeads.set(company._id, { seq, hash: entry.hash })
    await put('ledger', stripUndefined(entry))
    return entry
  }
  // Skewed company choice: a fifth of the companies get about half of the inspections.
  const pickCompany = (): CompanyRecord => companies[Math.floor(COMPANIES * Math.pow(rng.next(), 1.6))]

  const step = SPAN / n
  let lastLog = performance.now()
  for (let i = 0; i < n; i++) {
    const t = Math.round(HISTORY_END - SPAN + i * step + rng.next() * step)
    // Working hours, China time.
    const at = t - ((t + TZ_OFFSET) % DAY) + 9 * HOUR + Math.floor(rng.next() * 8 * HOUR)
    const company = pickCompany()
    const local = deptsOfRegion.get(company.region)!
    const dept = rng.chance(0.75) ? rng.pick(local) : rng.pick(deptsOfRegion.get('3607')!)
    const team = officersOfDept.get(dept._id)!
    const o1 = rng.pick(team)
    let o2 = rng.pick(team)
    if (o2 === o1) o2 = team[(team.indexOf(o1) + 1) % team.length]
    const date = chinaDateOf(at)
    const month = date.slice(0, 7)
    const year = Number(date.slice(0, 4))
    const quiet = company.inPark && chinaDayOf(at) <= 25

    let source: InspectionRecord['source']
    let plan: PlanRecord | null = null
    let exception: InspectionRecord['exception']
    let capCounted = false
    if (quiet) {
      source = rng.chance(0.5) ? 'plan' : rng.pick(['complaint', 'referral', 'monitoring'] as const)
      const cat = rng.pick(categories)
      const old = at < BENCH_NOW - 14 * DAY
      const review = !old ? 'pending' : rng.chance(0.9) ? 'justified' : 'unjustified'
      exception = {
        category: cat.key,
        ...(cat.key === 'other' ? { reason: '企业申请现场核查设备改造进度' } : {}),
        review,
        ...(review !== 'pending'
          ? { reviewComment: review === 'justified' ? '情形属实' : '理由不充分', reviewedBy: userIdFor('bench-supervisor'), reviewedAt: at + 5 * DAY }
          : {}),
      }
    } else if (rng.chance(0.6)) {
      source = 'plan'
      if ((capUsed.get(`${dept._id}_${company._id}_${year}`) ?? 0) >= settings.frequencyCap.perDeptCompanyYear)
        source = rng.pick(['complaint', 'referral', 'monitoring', 'enterprise_request'] as const)
    } else {
      source = rng.pick(['complaint', 'referral', 'monitoring', 'enterprise_request'] as const)
    }
    if (source === 'plan' && !exception) {
      const p = planFor(dept, month)
      if (!p.set.has(company._id)) {
        p.set.add(company._id)
        p.companyIds.push(company._id)
      }
      plan = p
      capCounted = settings.frequencyCap.countedKinds.includes(p.kind)
    }
    const id = 'insp_' + sha256(`bench:${n}:${i}`).slice(0, 24)
    if (capCounted) {
      const capId = `${dept._id}_${company._id}_${year}`
      capUsed.set(capId, (capUsed.get(capId) ?? 0) + 1)
      if (year === nowYear) {
        let used = gateCaps.get(company._id)
        if (!used) gateCaps.set(company._id, (used = {}))
        used[dept._id] = (used[dept._id] ?? 0) + 1
      }
    }
    // The gate: check-ins of the repeated window (every source), and join locks still open at the bench clock.
    if (at >= recentSince && at <= BENCH_NOW) {
      let list = gateRecent.get(company._id)
      if (!list) gateRecent.set(company._id, (list = []))
      list.push({ inspectionId: id, deptId: dept._id, checkInAt: at, source, keys: [] })
    }
    if (at >= openSince && at <= BENCH_NOW) {
      let open = gateOpen.get(company._id)
      if (!open) gateOpen.set(company._id, (open = {}))
      if (!open[dept._id] || open[dept._id].checkInAt <= at) open[dept._id] = { inspectionId: id, checkInAt: at }
    }
    // Rule 6: earlier non-case check-ins of the company within the window.
    const caseSourced = source !== 'plan'
    const windowStart = at - settings.repeated.windowDays * DAY
    const recent = (recentOfCompany.get(company._id) ?? []).filter((x) => x >= windowStart)
    const repeated = !caseSourced && recent.length + 1 >= settings.repeated.threshold
    if (!caseSourced) recent.push(at)
    recentOfCompany.set(company._id, recent)

    const offSite = rng.chance(0.03)
    const location = {
      lat: round6(company.location.lat + (offSite ? 0.02 : (rng.next() - 0.5) * 0.002)),
      lng: round6(company.location.lng + (rng.next() - 0.5) * 0.002),
      accuracy: rng.int(5, 80),
    }
    const where = presence(location, company.location, settings)
    const flags: InspectionRecord['flags'] = []
    if (exception) flags.push('quiet_exception')
    if (where.offSite) flags.push('off_site')
    if (repeated) flags.push('repeated')
    const dueAt = at + settings.result.dueDays * DAY
    const c = counter(dept, company.region, month)
    c.inspections++
    if (exception) c.quietExceptions[exception.review]++
    if (repeated) c.repeated++

    const twoOfficers = !rng.chance(0.02)
    const record: InspectionRecord = {
      _id: id,
      ...visitParties(company, dept, o1),
      officerIds: twoOfficers ? [o1._id, o2._id] : [o1._id],
      officerNames: twoOfficers ? [o1.name, o2.name] : [o1.name],
      source,
      ...(plan ? { planId: plan._id, planKind: plan.kind } : {}),
      ...(exception ? { exception } : {}),
      capCounted,
      checkInAt: at,
      date,
      month,
      location,
      distanceM: where.distanceM,
      flags,
      status: 'open',
      dueAt,
      rating: { state: 'none' },
      createdAt: at,
      updatedAt: at,
    }
    const ref = `inspections/${id}`
    if (repeated)
      raise(
        {
          _id: 'al_' + sha256('rep' + id).slice(0, 12),
          kind: 'repeated',
          ref,
          at,
          region: company.region,
          deptId: dept._id,
          companyId: company._id,
          summary: `${company.name} 在 ${settings.repeated.windowDays} 天内被检查 ${recent.length} 次（本次：${dept.name}）`,
        },
        at + 7 * DAY,
      )
    if (exception?.review === 'unjustified')
      raise(
        {
          _id: alertIdFor('unjustified_exception', ref),
          kind: 'unjustified_exception',
          ref,
          at: at + 5 * DAY,
          region: company.region,
          deptId: dept._id,
          companyId: company._id,
          summary: `${dept.name} 于 ${date} 在安静生产期进入 ${company.name}，所报特殊情形经审核不合理`,
        },
        at + 20 * DAY,
      )

    // Result: most inspections get one, a few late (marked overdue by the scheduler first).
    const resultDelay = rng.chance(0.06) ? rng.int(3 * 24 + 1, 10 * 24) * HOUR : rng.int(1, 70) * HOUR
    const recordedAt = at + resultDelay
    const willHaveResult = twoOfficers && !rng.chance(0.01)
    const overdueAt = Math.ceil((dueAt + 1) / DAY) * DAY + 1 * HOUR // next scheduler run after the deadline
    if (overdueAt < BENCH_NOW && (!willHaveResult || recordedAt > overdueAt)) {
      record.status = 'overdue'
      ;(record as InspectionRecord & { overdueAt?: number }).overdueAt = overdueAt
      c.overdue++
      raise(
        {
          _id: alertIdFor('overdue', ref),
          kind: 'overdue',
          ref,
          at: overdueAt,
          region: company.region,
          deptId: dept._id,
          companyId: company._id,
          summary: `${dept.name} 对 ${company.name} 的检查（${date}）逾期未录入结果`,
        },
        willHaveResult ? null : overdueAt + 10 * DAY,
      )
    }
    if (willHaveResult && recordedAt < BENCH_NOW) {
      const lateByMs = Math.max(0, recordedAt - dueAt)
      record.result = {
        outcome: rng.pick(['compliant', 'compliant', 'compliant', 'rectify', 'case', 'transfer'] as const),
        findings: '现场检查未发现明显问题',
        recordedAt,
        recordedBy: o1._id,
        lateByMs,
      }
      if (record.result.outcome === 'rectify') record.result.rectifyBy = chinaDateOf(recordedAt + 15 * DAY)
      if (recordedAt > dueAt && !record.flags.includes('late_result')) record.flags = [...record.flags, 'late_result']
      if (record.status === 'overdue') c.overdue--
      record.status = 'closed'
      record.rating = { state: 'issued' }
      record.updatedAt = recordedAt
      c.results++
      const ratedAt = recordedAt + rng.int(1, 48) * HOUR
      if (rng.chance(0.4) && ratedAt < BENCH_NOW) {
        const r = rng.next()
        const score = r < 0.6 ? 5 : r < 0.85 ? 4 : r < 0.93 ? 3 : r < 0.97 ? 2 : 1
        const bad = score <= settings.rating.badAtMost
        const rating: RatingRecord = {
          _id: id,
          inspectionId: id,
          companyId: company._id,
          deptId: dept._id,
          region: company.region,
          month: chinaMonthOf(ratedAt),
          score,
          tags: score >= 4 ? ['文明执法'] : ['效率较低'],
          ratedAt,
          ...(bad ? { followUpDueAt: ratingFollowUpDueAt(ratedAt, settings) } : {}),
          raterKey: raterKeyFor(BENCH_SECRET, 'u_company_' + company._id),
          tokenId: 'rt_' + sha256('rt' + id).slice(0, 20),
        }
        await put('ratings', rating)
        record.rating = { state: 'rated', score }
        record.updatedAt = ratedAt
        const rc = counter(dept, company.region, rating.month)
        rc.ratings.count++
        rc.ratings.sum += score
        if (bad) {
          rc.ratings.bad++
          const rref = `ratings/${id}`
          raise(
            {
              _id: alertIdFor('bad_rating', rref),
              kind: 'bad_rating',
              ref: rref,
              at: ratedAt,
              region: company.region,
              deptId: dept._id,
              companyId: company._id,
              summary: `${dept.name} 对 ${company.name} 的检查（${date}）获差评：${score} 分`,
            },
            ratedAt + 12 * DAY,
          )
        }
      }
    }
    // Complaints: about 0.5% of inspections.
    if (rng.chance(0.005)) {
      const receivedAt = at + rng.int(2, 120) * HOUR
      if (receivedAt < BENCH_NOW) {
        const dueC = complaintDueAt(receivedAt, settings)
        const closed = dueC < BENCH_NOW - 5 * DAY
        const receivedMonth = chinaMonthOf(receivedAt)
        const cmp: ComplaintRecord = {
          _id: 'cmp_' + sha256('cmp' + id).slice(0, 12),
          companyId: company._id,
          companyName: company.name,
          region: company.region,
          city: cityOf(company.region),
          inspectionId: id,
          deptId: dept._id,
          deptName: dept.name,
          category: 'attitude',
          content: '检查人员态度生硬，未出示执法证件',
          anonymous: rng.chance(0.5),
          ownerKey: ownerKeyFor(BENCH_SECRET, 'u_company_' + company._id),
          status: closed ? 'closed' : 'received',
          receivedAt,
          dueAt: dueC,
          overdue: false,
          ...(closed ? { closedAt: dueC - DAY } : {}),
          timeline: [
            { at: receivedAt, action: 'received', text: `投诉已收到，将于 ${chinaDateOf(dueC)} 前答复` },
            ...(closed ? [{ at: dueC - DAY, action: 'close' as const, text: '已核查并答复' }] : []),
          ],
          counterKey: { deptId: dept._id, region: company.region, month: receivedMonth },
          createdAt: receivedAt,
          updatedAt: closed ? dueC - DAY : receivedAt,
        }
        const cc = counter(dept, company.region, receivedMonth)
        cc.complaints.received++
        if (!closed) cc.complaints.open++
        await put('complaints', stripUndefined(cmp))
      }
    }
    if (company.monitoringPoint) {
      const entry = await appendLedger(company, at, {
        date,
        source: 'scan',
        inspectionId: id,
        deptId: dept._id,
        deptName: dept.name,
        officerNames: [o1.name],
        purpose: plan
          ? plan.title
          : exception
            ? `特殊情形：${categories.find((k) => k.key === exception!.category)?.label ?? exception.category}`
            : '监测预警核查',
        unscanned: false,
      })
      record.ledgerEntryId = entry._id
      if (rng.chance(0.02)) {
        // A visit nobody scanned, added by the company.
        const e2 = await appendLedger(company, at + 2 * HOUR, {
          date,
          source: 'manual',
          deptId: dept._id,
          deptName: dept.name,
          officerNames: ['未知'],
          purpose: '现场检查',
          note: '未扫码入企',
          unscanned: true,
          matchedInspectionId: null,
        })
        const lref = `ledger/${e2._id}`
        const handledAt = at + 10 * DAY
        const confirmed = handledAt < BENCH_NOW
        // Counted once a supervisor confirmed it (SPEC §6): the alert keeps where it was counted.
        raise(
          {
            _id: alertIdFor('unscanned', lref),
            kind: 'unscanned',
            ref: lref,
            at: at + 2 * HOUR,
            region: company.region,
            deptId: dept._id,
            companyId: company._id,
            summary: `${company.name} 登记了一次未扫码的检查（${dept.name}，${date}）`,
            ...(confirmed
              ? {
                  handling: { by: userIdFor('bench-supervisor'), at: handledAt, note: '已核实', confirmed: true },
                  counted: { deptId: dept._id, region: company.region, month },
                }
              : {}),
          },
          confirmed ? handledAt : null,
        )
        if (confirmed) counter(dept, company.region, month).unscanned++
      }
    }
    await put('inspections', record)
    if (performance.now() - lastLog > 10_000) {
      lastLog = performance.now()
      log(`  ${i + 1}/${n} inspections`)
    }
  }
  // The plans of the bench month: every department plans the companies the bench scans.
  for (const d of departments) {
    const p = planFor(d, BENCH_MONTH)
    for (const id of benchCompanyIds(d.region)) {
      if (p.set.has(id)) continue
      p.set.add(id)
      p.companyIds.push(id)
    }
  }
  // Approved plans still running at the bench clock are on the gates of the companies they name.
  const gatePlans = new Map<string, Record<string, GatePlan>>()
  for (const p of plans.values()) {
    const { set: _s, ...plan } = p
    await put('plans', plan)
    if (plan.status !== 'approved' || plan.to < nowDate) continue
    const mark: GatePlan = { deptId: plan.deptId, kind: plan.kind, title: plan.title, from: plan.from, to: plan.to }
    for (const companyId of plan.companyIds) {
      let onGate = gatePlans.get(companyId)
      if (!onGate) gatePlans.set(companyId, (onGate = {}))
      onGate[plan._id] = { ...mark }
    }
  }
  for (const c of companies) {
    const recent = gateRecent.get(c._id)?.sort((a, b) => a.checkInAt - b.checkInAt) // stable: ties keep generation order
    const open = gateOpen.get(c._id)
    const used = gateCaps.get(c._id)
    const ledger = ledgerHeads.get(c._id)
    const onGate = gatePlans.get(c._id)
    const gate: CompanyGate = {
      ...(recent?.length ? { recent } : {}),
      ...(open && Object.keys(open).length ? { open } : {}),
      ...(used && Object.keys(used).length ? { caps: { year: nowYear, used } } : {}),
      ...(ledger ? { ledger } : {}),
      ...(onGate && Object.keys(onGate).length ? { plans: onGate } : {}),
    }
    await put('companies', Object.keys(gate).length ? { ...c, gate } : c)
  }
  for (const a of alerts) await put('alerts', stripUndefined(a))
  for (const c of counters.values()) await put('counters', c)
  for (const doc of openNowOf(counters.values(), alerts)) await put(OPEN_NOW, doc)
  await w.flush()
  log(`history: ${JSON.stringify(w.counts)}`)
  return w.counts
}

/** The companies the bench-month plans of a region's departments cover (200, spread over the city). */
export function benchCompanyIds(region: string): string[] {
  const out: string[] = []
  const countyIndex = GANZHOU_COUNTIES.findIndex((c) => c.code === region)
  for (let k = 0; out.length < 200 && k < 5000; k++) {
    const idx = ((countyIndex + 1) * 7919 + k * 104_729) % COMPANIES
    out.push(`co_${String(idx + 1).padStart(6, '0')}`)
  }
  return out
}

/**
 * The open-now documents (server/store/open-now.ts) the history leaves: per region, each
 * department's red lights and pending special cases (its month figures of the same names
 * summed over the months), and the open alerts of the counted kinds.
 */
function openNowOf(counters: Iterable<RegionCounterRecord>, alerts: AlertRecord[]): OpenNowRecord[] {
  const docs = new Map<string, OpenNowRecord>()
  const of = (region: string) => {
    let d = docs.get(region)
    if (!d) docs.set(region, (d = { _id: region, ...newOpenNowDoc(region) }))
    return d
  }
  for (const c of counters) {
    for (const [deptId, f] of Object.entries(c.depts)) {
      if (!f.overdue && !f.quietExceptions.pending) continue
      const e = (of(c.region).depts[deptId] ??= { overdue: 0, pendingExceptions: 0 })
      e.overdue = (e.overdue ?? 0) + f.overdue
      e.pendingExceptions = (e.pendingExceptions ?? 0) + f.quietExceptions.pending
    }
  }
  for (const a of alerts) {
    if (a.resolved || !isCountedAlert(a.kind)) continue
    const d = of(a.region)
    d.alerts[a.kind] = (d.alerts[a.kind] ?? 0) + 1
  }
  return [...docs.values()]
}

function stripUndefined<T extends object>(rec: T): T {
  for (const k of Object.keys(rec) as Array<keyof T>) if (rec[k] === undefined) delete rec[k]
  return rec
}
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

if (require.main === module) {
  const sizes = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  ;(async () => {
    for (const s of sizes.length ? sizes : ['10k']) {
      const r = await generate(s, (m) => console.log(m))
      console.log(JSON.stringify({ size: r.size, path: r.path, seconds: r.seconds, reused: r.reused }))
    }
  })().catch((err) => {
    console.error(err)
    process.exit(1)
  })
}
