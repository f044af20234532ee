import type { Settings } from '@contract'
import type { Ctx, UserRecord } from '../../server/platform/context'
import { addChinaDays, chinaDate, dayOfMonth } from '../../server/domain/china-time'
import { listsForField } from '../../server/domain/leniency'
import { enterpriseHandlers } from '../../server/handlers/enterprise'
import { inspectionHandlers } from '../../server/handlers/inspection'
import { supervisionHandlers } from '../../server/handlers/supervision'
import { markOverdueInspections } from '../../server/jobs/overdue-inspections'
import { DEMO_IDS, type DemoCompany, type DemoRoster } from './demo-roster'

/**
 * Demo history of release 2 (SPEC §2 rules 14–20), written by the handlers with the clock
 * set back like the rest of the history, so every new screen has something true to show:
 * two joint inspections (one closed with a no-penalty result, one where the joining
 * department's result is still missing: its red light only), two back-filled visits (one
 * reviewed, with a late join; one waiting for review), a withdrawn scan, and three service
 * visits (one in the quiet period at a park company), and a joint inspection in the quiet
 * period where each department's special case waits for review, at companies co_0071–co_0099, which the
 * first release's history and the tests' fixed companies do not use. The demo companies'
 * contacts have service visits of their own to rate (rule 19): the town company one it
 * rated and one it can still rate, the park company one it can rate.
 */

const DAY = 86_400_000
const HOUR = 3_600_000
const MIN = 60_000

export interface SeedHelpers {
  now: number
  settings: Settings
  roster: DemoRoster
  ctxAt: (user: UserRecord, at: number) => Ctx
  persona: (openid: string) => UserRecord
  supervisor: UserRecord
  system: UserRecord
}

