import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { newestInspectionsPage } from '../../store/inspection-pages'
import { assertOwnDepartment, inspectionReader, whereDates } from '../../access/inspection-scope'

/**
 * Inspection search (SPEC §3 supervision.inspections), newest first, 20 a page with a
 * keyset cursor: a supervisor's region (where the company is) or a department admin's
 * department, narrowed by department, company, status, source, flag and check-in dates.
 * A department admin asking for another department is FORBIDDEN. For a county and a
 * month, the items are exactly the inspections the dashboard counts. Department admins
 * never see a rating's score (rule 21): only whether the company rated.
 */
export const inspections = action('supervision', 'inspections', {
  access: ['supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const reader = inspectionReader(ctx, input.region)
    assertOwnDepartment(reader, input.deptId, '检查')
    const _ = ctx.db.command
    const conditions: DocData[] = [reader.where]
    // A department's inspections include the joint ones it joined (rule 14).
    if (input.deptId) conditions.push(_.or({ deptId: input.deptId }, { deptIds: input.deptId }))
    if (input.companyId) conditions.push({ companyId: input.companyId })
    if (input.source) conditions.push({ source: input.source })
    if (input.flag) conditions.push({ flags: input.flag })
    conditions.push(...whereDates(ctx, input.from, input.to))
    // Status as pages show it: an open inspection past its deadline is already a red light.
    if (input.status === 'closed' || input.status === 'withdrawn') conditions.push({ status: input.status })
    if (input.status === 'open') conditions.push({ status: 'open', dueAt: _.gte(ctx.now) })
    if (input.status === 'overdue') conditions.push(_.or({ status: 'overdue' }, { status: 'open', dueAt: _.lt(ctx.now) }))
    const page = await newestInspectionsPage(ctx, conditions, input.cursor)
    if (reader.kind === 'supervisor') return page
    return { ...page, items: page.items.map((i) => ({ ...i, rating: { state: i.rating.state } })) }
  },
})
