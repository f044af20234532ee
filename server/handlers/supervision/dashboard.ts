import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { addFigures, monthsEnding, presentFigures, sumFigures, zeroFigures, type FiguresViewer } from '../../domain/dept-figures'
import type { DepartmentRecord } from '../../domain/records'
import { AlertKind } from '@contract'
import type { Ctx } from '../../platform/context'
import { ALERTS } from '../../store/alerts'
import type { DocData } from '../../platform/db'
import { cityOf, regionCovers } from '../../domain/scope'
import { chinaDate } from '../../domain/china-time'
import { calendarWarning } from '../../domain/working-days'
import { deptFigures, type CounterFigures, type CounterRecord } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { monthFiguresByDepartment, readCounters, regionTotal, type DeptMonth } from '../../store/figures'
import { supervisorScope } from '../../access/supervisor-scope'

const TREND_MONTHS = 12

/**
 * The month at a glance (SPEC §3 dashboard), from the kept counters only. A supervisor
 * sees what happened in their region (a city supervisor: the city, or one county with
 * `region`); a department admin their own department wherever it went. Figures are kept
 * where the company is (store/counters.ts), so a county's dashboard counts the same
 * inspections as its lists and alerts, a city department's visits in the county included.
 * `trend`: the 12 months ending at `month`. `overdueOpen`: red lights open today, whatever
 * month they began (one count of the scope's overdue inspections).
 *
 * Reads: the scope's counters documents of the 12 months (figures.ts readCounters; one
 * per region and month: ≈ 228 for the city, 3 queries of one page sent together) beside
 * its departments (names, and zero rows); the month's rows come from the same documents.
 * A department admin: their department, then the city's documents (its entry of each).
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
    let overdueOpen: Promise<number>
    let openAlerts: Promise<Record<string, number>> | undefined
    if (user.roles.includes('supervisor')) {
      viewer = 'supervisor'
      const scope = supervisorScope(ctx, input.region)
      overdueOpen = countOverdue(ctx, scope.where)
      openAlerts = countOpenAlerts(ctx, scope.where, overdueOpen)
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
      overdueOpen = countOverdue(ctx, { deptId })
      // The department's visits are kept where the companies are: the city's documents, its own entry of each.
      const counters = await readCounters(ctx, { city: cityOf(dept.region) }, months)
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
        return {
          month: m,
          inspections: f.inspections,
          overdue: f.overdue,
          quietExceptions: f.quietExceptions.pending + f.quietExceptions.justified + f.quietExceptions.unjustified,
        }
      }),
      ...calendarNotice(ctx, viewer),
      overdueOpen: await overdueOpen,
      rules: { minRatings: min, badAtMost: ctx.settings.rating.badAtMost },
      ...(openAlerts ? { openAlerts: await openAlerts } : {}),
    }
  },
})

/** Supervisors are told when the working-day calendar is about to run out (settings `calendar`). */
function calendarNotice(ctx: { now: number; settings: { timezone: string; calendar: Parameters<typeof calendarWarning>[1] } }, viewer: FiguresViewer) {
  if (viewer !== 'supervisor') return {}
  const warning = calendarWarning(chinaDate(ctx.now, ctx.settings.timezone), ctx.settings.calendar)
  return warning ? { calendarWarning: warning } : {}
}

/** Inspections of the scope that are red lights now (status `overdue`: no result past the deadline). */
async function countOverdue(ctx: Ctx, where: DocData): Promise<number> {
  const got = await ctx.db
    .collection('inspections')
    .where({ ...where, status: 'overdue' })
    .count()
  return got.total
}

/**
 * Open alerts of the scope by kind (rule 21), as the alerts page lists them: one count per
 * stored kind; a red light is open while its inspection is overdue (`overdueOpen`), and a
 * pending special case while it waits for review (the alerts page lists those from the
 * inspections too).
 */
async function countOpenAlerts(ctx: Ctx, where: DocData, overdueOpen: Promise<number>): Promise<Record<string, number>> {
  const stored = STORED_KINDS.map(
    async (kind) =>
      [
        kind,
        (
          await ctx.db
            .collection(ALERTS)
            .where({ ...where, resolved: false, kind })
            .count()
        ).total,
      ] as const,
  )
  const pending = ctx.db
    .collection('inspections')
    .where({ ...where, 'exception.review': 'pending' })
    .count()
  const counts: Record<string, number> = Object.fromEntries(await Promise.all(stored))
  return { ...counts, overdue: await overdueOpen, pending_exception: (await pending).total }
}

const STORED_KINDS: AlertKind[] = AlertKind.options.filter((k) => k !== 'overdue' && k !== 'pending_exception')

/** Month → the figures `pick` takes from each counters document, summed. */
function trendOf(counters: CounterRecord[], pick: (doc: CounterRecord) => CounterFigures): Map<string, CounterFigures> {
  const out = new Map<string, CounterFigures>()
  for (const doc of counters) out.set(doc.month, addFigures(out.get(doc.month) ?? zeroFigures(), pick(doc)))
  return out
}
