import { action } from '../../platform/handler'
import { chinaDate, chinaMonth, lastDateOfMonth } from '../../domain/china-time'
import { capYear } from '../../domain/frequency-cap'
import { capUsedOf, openLockOf } from '../../domain/gate'
import type { InspectionRecord } from '../../domain/inspection-records'
import { planCovers } from '../../domain/legitimate-source'
import { quietPeriodAppliesTo, quietPeriodStatus } from '../../domain/quiet-period'
import { repeatedWindowStart } from '../../domain/repeated'
import { canJoin } from '../../domain/team'
import { readDoc } from '../../store/docs'
import { toCompanyAtGate } from '../account/views'
import { callerOfficer, companyOfScene } from './officer'
import { approvedPlansFor, inspectionsOfCompanySince } from './queries'
import { toInspectionView, toPlanView } from './views'

/**
 * What the officer sees after the scan, before the check-in tap: the quiet-period verdict,
 * the plans that make it legitimate, the yearly count, recent inspections by anyone and
 * other departments' plans (a joint inspection is suggested), and the team's open
 * inspection to join. Reads only.
 */
export const preview = action('inspection', 'preview', {
  access: ['officer'],
  async handle(input, ctx) {
    const { dept } = await callerOfficer(ctx)
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

    const lock = openLockOf(company.gate, dept._id, now, settings)
    const open = lock ? await readDoc<InspectionRecord>(ctx.db, 'inspections', lock.inspectionId) : null
    const joinable = open && canJoin({ ...open, hasResult: !!open.result }, { deptId: dept._id, companyId: company._id, now }, settings) ? open : null

    return {
      company: toCompanyAtGate(company),
      quiet: { active: quiet.active, appliesToCompany: quietPeriodAppliesTo(company, settings), windowEnd: quiet.windowEnd },
      plans: plans.map(toPlanView),
      yearCount: { used: capUsedOf(company.gate, dept._id, capYear(now, settings)), cap: settings.frequencyCap.perDeptCompanyYear },
      recent: recent.map((r) => ({ id: r._id, deptId: r.deptId, deptName: r.deptName, checkInAt: r.checkInAt, source: r.source, flags: r.flags })),
      otherPlans: otherPlans.map((p) => ({ deptId: p.deptId, title: p.title, from: p.from, to: p.to })),
      jointSuggested: otherPlans.length > 0 || recent.some((r) => r.deptId !== dept._id),
      ...(joinable ? { openInspection: toInspectionView(joinable, now) } : {}),
      exceptionCategories: settings.quietPeriod.categories,
    }
  },
})
