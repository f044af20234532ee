import { buildDemoRoster, DEMO_BIND_CODES, DEMO_IDS, DEMO_PERSONAS } from '../../emulator/seed/demo'
import { GANZHOU_COUNTIES } from '../../emulator/seed/ganzhou'
import { BIND_CODE_ALPHABET } from '@server/domain/bind-codes'
import { isValidUscc } from '@server/domain/uscc'
import { Company, Department } from '@contract'

describe('demo roster', () => {
  const roster = buildDemoRoster()

  it('has Ganzhou’s 18 county-level divisions with their codes', () => {
    expect(GANZHOU_COUNTIES).toHaveLength(18)
    expect(new Set(GANZHOU_COUNTIES.map((c) => c.code)).size).toBe(18)
    expect(GANZHOU_COUNTIES.find((c) => c.name === '龙南市')?.code).toBe('360783')
  })

  it('has about 300 companies, each with a unique valid USCC, ~40% in parks, ~10% monitoring points', () => {
    const { companies } = roster
    expect(companies).toHaveLength(300)
    expect(companies.every((c) => isValidUscc(c.uscc))).toBe(true)
    expect(new Set(companies.map((c) => c.uscc)).size).toBe(300)
    expect(new Set(companies.map((c) => c.name)).size).toBe(300)
    const parkShare = companies.filter((c) => c.inPark).length / 300
    expect(parkShare).toBeGreaterThan(0.33)
    expect(parkShare).toBeLessThan(0.5)
    const monitoringShare = companies.filter((c) => c.monitoringPoint).length / 300
    expect(monitoringShare).toBeGreaterThan(0.05)
    expect(monitoringShare).toBeLessThan(0.16)
    for (const c of companies) expect(Company.safeParse({ ...c, createdAt: 0, updatedAt: 0 }).success).toBe(true)
  })

  it('keeps the companies the demo users rely on', () => {
    const byId = (id: string) => roster.companies.find((c) => c.id === id)!
    expect(byId(DEMO_IDS.parkMonitoringCompany)).toMatchObject({ inPark: true, monitoringPoint: true, region: '360702' })
    expect(byId(DEMO_IDS.townCompany)).toMatchObject({ inPark: false, region: '360702' })
  })

  it('has at least two officers per department, unique certificates, one suspended and one expired', () => {
    for (const d of roster.departments) {
      expect(Department.safeParse({ ...d, createdAt: 0, updatedAt: 0 }).success).toBe(true)
      expect(roster.officers.filter((o) => o.deptId === d.id).length).toBeGreaterThanOrEqual(2)
    }
    expect(roster.officers.length).toBeGreaterThanOrEqual(60)
    expect(new Set(roster.officers.map((o) => o.certNo)).size).toBe(roster.officers.length)
    expect(roster.officers.filter((o) => o.certStatus === 'suspended').map((o) => o.id)).toEqual([DEMO_IDS.suspendedOfficer])
    expect(roster.officers.filter((o) => o.expiresInDays < 0).map((o) => o.id)).toEqual([DEMO_IDS.expiredOfficer])
  })

  it('is deterministic', () => {
    jest.isolateModules(() => {
      const again = require('../../emulator/seed/demo-roster').buildDemoRoster()
      expect(again).toEqual(roster)
    })
  })

  it('names a persona for every role with the documented openids', () => {
    const roles = new Set(DEMO_PERSONAS.flatMap((p) => p.roles))
    expect([...roles].sort()).toEqual(['admin', 'deptAdmin', 'enterprise', 'officer', 'supervisor'])
    expect(DEMO_PERSONAS.map((p) => p.openid)).toEqual([
      'demo-officer-1',
      'demo-officer-2',
      'demo-officer-3',
      'demo-enterprise-1',
      'demo-enterprise-2',
      'demo-deptadmin-1',
      'demo-supervisor-city',
      'demo-supervisor-county',
      'demo-admin',
    ])
    const officer1 = roster.officers.find((o) => o.id === DEMO_IDS.officer1)!
    expect(officer1.name).toBe('张伟')
    expect(roster.officers.find((o) => o.id === DEMO_IDS.officer2)!.deptId).toBe(officer1.deptId)
    expect(roster.officers.find((o) => o.id === DEMO_IDS.officer3)!.deptId).not.toBe(officer1.deptId)
  })

  it('offers bind codes for subjects nobody is bound to yet', () => {
    const boundOfficers = new Set(DEMO_PERSONAS.map((p) => p.officerId).filter(Boolean))
    const boundCompanies = new Set(DEMO_PERSONAS.map((p) => p.companyId).filter(Boolean))
    for (const c of DEMO_BIND_CODES.officers) {
      expect(boundOfficers.has(c.officerId)).toBe(false)
      expect([...c.code].every((ch) => BIND_CODE_ALPHABET.includes(ch))).toBe(true)
    }
    for (const c of DEMO_BIND_CODES.companies) {
      expect(boundCompanies.has(c.companyId)).toBe(false)
      expect(isValidUscc(c.uscc)).toBe(true)
    }
  })
})
