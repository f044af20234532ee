import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { addFigures, monthsEnding, presentFigures, sumFigures, zeroFigures, type FiguresViewer } from '../../domain/dept-figures'
import type { DepartmentRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { chinaDate } from '../../domain/china-time'
import { calendarWarning } from '../../domain/working-days'
import { deptFigures, type CounterFigures, type CounterRecord } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { monthFiguresByDepartment, readCounters, regionTotal, type DeptMonth } from './figures'
import { supervisorScope } from './scope'

const TREND_MONTHS = 12

/**
 * The month at a glance (SPEC §3 dashboard), from the kept counters only. A supervisor
 * sees the departments of their region (a city supervisor: the city, or one county with
 * `region`); a department admin only their own department. Figures are kept under the
 * department's region, so a county's dashboard shows the county's departments (city
 * departments appear on the city's). `trend`: the 12 months ending at `month`.
 *
 * Reads: the scope's counters documents of the 12 months (figures.ts readCounters; one
 * per region and month: ≈ 228 for the city, 3 queries of one page sent together) beside
 * its departments (names, and zero rows); the month's rows come from the same documents.
 * A department admin: their department, then its region's ≤ 12 documents.
 */
export const dashboard = action('supervision', 'dashboard', {
  access: ['supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const min = ctx.settings.rating.minCountForAggregate
    const months = monthsEnding(input.month, TREND_MONTHS)

    let viewer: FiguresViewer
    let rows: DeptMonth[]
    let trend: Map<string, CounterFigures>
    if (user.roles.includes('supervisor')) {
      viewer = 'supervisor'
      const scope = supervisorScope(ctx, input.region)
      // One read of the scope's counters for the 12 months; the month's rows come from it too.
      const counters = readCounters(ctx, scope.where, months)
      rows = await monthFiguresByDepartment(ctx, scope.where, input.month, counters)
      trend = trendOf(await counters, regionTotal)
    } else {
      viewer = 'deptAdmin'
      const deptId = user.deptId ?? fail('FORBIDDEN', '您的账号未绑定执法单位')
      const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', deptId)
      if (!dept) return fail('NOT_FOUND', '没有找到您所在的执法单位')
      if (input.region !== undefined && !regionCovers(input.region, dept.region)) fail('FORBIDDEN', '执法单位管理员只能查看本单位的数据')
      // The documents of the department's region (≤ 12), its own entry of each.
      const counters = await readCounters(ctx, { region: dept.region }, months)
      trend = trendOf(counters, (doc) => deptFigures(doc, deptId))
      rows = [{ deptId, deptName: dept.name, region: dept.region, figures: trend.get(input.month) ?? zeroFigures() }]
    }

    rows.sort((a, b) => b.figures.inspections - a.figures.inspections || a.deptName.localeCompare(b.deptName, 'zh-Hans-CN'))
    const totals = sumFigures(rows.map((r) => r.figures))
    return {
      month: input.month,
      totals: presentFigures(totals, viewer, min),
      byDepartment: rows.map((r) => ({ deptId: r.deptId, deptName: r.deptName, region: r.region, ...presentFigures(r.figures, viewer, min) })),
      trend: months.map((m) => {
        const f = trend.get(m) ?? zeroFigures()
        return { month: m, inspections: f.inspections, overdue: f.overdue, quietExceptions: f.quietExceptions.pending + f.quietExceptions.justified + f.quietExceptions.unjustified }
      }),
      ...calendarNotice(ctx, viewer),
    }
  },
})

/** Supervisors are told when the working-day calendar is about to run out (settings `calendar`). */
function calendarNotice(ctx: { now: number; settings: { timezone: string; calendar: Parameters<typeof calendarWarning>[1] } }, viewer: FiguresViewer) {
  if (viewer !== 'supervisor') return {}
  const warning = calendarWarning(chinaDate(ctx.now, ctx.settings.timezone), ctx.settings.calendar)
  return warning ? { calendarWarning: warning } : {}
}

/** Month → the figures `pick` takes from each counters document, summed. */
function trendOf(counters: CounterRecord[], pick: (doc: CounterRecord) => CounterFigures): Map<string, CounterFigures> {
  const out = new Map<string, CounterFigures>()
  for (const doc of counters) out.set(doc.month, addFigures(out.get(doc.month) ?? zeroFigures(), pick(doc)))
  return out
}