export async function seedRelease2(h: SeedHelpers): Promise<void> {
  const { now, settings, roster, ctxAt, persona, supervisor, system } = h
  const pool = roster.companies.slice(70, 99)
  const towns = pool.filter((c) => !c.inPark)
  const [park, park2] = pool.filter((c) => c.inPark)
  const [joint1, joint2, back1, back2, wrong, service1] = towns
  const zhang = persona('demo-officer-1')
  const li = persona('demo-officer-2')
  const wang = persona('demo-officer-3')
  const near = (c: DemoCompany) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 25 })
  const scan = (c: DemoCompany) => ({ scene: `c=${c.id}`, location: near(c) })
  const day = (daysBack: number, hour: number) => startOfUtcDay(now - daysBack * DAY) + hour * HOUR
  const itemOf = (field: string) => listsForField(settings, field)[0].items[0].id
  const I = inspectionHandlers

  // A joint inspection, closed: the market bureau leads, emergency management joins and records no penalty.
  const t1 = day(6, 2)
  const j1 = await I.checkIn.handle({ ...scan(joint1), clientRequestId: 'seed-r2-joint1-a', source: 'referral', sourceRef: 'YS-2026-0311' }, ctxAt(zhang, t1))
  await I.checkIn.handle({ ...scan(joint1), clientRequestId: 'seed-r2-joint1-b', source: 'referral', sourceRef: 'YS-2026-0311' }, ctxAt(li, t1 + 15 * MIN))
  await I.checkIn.handle(
    { ...scan(joint1), clientRequestId: 'seed-r2-joint1-c', source: 'complaint', sourceRef: 'TS-2026-0877', joinInspectionId: j1.inspection.id },
    ctxAt(wang, t1 + 30 * MIN),
  )
  await I.recordResult.handle(
    { inspectionId: j1.inspection.id, outcome: 'rectify', findings: '进货查验记录不全，责令限期整改', rectifyBy: addChinaDays(chinaDate(t1), 15) },
    ctxAt(zhang, t1 + 3 * HOUR),
  )
  await I.recordResult.handle(
    { inspectionId: j1.inspection.id, outcome: 'no_penalty', findings: '安全警示标志缺失，当场改正', leniencyItemId: itemOf('应急管理') },
    ctxAt(wang, t1 + 4 * HOUR),
  )

  // A joint inspection led by emergency management; the market bureau recorded no penalty, the leader has not recorded yet.
  const t2 = day(5, 3)
  const j2 = await I.checkIn.handle({ ...scan(joint2), clientRequestId: 'seed-r2-joint2-a', source: 'monitoring', sourceRef: 'YJ-2026-0093' }, ctxAt(wang, t2))
  await I.checkIn.handle(
    { ...scan(joint2), clientRequestId: 'seed-r2-joint2-b', source: 'enterprise_request', sourceRef: 'SQ-2026-0018', joinInspectionId: j2.inspection.id },
    ctxAt(zhang, t2 + 20 * MIN),
  )
  await I.recordResult.handle(
    { inspectionId: j2.inspection.id, outcome: 'no_penalty', findings: '营业执照未置于醒目位置，当场改正', leniencyItemId: itemOf('市场监管') },
    ctxAt(zhang, t2 + 2 * HOUR),
  )

  // A back-filled visit (the gate code was damaged), joined late by the second officer, reviewed and closed.
  const b1At = day(3, 2)
  const b1 = await I.backfill.handle(
    {
      companyId: back1.id,
      clientRequestId: 'seed-r2-back1',
      checkInAt: b1At,
      reason: '企业门口企检码被雨水损坏，无法扫码',
      source: 'referral',
      sourceRef: 'YS-2026-0402',
    },
    ctxAt(zhang, b1At + 5 * HOUR),
  )
  await I.checkIn.handle({ ...scan(back1), clientRequestId: 'seed-r2-back1-b', source: 'referral', sourceRef: 'YS-2026-0402' }, ctxAt(li, b1At + 6 * HOUR))
  await I.recordResult.handle({ inspectionId: b1.inspection.id, outcome: 'compliant', findings: '现场检查未发现违法违规问题' }, ctxAt(zhang, b1At + 7 * HOUR))
  await supervisionHandlers.reviewException!.handle(
    { inspectionId: b1.inspection.id, verdict: 'justified', comment: '已核实企检码损坏，补录合理' },
    ctxAt(supervisor, b1At + DAY),
  )

  // A back-filled visit waiting for review (no network in the workshop).
  const b2At = day(1, 1)
  await I.backfill.handle(
    {
      companyId: back2.id,
      clientRequestId: 'seed-r2-back2',
      checkInAt: b2At,
      reason: '车间内无手机信号，离开后补录',
      source: 'complaint',
      sourceRef: 'TS-2026-0915',
    },
    ctxAt(wang, Math.min(b2At + 8 * HOUR, now - MIN)),
  )

  // A wrong scan, withdrawn ten minutes later.
  const wAt = day(2, 6)
  const w = await I.checkIn.handle({ ...scan(wrong), clientRequestId: 'seed-r2-wrong', source: 'complaint', sourceRef: 'TS-2026-0901' }, ctxAt(zhang, wAt))
  await I.withdraw.handle({ inspectionId: w.inspection.id, reason: '误扫了隔壁企业的企检码，实际未进入该企业' }, ctxAt(zhang, wAt + 10 * MIN))

  // Service visits: a policy briefing, a survey, and one at a park company inside the quiet period (flagged).
  await I.serviceVisit.handle(
    { ...scan(service1), clientRequestId: 'seed-r2-service1', purpose: 'policy', note: '宣讲小微企业减税降费政策' },
    ctxAt(zhang, day(4, 7)),
  )
  await I.serviceVisit.handle(
    { ...scan(joint1), clientRequestId: 'seed-r2-service2', purpose: 'survey', note: '了解企业用工与融资困难' },
    ctxAt(wang, day(2, 2)),
  )
  // The latest day of the quiet period in the past fortnight, if any.
  let quietAt = 0
  for (let k = 1; k <= 14 && !quietAt; k++) if (dayOfMonth(day(k, 3), settings.timezone) <= settings.quietPeriod.lastDay) quietAt = day(k, 3)
  if (park && quietAt)
    await I.serviceVisit.handle(
      { ...scan(park), clientRequestId: 'seed-r2-service3', purpose: 'assistance', note: '协助企业办理安全生产许可证延续' },
      ctxAt(wang, quietAt),
    )
  if (park2 && quietAt) {
    // A joint inspection in the quiet period where each department reported its own special
    // case: the supervisor reviews them one by one (rule 14), both still waiting.
    const lead = await I.checkIn.handle(
      { ...scan(park2), clientRequestId: 'seed-r2-joint3-a', source: 'complaint', sourceRef: 'TS-2026-0955', exception: { category: 'emergency' } },
      ctxAt(zhang, quietAt - 2 * HOUR),
    )
    await I.checkIn.handle(
      { ...scan(park2), clientRequestId: 'seed-r2-joint3-b', source: 'complaint', sourceRef: 'TS-2026-0955', exception: { category: 'emergency' } },
      ctxAt(li, quietAt - 2 * HOUR + 10 * MIN),
    )
    await I.checkIn.handle(
      {
        ...scan(park2),
        clientRequestId: 'seed-r2-joint3-c',
        source: 'monitoring',
        sourceRef: 'YJ-2026-0127',
        exception: { category: 'hazard_followup' },
        joinInspectionId: lead.inspection.id,
      },
      ctxAt(wang, quietAt - 2 * HOUR + 25 * MIN),
    )
    await I.recordResult.handle(
      { inspectionId: lead.inspection.id, outcome: 'compliant', findings: '燃气管道泄漏已处置，现场无其他隐患' },
      ctxAt(zhang, quietAt - HOUR),
    )
    await I.recordResult.handle(
      { inspectionId: lead.inspection.id, outcome: 'rectify', findings: '应急预案未更新', rectifyBy: chinaDate(quietAt + 20 * DAY, settings.timezone) },
      ctxAt(wang, quietAt - HOUR + 10 * MIN),
    )
  }
  // The demo contacts' own service visits: one rated from the list, two still to rate.
  const townCo = roster.companies.find((c) => c.id === DEMO_IDS.townCompany)!
  const parkCo = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
  const rated = await I.serviceVisit.handle(
    { ...scan(townCo), clientRequestId: 'seed-r2-service-town-rated', purpose: 'survey', note: '了解企业生产经营和用工需求' },
    ctxAt(zhang, day(5, 2)),
  )
  await enterpriseHandlers.rate.handle(
    { visitId: rated.visit.id, score: 5, tags: ['耐心解答'] },
    ctxAt({ ...persona('demo-enterprise-2'), companyId: townCo.id }, day(5, 6)),
  )
  await I.serviceVisit.handle(
    { ...scan(townCo), clientRequestId: 'seed-r2-service-town-open', purpose: 'policy', note: '宣讲稳岗补贴申领政策' },
    ctxAt(wang, day(1, 2)),
  )
  await I.serviceVisit.handle(
    { ...scan(parkCo), clientRequestId: 'seed-r2-service-park-open', purpose: 'assistance', note: '协助企业办理排污许可变更' },
    ctxAt(zhang, day(1, 3)),
  )
  await markOverdueInspections(ctxAt(system, now))
}

const startOfUtcDay = (ms: number): number => ms - (ms % DAY)
