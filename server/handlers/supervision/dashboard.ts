import type { Ctx } from '../../platform/context'
import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { addFigures, figuresOf, monthsEnding, presentFigures, sumFigures, zeroFigures, type FiguresViewer } from '../../domain/dept-figures'
import type { DepartmentRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { COUNTERS, type CounterFigures, type CounterRecord } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { forEachPage } from '../../store/paging'
import { monthFiguresByDepartment, type DeptMonth } from './figures'
import { supervisorScope } from './scope'

const TREND_MONTHS = 12

/**
 * The month at a glance (SPEC §3 dashboard), from the kept counters only. A supervisor
 * sees the departments of their region (a city supervisor: the city, or one county with
 * `region`); a department admin only their own department. Figures are kept under the
 * department's region, so a county's dashboard shows the county's departments (city
 * departments appear on the city's). `trend`: the 12 months ending at `month`.
 */
export const dashboard = action('supervision', 'dashboard', {
  access: ['supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const min = ctx.settings.rating.minCountForAggregate
    const months = monthsEnding(input.month, TREND_MONTHS)

    let viewer: FiguresViewer
    let rows: DeptMonth[]
    let trendWhere: DocData
    if (user.roles.includes('supervisor')) {
      viewer = 'supervisor'
      const scope = supervisorScope(ctx, input.region)
      rows = await monthFiguresByDepartment(ctx, scope.where, input.month)
      trendWhere = scope.where
    } else {
      viewer = 'deptAdmin'
      const deptId = user.deptId ?? fail('FORBIDDEN', '您的账号未绑定执法单位')
      const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', deptId)
      if (!dept) return fail('NOT_FOUND', '没有找到您所在的执法单位')
      if (input.region !== undefined && !regionCovers(input.region, dept.region)) fail('FORBIDDEN', '执法单位管理员只能查看本单位的数据')
      const counter = await readDoc<CounterRecord>(ctx.db, COUNTERS, `${deptId}_${input.month}`)
      rows = [{ deptId, deptName: dept.name, region: dept.region, figures: figuresOf(counter) }]
      trendWhere = { deptId }
    }

    rows.sort((a, b) => b.figures.inspections - a.figures.inspections || a.deptName.localeCompare(b.deptName, 'zh-Hans-CN'))
    const totals = sumFigures(rows.map((r) => r.figures))
    const trend = await trendOf(ctx, trendWhere, months)
    return {
      month: input.month,
      totals: presentFigures(totals, viewer, min),
      byDepartment: rows.map((r) => ({ deptId: r.deptId, deptName: r.deptName, region: r.region, ...presentFigures(r.figures, viewer, min) })),
      trend: months.map((m) => {
        const f = trend.get(m) ?? zeroFigures()
        return { month: m, inspections: f.inspections, overdue: f.overdue, quietExceptions: f.quietExceptions.pending + f.quietExceptions.justified + f.quietExceptions.unjustified }
      }),
    }
  },
})

/** Month → summed figures of the counters matching `where` over those months (paged). */
async function trendOf(ctx: Ctx, where: DocData, months: string[]): Promise<Map<string, CounterFigures>> {
  const out = new Map<string, CounterFigures>()
  await forEachPage<CounterRecord>(ctx.db, COUNTERS, { ...where, month: ctx.db.command.in(months) }, (page) => {
    for (const c of page) out.set(c.month, addFigures(out.get(c.month) ?? zeroFigures(), figuresOf(c)))
  })
  return out
}
