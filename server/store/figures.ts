import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import { addInto, zeroFigures } from '../domain/dept-figures'
import type { DepartmentRecord } from '../domain/records'
import { COUNTERS, type CounterFigures, type CounterRecord } from './counters'
import { readAllPages, readByIds } from './paging'

/**
 * The figures of one month for the departments of a region, read from the kept counters
 * only (ARCHITECTURE rule 6): one counters document per region and month (its `depts`
 * hold every department's figures), plus the region's departments for their names and
 * the zero rows of departments without figures. The cost grows with regions and
 * departments, never with inspections. Shared by the dashboard and the monthly 通报.
 */

export interface DeptMonth {
  deptId: string
  deptName: string
  region: string
  figures: CounterFigures
}

/**
 * Months per query of a city's counters: one document per region and month, so 4 months
 * of up to 25 regions (Ganzhou: 19) fill at most one page of 100.
 */
const CITY_MONTHS_PER_QUERY = 4

/**
 * The counters documents of the scope in those months. A region's: one query (≤ 12
 * documents). A city's (≈ 19 regions × 12 months = 228): one query per 4 months, sent
 * together, each one page (a fuller one pages on) — the same calls as paging one query,
 * but side by side instead of one after the other.
 */
export async function readCounters(ctx: Ctx, scopeWhere: DocData, months: string[]): Promise<CounterRecord[]> {
  const per = 'city' in scopeWhere ? CITY_MONTHS_PER_QUERY : months.length
  const groups: string[][] = []
  for (let i = 0; i < months.length; i += per) groups.push(months.slice(i, i + per))
  const pages = await Promise.all(
    groups.map((group) => readAllPages<CounterRecord>(ctx.db, COUNTERS, { ...scopeWhere, month: group.length === 1 ? group[0] : ctx.db.command.in(group) })),
  )
  return pages.flat()
}

/** A counters document's departments' figures summed (a trend point of one region). */
export function regionTotal(doc: CounterRecord): CounterFigures {
  return Object.values(doc.depts ?? {}).reduce<CounterFigures>((sum, f) => addInto(sum, f), zeroFigures())
}

/**
 * Every department of the scope with its figures of `month`. `counters`: the scope's
 * counters documents when the caller reads them (any months; only `month`'s are used;
 * a promise, so both reads go out together), else they are read here, beside the
 * departments.
 */
export async function monthFiguresByDepartment(
  ctx: Ctx,
  scopeWhere: DocData,
  month: string,
  counters?: CounterRecord[] | Promise<CounterRecord[]>,
): Promise<DeptMonth[]> {
  const [departments, docs] = await Promise.all([
    readAllPages<DepartmentRecord>(ctx.db, 'departments', scopeWhere),
    counters ?? readCounters(ctx, scopeWhere, [month]),
  ])
  const ofMonth = docs.filter((d) => d.month === month)
  const byId = new Map<string, DeptMonth>()
  for (const d of departments) byId.set(d._id, { deptId: d._id, deptName: d.name, region: d.region, figures: zeroFigures() })
  // Figures kept under this scope for a department now listed elsewhere still count here.
  const strays = ofMonth.flatMap((doc) => Object.keys(doc.depts ?? {})).filter((id) => !byId.has(id))
  const strayDepts = strays.length ? await readByIds<DepartmentRecord>(ctx.db, 'departments', strays) : []
  const names = new Map(strayDepts.map((d) => [d._id, d.name]))
  for (const doc of ofMonth) {
    for (const [deptId, entry] of Object.entries(doc.depts ?? {})) {
      const row = byId.get(deptId) ?? { deptId, deptName: names.get(deptId) ?? deptId, region: doc.region, figures: zeroFigures() }
      // A department that moved within the month has entries in two regions' documents.
      addInto(row.figures, entry)
      byId.set(deptId, row)
    }
  }
  return [...byId.values()]
}
