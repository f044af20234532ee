import { defaultSettings, type Role } from '@contract'
import type { Ctx, UserRecord } from '../../server/platform/context'
import { withConflictRetry, type Database } from '../../server/platform/db'
import { userIdFor } from '../../server/platform/ids'
import type { Keys } from '../../server/platform/keys'
import { addChinaDays, chinaDate, dayOfMonth, lastDateOfMonth } from '../../server/domain/china-time'
import { inspectionHandlers } from '../../server/handlers/inspection'
import { supervisionHandlers } from '../../server/handlers/supervision'
import { enterpriseHandlers } from '../../server/handlers/enterprise'
import { markOverdueComplaints } from '../../server/jobs/overdue-complaints'
import { tokenFromId } from '../../server/domain/tokens'
import { markOverdueInspections } from '../../server/jobs/overdue-inspections'
import { DEMO_IDS, type DemoCompany, type DemoRoster } from './demo-roster'
import { DEMO_PERSONAS } from './personas'
import { seedRelease2 } from './release2'

/**
 * Demo history: a believable recent past written by the handlers themselves, with the
 * clock set back, so records, ledger chains, alerts and counters agree exactly as they
 * would in production. Deterministic in content (dates, companies, officers, outcomes);
 * record ids derive from fixed request ids where the handlers allow it.
 *
 * - An approved plan per demo department, from 100 days back to the end of next month,
 *   and one pending plan of the market department for the supervisor to review.
 * - ~40 inspections over the past two months (companies co_0001–co_0060): two officers
 *   each, most with results, some late, some overdue (the hourly job runs each day),
 *   a few quiet-period special cases, monitoring points with ledger entries, and
 *   co_0002 checked by two departments within 60 days (repeated).
 */

const DAY = 86_400_000
const HOUR = 3_600_000
const SPECIAL_CASES = [
  { category: 'high_risk' },
  { category: 'hazard_followup' },
  { category: 'other', reason: '园区企业报告锅炉压力异常，须现场核实处置' },
  { category: 'emergency' },
] as const
const OUTCOMES = ['compliant', 'rectify', 'compliant', 'case', 'transfer'] as const
const FINDINGS: Record<(typeof OUTCOMES)[number], string> = {
  compliant: '现场检查未发现违法违规问题',
  rectify: '部分台账记录不全，责令限期整改',
  case: '发现涉嫌违法行为，已立案调查',
  transfer: '发现属其他部门职责的问题，已移送',
}

type Event = { at: number; order: number; run: () => Promise<void> }

