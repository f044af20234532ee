import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { newestServiceVisitsPage } from '../../store/service-visits'
import { toServiceVisitView } from '../../views/service-visit'
import { assertOwnDepartment, inspectionReader, whereDates } from '../../access/inspection-scope'

/**
 * Service visit search 入企服务 (rule 19), newest first, 20 a page with the inspections'
 * keyset cursor: a supervisor's region (where the company is) or a department admin's
 * department, narrowed by department, company, flag (`quiet_period`: at a park company in
 * the quiet period; `off_site`) and visit dates. A department admin asking for another
 * department is FORBIDDEN. Only supervisors see a rating's score (rule 21).
 */
export const serviceVisits = action('supervision', 'serviceVisits', {
  access: ['supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const reader = inspectionReader(ctx, input.region, 'deptId')
    assertOwnDepartment(reader, input.deptId, '入企服务')
    const conditions: DocData[] = [reader.where]
    if (input.deptId) conditions.push({ deptId: input.deptId })
    if (input.companyId) conditions.push({ companyId: input.companyId })
    if (input.flag) conditions.push({ flags: input.flag })
    conditions.push(...whereDates(ctx, input.from, input.to))
    const page = await newestServiceVisitsPage(ctx, conditions, input.cursor)
    const score = reader.kind === 'supervisor'
    return { items: page.rows.map((r) => toServiceVisitView(r, { score })), ...(page.cursor ? { cursor: page.cursor } : {}) }
  },
})
