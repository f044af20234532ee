import type { Ctx } from '../../platform/context'
import type { DocData } from '../../platform/db'
import { figuresOf } from '../../domain/dept-figures'
import type { DepartmentRecord } from '../../domain/records'
import { COUNTERS, type CounterFigures, type CounterRecord } from '../../store/counters'
import { readAllPages, readByIds } from '../../store/paging'

/**
 * The figures of one month for the departments of a region, read from the kept counters
 * only (ARCHITECTURE rule 6): one counters document per department and month, plus the
 * region's departments for their names. The cost grows with departments, never with
 * inspections. Shared by the dashboard and the monthly 通报.
 */

export interface DeptMonth {
  deptId: string
  deptName: string
  region: string
  figures: CounterFigures
}

export async function monthFiguresByDepartment(ctx: Ctx, scopeWhere: DocData, month: string): Promise<DeptMonth[]> {
  const [departments, counters] = [
    await readAllPages<DepartmentRecord>(ctx.db, 'departments', scopeWhere),
    await readAllPages<CounterRecord>(ctx.db, COUNTERS, { ...scopeWhere, month }),
  ]
  const byId = new Map<string, DeptMonth>()
  for (const d of departments) byId.set(d._id, { deptId: d._id, deptName: d.name, region: d.region, figures: figuresOf(null) })
  // A counter kept under this region for a department now listed elsewhere still counts here.
  const strays = counters.filter((c) => !byId.has(c.deptId)).map((c) => c.deptId)
  const strayDepts = strays.length ? await readByIds<DepartmentRecord>(ctx.db, 'departments', strays) : []
  const names = new Map(strayDepts.map((d) => [d._id, d.name]))
  for (const c of counters) {
    const row = byId.get(c.deptId) ?? { deptId: c.deptId, deptName: names.get(c.deptId) ?? c.deptId, region: c.region, figures: figuresOf(null) }
    row.figures = figuresOf(c)
    byId.set(c.deptId, row)
  }
  return [...byId.values()]
}
