import { action } from '../../platform/handler'
import { chinaDate, chinaMonth, lastDateOfMonth } from '../../domain/china-time'
import { capYear } from '../../domain/frequency-cap'
import { capUsedOf, lockOf } from '../../domain/gate'
import type { InspectionRecord } from '../../domain/inspection-records'
import { planCovers } from '../../domain/legitimate-source'
import { quietPeriodAppliesTo, quietPeriodStatus } from '../../domain/quiet-period'
import { repeatedWindowStart } from '../../domain/repeated'
import { jointJoinProblem, sameDeptJoin } from '../../domain/joint'
import type { CompanyRecord } from '../../domain/records'
import type { Ctx } from '../../platform/context'
import { readDoc } from '../../store/docs'
import { toCompanyAtGate } from '../../views/account'
import { callerOfficer, companyOfScene } from '../../access/officer'
import { approvedPlansFor, inspectionsOfCompanySince } from '../../store/inspection-queries'
import { toInspectionView, toPlanView } from '../../views/inspection'

/**
 * What the officer sees after the scan, before the check-in tap: the quiet-period verdict,
 * the plans that make it legitimate, the yearly count, recent inspections by anyone and
 * other departments' plans (a joint inspection is suggested), and the team's open
 * inspection to join. Reads only.
 */
export const preview = action('inspection', 'preview', {
  access: ['officer'],
  async handle(input, ctx) {
    const { dept, officer } = await callerOfficer(ctx)
    const company = await companyOfScene(ctx, input.scene)
    const { settings, now } = ctx
    const today = chinaDate(now, settings.timezone)
    const month = chinaMonth(now, settings.timezone)
    const quiet = quietPeriodStatus(now, settings)

    const approved = await approvedPlansFor(ctx, company._id)
    const plans = approved.filter((p) => planCovers(p, dept._id, company._id, today))
    const monthStart = `${month}-01`
    const monthEnd = lastDateOfMonth(month)
    const otherPlans = approved.filter((p) => p.deptId !== dept._id && p.from <= monthEnd && p.to >= monthStart)

    const recent = await inspectionsOfCompanySince(ctx, company._id, repeatedWindowStart(now, settings))

    const offer = await joinOffer(ctx, company, dept._id, officer._id)

    return {
      company: toCompanyAtGate(company),
      quiet: { active: quiet.active, appliesToCompany: quietPeriodAppliesTo(company, settings), windowEnd: quiet.windowEnd },
      plans: plans.map(toPlanView),
      yearCount: { used: capUsedOf(company.gate, dept._id, capYear(now, settings)), cap: settings.frequencyCap.perDeptCompanyYear },
      recent: recent.map((r) => ({ id: r._id, deptId: r.deptId, deptName: r.deptName, checkInAt: r.checkInAt, source: r.source, flags: r.flags })),
      otherPlans: otherPlans.map((p) => ({ deptId: p.deptId, title: p.title, from: p.from, to: p.to })),
      jointSuggested: otherPlans.length > 0 || recent.some((r) => r.deptId !== dept._id),
      ...(offer ? { openInspection: toInspectionView(offer.inspection, now), joinKind: offer.kind } : {}),
      exceptionCategories: settings.quietPeriod.categories,
    }
  },
})

/**
 * The inspection the officer's scan would join: the department's own (inside the join
 * window, or late until its result: rules 4, 16), else another department's open one
 * inside the join window (a joint inspection, rule 14; the earliest-opened).
 */
async function joinOffer(
  ctx: Ctx,
  company: CompanyRecord,
  deptId: string,
  officerId: string,
): Promise<{ inspection: InspectionRecord; kind: 'team' | 'late' | 'joint' } | null> {
  const scan = { deptId, companyId: company._id, now: ctx.now, officerId }
  const own = lockOf(company.gate, deptId)
  const mine = own ? await readDoc<InspectionRecord>(ctx.db, 'inspections', own.inspectionId) : null
  const join = mine ? sameDeptJoin(mine, scan, ctx.settings) : null
  if (mine && join) return { inspection: mine, kind: join === 'late_join' ? 'late' : 'team' }
  const others = Object.entries(company.gate?.open ?? {})
    .filter(([d, lock]) => d !== deptId && lock.checkInAt <= ctx.now)
    .sort(([, a], [, b]) => a.checkInAt - b.checkInAt)
  for (const [, lock] of others) {
    const other = await readDoc<InspectionRecord>(ctx.db, 'inspections', lock.inspectionId)
    if (other && !jointJoinProblem(other, scan, ctx.settings)) return { inspection: other, kind: 'joint' }
  }
  return null
}