export async function seedDemoHistory(db: Database, roster: DemoRoster, options: { now: number; keys: Keys }): Promise<void> {
  const { now } = options
  const settings = defaultSettings()
  const { signing: secret, sealing: sealingKey } = options.keys
  let requestNo = 0
  const ctxAt = (user: UserRecord, at: number): Ctx => ({
    // As the dispatcher gives it: transactions retried, and the work after their commit run.
    db: withConflictRetry(db),
    caller: { openid: user.openid, user },
    now: at,
    settings,
    storage: { put: async () => ({ fileID: '' }), tempUrl: async () => '' },
    codes: { image: async () => '' },
    notify: { send: async () => {} },
    log: { info: () => {}, error: () => {} },
    requestId: `seed-${++requestNo}`,
    secret,
    sealingKey,
    env: {},
  })
  const userOf = (openid: string, roles: Role[], extra: Partial<UserRecord>): UserRecord => ({
    _id: userIdFor(openid),
    openid,
    roles,
    name: '',
    createdAt: now,
    updatedAt: now,
    ...extra,
  })
  const persona = (openid: string) => {
    const p = DEMO_PERSONAS.find((x) => x.openid === openid)!
    return userOf(openid, p.roles, { name: p.name, deptId: p.deptId, region: p.region, officerId: p.officerId })
  }
  const supervisor = persona('demo-supervisor-city')
  const officerUser = (officerId: string): UserRecord => {
    const p = DEMO_PERSONAS.find((x) => x.officerId === officerId)
    if (p) return persona(p.openid)
    const o = roster.officers.find((x) => x.id === officerId)!
    return userOf(`seed-${officerId}`, ['officer'], { name: o.name, deptId: o.deptId, officerId })
  }

  // Departments: the two city ones the personas belong to, two more city ones, and 章贡区 market regulation.
  const cityDepts = roster.departments.filter((d) => d.region === '3607')
  const depts = [DEMO_IDS.cityMarketDept, DEMO_IDS.cityEmergencyDept, cityDepts[2].id, cityDepts[3].id, DEMO_IDS.zhangGongMarketDept]
  const teamOf = (deptId: string) =>
    roster.officers
      .filter((o) => o.deptId === deptId && o.certStatus === 'valid' && o.expiresInDays > 0)
      .slice(0, 2)
      .map((o) => o.id)

  // The inspections' schedule: distinct companies, except co_0002 twice (the repeated one).
  const pool = roster.companies.slice(0, 60).filter((c) => c.id !== DEMO_IDS.townCompany)
  interface Planned {
    i: number
    company: DemoCompany
    deptId: string
    at: number
    exception?: { category: string; reason?: string }
  }
  const planned: Planned[] = []
  for (let i = 0; i < 38; i++) {
    const company = pool[i]
    let at = startOfUtcDay(now - (1 + Math.round((i * 57) / 37)) * DAY) + 90 * 60_000 + (i % 6) * HOUR
    let exception: Planned['exception']
    if (company.inPark && dayOfMonth(at) <= settings.quietPeriod.lastDay) {
      if (i % 4 === 0) exception = SPECIAL_CASES[(i / 4) % SPECIAL_CASES.length]
      else at = shiftOutOfQuiet(at)
    }
    planned.push({ i, company, deptId: depts[i % depts.length], at, exception })
  }
  const town = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
  planned.push({ i: 38, company: town, deptId: DEMO_IDS.cityMarketDept, at: startOfUtcDay(now - 35 * DAY) + 2 * HOUR })
  planned.push({ i: 39, company: town, deptId: DEMO_IDS.cityEmergencyDept, at: startOfUtcDay(now - 12 * DAY) + 3 * HOUR })

  // Plans: filed 100 days back, approved the next day, covering every company each department visits.
  const earliest = Math.min(...planned.map((p) => p.at))
  const from = chinaDate(earliest - 5 * DAY)
  const to = lastDateOfMonth(addChinaDays(lastDateOfMonth(chinaDate(now).slice(0, 7)), 1).slice(0, 7))
  const filedAt = earliest - 10 * DAY
  const planIds: Record<string, string> = {}
  for (const deptId of depts) {
    const dept = roster.departments.find((d) => d.id === deptId)!
    const admin = userOf(`seed-admin-${deptId}`, ['deptAdmin'], { name: `${dept.name}管理员`, deptId })
    const companyIds = [...new Set(planned.filter((p) => p.deptId === deptId).map((p) => p.company.id))]
    const { plan } = await supervisionHandlers.submitPlan!.handle(
      {
        deptId,
        title: `${dept.field}领域 ${from.slice(0, 7)} 至 ${to.slice(0, 7)} 日常监督检查计划`,
        kind: deptId === DEMO_IDS.cityEmergencyDept ? 'campaign' : 'routine',
        items: ['证照及公示信息', '安全生产主体责任落实', '台账记录'],
        basis: '《优化营商环境条例》及本部门年度执法检查计划',
        companyIds,
        from,
        to,
      },
      ctxAt(admin, filedAt),
    )
    await supervisionHandlers.reviewPlan!.handle(
      { planId: plan.id, decision: 'approve', comment: '同意，严格执行安静生产期规定' },
      ctxAt(supervisor, filedAt + DAY),
    )
    planIds[deptId] = plan.id
  }
  await supervisionHandlers.submitPlan!.handle(
    {
      deptId: DEMO_IDS.cityMarketDept,
      title: '下月食品生产企业专项检查计划',
      kind: 'campaign',
      items: ['食品生产许可', '原料进货查验记录'],
      basis: '《食品安全法》第一百一十条',
      companyIds: pool.slice(40, 46).map((c) => c.id),
      from: addChinaDays(lastDateOfMonth(chinaDate(now).slice(0, 7)), 1),
      to,
    },
    ctxAt(persona('demo-deptadmin-1'), now - 2 * DAY),
  )

  // Events in time order: check-in, the second officer joining, the result, and the hourly job once a day.
  const events: Event[] = []
  const ids: Record<number, string> = {}
  for (const p of planned) {
    const [a, b] = teamOf(p.deptId).map(officerUser)
    const location = { lat: p.company.location.lat + 0.0004, lng: p.company.location.lng - 0.0003, accuracy: 20 + (p.i % 4) * 10 }
    const fields = { scene: `c=${p.company.id}`, source: 'plan' as const, location, ...(p.exception ? { exception: { ...p.exception } } : {}) }
    events.push({
      at: p.at,
      order: 0,
      run: async () => {
        const res = await inspectionHandlers.checkIn.handle({ ...fields, clientRequestId: `seed-history-${p.i}-a`, planId: planIds[p.deptId] }, ctxAt(a, p.at))
        ids[p.i] = res.inspection.id
      },
    })
    events.push({
      at: p.at + 20 * 60_000,
      order: 1,
      run: async () => void (await inspectionHandlers.checkIn.handle({ ...fields, clientRequestId: `seed-history-${p.i}-b` }, ctxAt(b, p.at + 20 * 60_000))),
    })
    const kind = p.i % 5
    const resultAt = kind === 4 ? null : kind === 3 ? p.at + 4 * DAY + 2 * HOUR : p.at + (p.i % 2 ? 20 * HOUR : 2 * DAY)
    if (resultAt !== null && resultAt < now - HOUR) {
      const outcome = OUTCOMES[p.i % OUTCOMES.length]
      events.push({
        at: resultAt,
        order: 2,
        run: async () =>
          void (await inspectionHandlers.recordResult.handle(
            {
              inspectionId: ids[p.i],
              outcome,
              findings: FINDINGS[outcome],
              ...(outcome === 'rectify' ? { rectifyBy: addChinaDays(chinaDate(resultAt), 15) } : {}),
            },
            ctxAt(p.i % 2 ? a : b, resultAt),
          )),
      })
    }
  }
  const system = userOf('', ['admin'], { _id: 'system', name: '系统定时任务' })
  for (let t = startOfUtcDay(earliest) + 22 * HOUR; t < now; t += DAY)
    events.push({ at: t, order: 3, run: async () => void (await markOverdueInspections(ctxAt(system, t))) })
  events.push({ at: now, order: 3, run: async () => void (await markOverdueInspections(ctxAt(system, now))) })
  events.sort((x, y) => x.at - y.at || x.order - y.order)
  for (const e of events) await e.run()

  // Release 2: joint inspections, back-fills, a withdrawn scan, service visits, no-penalty results.
  await seedRelease2({ now, settings, roster, ctxAt, persona, supervisor, system })

  // The company's side, after the inspections: ratings, complaints, a visit nobody scanned.
  await seedCompanySide({ db, now, ctxAt, userOf, persona, supervisor, system })
}

