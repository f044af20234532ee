import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { chinaDate } from '../../domain/china-time'
import type { PlanRecord } from '../../domain/inspection-records'
import { callerOfficer } from './officer'
import { toPlanView } from './views'

/** The officer's own department's approved plans that have not ended, the soonest-ending first (at most 100). */
export const plans = action('inspection', 'plans', {
  access: ['officer'],
  async handle(_input, ctx) {
    const { dept } = await callerOfficer(ctx)
    const _ = ctx.db.command
    const today = chinaDate(ctx.now, ctx.settings.timezone)
    const got = await ctx.db.collection('plans').where({ deptId: dept._id, status: 'approved', to: _.gte(today) }).orderBy('to', 'asc').limit(MAX_GET).get()
    return { items: (got.data as unknown as PlanRecord[]).map(toPlanView) }
  },
})
