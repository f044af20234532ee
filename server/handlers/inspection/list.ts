import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { newestInspectionsPage } from '../../store/inspection-pages'

/**
 * The caller's inspections, newest first, 20 a page. `overdue` includes open ones past
 * their deadline that the scheduler has not marked yet; `open` excludes them.
 */
export const list = action('inspection', 'list', {
  access: ['officer'],
  async handle(input, ctx) {
    const officerId = ctx.caller.user?.officerId ?? fail('FORBIDDEN', '您的账号未绑定执法证')
    const _ = ctx.db.command
    const conditions: DocData[] = [{ officerIds: officerId }]
    if (input.status === 'closed' || input.status === 'withdrawn') conditions.push({ status: input.status })
    if (input.status === 'open') conditions.push({ status: 'open', dueAt: _.gte(ctx.now) })
    if (input.status === 'overdue') conditions.push(_.or({ status: 'overdue' }, { status: 'open', dueAt: _.lt(ctx.now) }))
    return newestInspectionsPage(ctx, conditions, input.cursor)
  },
})
