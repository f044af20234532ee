import type { CertStatus, Scale } from '@contract'
import { makeUsccFromParts, USCC_CHARSET } from '../../server/domain/uscc'
import {
  BRAND_WORDS,
  CITY_DEPARTMENTS,
  COUNTY_DEPARTMENTS,
  GANZHOU_CITY,
  GANZHOU_COUNTIES,
  GANZHOU_PARKS,
  GIVEN_NAMES,
  PARK_ROADS,
  ROADS,
  SURNAMES,
  TOWN_INDUSTRIES,
  type County,
  type Park,
} from './ganzhou'
import { createPrng, type Prng } from './prng'

/**
 * The demo roster as plain data, without timestamps: departments, companies, officers.
 * Deterministic (fixed PRNG seed), so ids, names, USCCs and certificate numbers are the
 * same on every run and tests may rely on them.
 */

export interface DemoDepartment {
  id: string
  name: string
  region: string
  field: string
}

export interface DemoCompany {
  id: string
  uscc: string
  name: string
  region: string
  address: string
  location: { lat: number; lng: number }
  inPark: boolean
  parkName?: string
  scale: Scale
  monitoringPoint: boolean
}

export interface DemoOfficer {
  id: string
  deptId: string
  name: string
  certNo: string
  certStatus: CertStatus
  certStatusReason?: string
  /** Certificate expiry relative to the seeding instant, in days (negative = already expired). */
  expiresInDays: number
}

export interface DemoRoster {
  departments: DemoDepartment[]
  companies: DemoCompany[]
  officers: DemoOfficer[]
}

const PRNG_SEED = 20230202 // 赣市府建办字〔2023〕2号
const PARK_SHARE = 0.48
const MONITORING_SHARE = 0.1

/** The ids the demo personas and tests rely on. */
export const DEMO_IDS = {
  cityMarketDept: 'dept_3607_amr',
  cityEmergencyDept: 'dept_3607_em',
  zhangGongMarketDept: 'dept_360702_amr',
  officer1: 'off_001',
  officer2: 'off_002',
  officer3: 'off_004',
  /** In a park, a monitoring point (the one the demo enterprise user 1 is bound to). */
  parkMonitoringCompany: 'co_0001',
  /** Outside any park, in 章贡区. */
  townCompany: 'co_0002',
  suspendedOfficer: 'off_020',
  expiredOfficer: 'off_021',
} as const

let cached: DemoRoster | null = null

export function buildDemoRoster(): DemoRoster {
  if (cached) return cached
  const rng = createPrng(PRNG_SEED)
  const departments = buildDepartments()
  const companies = buildCompanies(rng)
  const officers = buildOfficers(rng, departments)
  cached = { departments, companies, officers }
  return cached
}

function buildDepartments(): DemoDepartment[] {
  const city = CITY_DEPARTMENTS.map((d) => ({ id: `dept_${GANZHOU_CITY.code}_${d.key}`, name: d.name, region: GANZHOU_CITY.code, field: d.field }))
  const counties = Object.entries(COUNTY_DEPARTMENTS).flatMap(([region, list]) =>
    list.map((d) => ({ id: `dept_${region}_${d.key}`, name: d.name, region, field: d.field })),
  )
  return [...city, ...counties]
}

// ---- companies -------------------------------------------------------------------------

function buildCompanies(rng: Prng): DemoCompany[] {
  const names = new Set<string>()
  const usccs = new Set<string>()
  const companies: DemoCompany[] = []
  const add = (county: County, park: Park | null, monitoringPoint: boolean) => {
    const id = `co_${String(companies.length + 1).padStart(4, '0')}`
    const scale = pickScale(rng)
    const name = uniqueName(rng, names, county, park, scale)
    const uscc = uniqueUscc(rng, usccs, county.code)
    const centre = park ? { lat: county.seat.lat + park.offset.lat, lng: county.seat.lng + park.offset.lng } : county.seat
    const spread = park ? 0.008 : 0.025
    companies.push({
      id,
      uscc,
      name,
      region: county.code,
      address: park
        ? `江西省赣州市${county.name}${park.name}${rng.pick(PARK_ROADS)}${rng.int(1, 288)}号`
        : `江西省赣州市${county.name}${rng.pick(ROADS)}${rng.int(1, 599)}号`,
      location: { lat: round6(centre.lat + (rng.next() - 0.5) * spread), lng: round6(centre.lng + (rng.next() - 0.5) * spread) },
      inPark: park !== null,
      ...(park ? { parkName: park.name } : {}),
      scale,
      monitoringPoint,
    })
  }
  const zhangGong = GANZHOU_COUNTIES[0]
  // The two companies the demo enterprise users are bound to come first, with fixed ids.
  add(zhangGong, GANZHOU_PARKS[0], true)
  add(zhangGong, null, false)
  for (const county of GANZHOU_COUNTIES) {
    const parks = GANZHOU_PARKS.filter((p) => p.county === county.code)
    const already = county === zhangGong ? 2 : 0
    for (let i = already; i < county.companies; i++) {
      const park = parks.length > 0 && rng.chance(PARK_SHARE) ? rng.pick(parks) : null
      add(county, park, rng.chance(MONITORING_SHARE))
    }
  }
  return companies
}

