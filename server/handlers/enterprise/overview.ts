import { action } from '../../platform/handler'
import { MAX_GET } from '../../platform/db'
import { chinaYear, startOfChinaDay } from '../../domain/china-time'
import { GATE_CODE_PAGE, gateScene } from '../../domain/gate-code'
import type { InspectionRecord, ServiceVisitRecord } from '../../domain/inspection-records'
import { visitRateUntil } from '../../domain/service-visit'
import { SERVICE_VISITS } from '../../store/service-visits'
import { quietPeriodAppliesTo, quietPeriodStatus } from '../../domain/quiet-period'
import { callerCompany } from '../../access/company'
import { rateFromListUntil } from '../../access/rating'

/** At most this many inspections of one company in a year are read for its home (5 pages). */
const MAX_YEAR_PAGES = 5

/**
 * The company's home (SPEC §5 release 2): the gate code to show or print, whether the
 * quiet period protects it today, and this year's inspections per department — planned
 * ones against the yearly cap, case-sourced and special-case ones (not capped, shown), and
 * service visits (rule 19) — plus how many results and service visits it can still rate from its list. A joint
 * inspection counts for each of its departments (rule 14); withdrawn ones count nowhere.
 */
export const overview = action('enterprise', 'overview', {
  access: ['enterprise'],
  async handle(_input, ctx) {
    const company = await callerCompany(ctx)
    const { settings, now } = ctx
    const year = chinaYear(now, settings.timezone)
    const from = startOfChinaDay(`${year}-01-01`, settings.timezone)
    const _ = ctx.db.command
    const rows: InspectionRecord[] = []
    let before = Number.MAX_SAFE_INTEGER
    for (let page = 0; page < MAX_YEAR_PAGES; page++) {
      const got = await ctx.db
        .collection('inspections')
        .where({ companyId: company._id, checkInAt: _.and(_.gte(from), _.lt(before)) })
        .orderBy('checkInAt', 'desc')
        .limit(MAX_GET)
        .get()
      const batch = got.data as unknown as InspectionRecord[]
      rows.push(...batch)
      if (batch.length < MAX_GET) break
      before = batch[batch.length - 1].checkInAt
    }
    const byDept = new Map<string, { deptId: string; deptName: string; planned: number; cap: number; caseSourced: number; service: number }>()
    let toRate = 0
    const deptOf = (deptId: string, deptName: string) => {
      const d = byDept.get(deptId) ?? { deptId, deptName, planned: 0, cap: settings.frequencyCap.perDeptCompanyYear, caseSourced: 0, service: 0 }
      byDept.set(deptId, d)
      return d
    }
    for (const r of rows) {
      if (r.status === 'withdrawn') continue
      for (const part of [{ deptId: r.deptId, deptName: r.deptName, capCounted: r.capCounted }, ...(r.joins ?? [])]) {
        const d = deptOf(part.deptId, part.deptName)
        if (part.capCounted) d.planned++
        else d.caseSourced++
      }
      const until = rateFromListUntil(r, settings)
      if (r.rating.state !== 'rated' && until !== null && now <= until) toRate++
    }
    // Service visits of the year (rule 19, the newest 100): not inspections, shown beside them; those still to rate.
    const visits = await ctx.db
      .collection(SERVICE_VISITS)
      .where({ companyId: company._id, at: _.gte(from) })
      .orderBy('at', 'desc')
      .limit(MAX_GET)
      .get()
    let serviceToRate = 0
    for (const v of visits.data as unknown as ServiceVisitRecord[]) {
      deptOf(v.deptId, v.deptName).service++
      if (v.rating.state !== 'rated' && now <= visitRateUntil(v, settings)) serviceToRate++
    }
    const quiet = quietPeriodStatus(now, settings)
    return {
      company: {
        id: company._id,
        name: company.name,
        inPark: company.inPark,
        ...(company.parkName ? { parkName: company.parkName } : {}),
        monitoringPoint: company.monitoringPoint,
      },
      gate: { scene: gateScene(company._id), path: GATE_CODE_PAGE },
      quiet: { active: quiet.active, appliesToCompany: quietPeriodAppliesTo(company, settings), windowEnd: quiet.windowEnd },
      year: {
        year,
        byDepartment: [...byDept.values()].sort(
          (a, b) => b.planned + b.caseSourced - (a.planned + a.caseSourced) || a.deptName.localeCompare(b.deptName, 'zh'),
        ),
      },
      toRate,
      serviceToRate,
    }
  },
})