/**
 * Ratings for most results (a few bad ones), two complaints (one anonymous, one accepted
 * by the city supervisor), and an unscanned visit at the demo monitoring point, all
 * written by the handlers with the clock set back, then the overdue-complaints job once.
 */
async function seedCompanySide(h: {
  db: Database
  now: number
  ctxAt: (user: UserRecord, at: number) => Ctx
  userOf: (openid: string, roles: Role[], extra: Partial<UserRecord>) => UserRecord
  persona: (openid: string) => UserRecord
  supervisor: UserRecord
  system: UserRecord
}): Promise<void> {
  const { db, now, ctxAt, userOf, persona, supervisor, system } = h
  const contact = (companyId: string): UserRecord => {
    const p = DEMO_PERSONAS.find((x) => x.companyId === companyId)
    return p ? { ...persona(p.openid), companyId } : userOf(`seed-contact-${companyId}`, ['enterprise'], { name: '企业联系人', companyId })
  }
  const got = await db.collection('ratingTokens').where({ usedAt: null }).orderBy('createdAt', 'asc').limit(100).get()
  const tokens = got.data as unknown as Array<{ _id: string; inspectionId: string; companyId: string; createdAt: number }>
  const SCORES = [5, 4, 5, 2, 5, 4, 3, 5, 1, 4]
  let k = 0
  // A sample, not every result: the seed stays quick (tests start the emulator with a clock a second before midnight).
  for (const t of tokens.slice(-12)) {
    const at = t.createdAt + 3 * HOUR
    if (at >= now || k % 4 === 3) {
      k++
      continue
    }
    const score = SCORES[k++ % SCORES.length]
    await enterpriseHandlers.rate.handle(
      {
        token: tokenFromId('r', t._id, ctxAt(system, at).secret),
        score,
        ...(score <= 2 ? { tags: ['态度生硬'], comment: '检查时间过长，影响生产' } : { tags: ['文明执法'] }),
      },
      ctxAt(contact(t.companyId), at),
    )
  }
  const ofCompany = async (companyId: string) =>
    (
      (await db.collection('inspections').where({ companyId }).orderBy('checkInAt', 'desc').limit(10).get()).data as unknown as Array<{
        _id: string
        checkInAt: number
      }>
    )[0]
  const town = await ofCompany(DEMO_IDS.townCompany)
  if (town) {
    const at = Math.min(town.checkInAt + DAY, now - HOUR)
    const { complaint } = await enterpriseHandlers.complain.handle(
      { inspectionId: town._id, category: 'repeated_inspection', content: '两个月内被不同部门重复检查，准备的材料基本相同，希望联合检查', anonymous: false },
      ctxAt(contact(DEMO_IDS.townCompany), at),
    )
    await supervisionHandlers.handleComplaint!.handle(
      { complaintId: complaint.id, step: 'accept', text: '已受理，将协调相关部门开展联合检查' },
      ctxAt(supervisor, Math.min(at + DAY, now - 1)),
    )
  }
  const park = await ofCompany(DEMO_IDS.parkMonitoringCompany)
  const parkAt = now - 3 * DAY
  await enterpriseHandlers.complain.handle(
    { ...(park ? { inspectionId: park._id } : {}), category: 'unrelated_demands', content: '检查人员要求企业订阅指定的行业刊物', anonymous: true },
    ctxAt(contact(DEMO_IDS.parkMonitoringCompany), parkAt),
  )
  await enterpriseHandlers.addLedgerEntry.handle(
    {
      date: chinaDate(now - 5 * DAY),
      deptName: '某区综合行政执法大队',
      officerNames: ['两名未出示证件人员'],
      purpose: '询问环保设施运行情况',
      note: '未扫码入企',
    },
    ctxAt(contact(DEMO_IDS.parkMonitoringCompany), parkAt + HOUR),
  )
  await markOverdueComplaints(ctxAt(system, now))
}

const startOfUtcDay = (ms: number): number => ms - (ms % DAY)

/** Moves a check-in out of the quiet period: to the 27th of the month before (same time of day). */
function shiftOutOfQuiet(at: number): number {
  const date = chinaDate(at)
  const [y, m] = date.split('-').map(Number)
  const prev = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`
  return at - (Date.parse(`${date}T00:00:00+08:00`) - Date.parse(`${prev}-27T00:00:00+08:00`))
}