function pickScale(rng: Prng): Scale {
  const r = rng.next()
  return r < 0.05 ? 'large' : r < 0.25 ? 'medium' : r < 0.6 ? 'small' : 'micro'
}

function uniqueName(rng: Prng, taken: Set<string>, county: County, park: Park | null, scale: Scale): string {
  for (;;) {
    const industry = park ? rng.pick(park.industries) : rng.pick(TOWN_INDUSTRIES)
    const prefix = rng.pick(['赣州', '江西', county.name === '章贡区' ? '赣州市章贡区' : county.name])
    const suffix = scale === 'large' && rng.chance(0.5) ? '股份有限公司' : '有限公司'
    const name = `${prefix}${rng.pick(BRAND_WORDS)}${industry}${suffix}`
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
}

/** '91' (enterprise registered by market regulation) + division + an organization code valid per GB 11714. */
function uniqueUscc(rng: Prng, taken: Set<string>, division: string): string {
  for (;;) {
    const orgBody = rng.chance(0.7)
      ? 'MA3' + Array.from({ length: 5 }, () => rng.pick(USCC_CHARSET.split(''))).join('')
      : String(rng.int(10_000_000, 79_999_999))
    const uscc = makeUsccFromParts({ authorityAndType: '91', division, orgBody })
    // The GB 11714 check character is 0–9 or X, all inside the USCC charset.
    if (!taken.has(uscc)) {
      taken.add(uscc)
      return uscc
    }
  }
}

// ---- officers --------------------------------------------------------------------------

/** Officers the demo relies on, by department: fixed names first, then generated ones. */
const FIXED_OFFICERS: Record<string, Array<Pick<DemoOfficer, 'id' | 'name'>>> = {
  [DEMO_IDS.cityMarketDept]: [
    { id: DEMO_IDS.officer1, name: '张伟' },
    { id: DEMO_IDS.officer2, name: '李娜' },
    { id: 'off_003', name: '王芳' },
  ],
  [DEMO_IDS.cityEmergencyDept]: [
    { id: DEMO_IDS.officer3, name: '王强' },
    { id: 'off_005', name: '刘敏' },
  ],
}

function buildOfficers(rng: Prng, departments: DemoDepartment[]): DemoOfficer[] {
  const officers: DemoOfficer[] = []
  const usedNames = new Set(
    Object.values(FIXED_OFFICERS)
      .flat()
      .map((o) => o.name),
  )
  let nextGenerated = 6
  for (const dept of departments) {
    const fixed = FIXED_OFFICERS[dept.id] ?? []
    const wanted = Math.max(fixed.length, dept.region === GANZHOU_CITY.code ? 3 : 2)
    for (let i = 0; i < wanted; i++) {
      const id = fixed[i]?.id ?? `off_${String(nextGenerated++).padStart(3, '0')}`
      const name = fixed[i]?.name ?? uniquePersonName(rng, usedNames)
      officers.push({ id, deptId: dept.id, name, certNo: '', certStatus: 'valid', expiresInDays: rng.int(200, 1500) })
    }
  }
  officers.sort((a, b) => a.id.localeCompare(b.id))
  officers.forEach((o, i) => {
    const region = departments.find((d) => d.id === o.deptId)!.region
    o.certNo = `${region.padEnd(6, '0')}${String(i + 1).padStart(5, '0')}`
  })
  const suspended = officers.find((o) => o.id === DEMO_IDS.suspendedOfficer)!
  suspended.certStatus = 'suspended'
  suspended.certStatusReason = '涉嫌违规执法，暂扣执法证接受调查'
  officers.find((o) => o.id === DEMO_IDS.expiredOfficer)!.expiresInDays = -30
  return officers
}

function uniquePersonName(rng: Prng, taken: Set<string>): string {
  for (;;) {
    const name = rng.pick(SURNAMES) + rng.pick(GIVEN_NAMES)
    if (!taken.has(name)) {
      taken.add(name)
      return name
    }
  }
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6
