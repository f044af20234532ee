import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { addInto, monthsEnding, presentFigures, sumFigures, zeroFigures, type FiguresViewer } from '../../domain/dept-figures'
import type { DepartmentRecord } from '../../domain/records'
import { cityOf, regionCovers } from '../../domain/scope'
import { chinaDate } from '../../domain/china-time'
import { calendarWarning } from '../../domain/working-days'
import { deptFigures, type CounterFigures, type CounterRecord } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { monthFiguresByDepartment, readCounters, regionTotal, type DeptMonth } from '../../store/figures'
import { supervisorScope } from '../../access/supervisor-scope'
import { openAlertsByKind, openOverdue, openPendingExceptions, readOpenNow } from '../../store/open-now'

const TREND_MONTHS = 12

/**
 * The month at a glance (SPEC §3 dashboard), from the kept counters only. A supervisor
 * sees what happened in their region (a city supervisor: the city, or one county with
 * `region`); a department admin their own department wherever it went. Figures are kept
 * where the company is (store/counters.ts), so a county's dashboard counts the same
 * inspections as its lists and alerts, a city department's visits in the county included.
 * `trend`: the 12 months ending at `month`. `overdueOpen`: red lights open today, whatever
 * month they began (each department's part without its result); `openAlerts`: open alerts
 * by kind, the red lights and the special cases waiting for review among them. Both from
 * the kept open-now documents (store/open-now.ts), never a count of records.
 *
 * Reads: the scope's counters documents of the 12 months (figures.ts readCounters; one
 * per region and month: ≈ 228 for the city, 3 queries of one page sent together) beside
 * its departments (names, and zero rows) and its open-now documents (one per county, one
 * query); the month's rows come from the same documents. A department admin: their
 * department, then the city's documents (its entry of each).
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
    let overdueOpen: number
    let openAlerts: Record<string, number> | undefined
    if (user.roles.includes('supervisor')) {
      viewer = 'supervisor'
      const scope = supervisorScope(ctx, input.region)
      const open = readOpenNow(ctx.db, scope.where)
      // One read of the scope's counters for the 12 months; the month's rows come from it too.
      const counters = readCounters(ctx, scope.where, months)
      rows = await monthFiguresByDepartment(ctx, scope.where, input.month, counters)
      trend = trendOf(await counters, regionTotal)
      const openDocs = await open
      overdueOpen = openOverdue(openDocs)
      openAlerts = { ...openAlertsByKind(openDocs), overdue: overdueOpen, pending_exception: openPendingExceptions(openDocs) }
    } else {
      viewer = 'deptAdmin'
      const deptId = user.deptId ?? fail('FORBIDDEN', '您的账号未绑定执法单位')
      const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', deptId)
      if (!dept) return fail('NOT_FOUND', '没有找到您所在的执法单位')
      if (input.region !== undefined && !regionCovers(input.region, dept.region)) fail('FORBIDDEN', '执法单位管理员只能查看本单位的数据')
      // The department's visits are kept where the companies are: the city's documents, its own entry of each.
      const city = { city: cityOf(dept.region) }
      const [counters, openDocs] = await Promise.all([readCounters(ctx, city, months), readOpenNow(ctx.db, city)])
      trend = trendOf(counters, (doc) => deptFigures(doc, deptId))
      rows = [{ deptId, deptName: dept.name, region: dept.region, figures: trend.get(input.month) ?? zeroFigures() }]
      overdueOpen = openOverdue(openDocs, deptId)
    }

    rows.sort((a, b) => b.figures.inspections - a.figures.inspections || a.deptName.localeCompare(b.deptName, 'zh-Hans-CN'))
    const totals = sumFigures(rows.map((r) => r.figures))
    return {
      month: input.month,
      totals: presentFigures(totals, viewer, min),
      byDepartment: rows.map((r) => ({ deptId: r.deptId, deptName: r.deptName, region: r.region, ...presentFigures(r.figures, viewer, min) })),
      trend: months.map((m) => {
        const f = trend.get(m) ?? zeroFigures()
        return {
          month: m,
          inspections: f.inspections,
          overdue: f.overdue,
          quietExceptions: f.quietExceptions.pending + f.quietExceptions.justified + f.quietExceptions.unjustified,
        }
      }),
      ...calendarNotice(ctx, viewer),
      overdueOpen,
      rules: { minRatings: min, badAtMost: ctx.settings.rating.badAtMost },
      ...(openAlerts ? { openAlerts } : {}),
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
  for (const doc of counters) {
    const month = out.get(doc.month) ?? zeroFigures()
    out.set(doc.month, addInto(month, pick(doc)))
  }
  return out
}
