import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { chinaDate } from '../../domain/china-time'
import type { PlanRecord } from '../../domain/inspection-records'
import { callerOfficer } from '../../access/officer'
import { toPlanView } from '../../views/inspection'

/** The officer's own department's approved plans that have not ended, the soonest-ending first (at most 100). */
export const plans = action('inspection', 'plans', {
  access: ['officer'],
  async handle(_input, ctx) {
    const { dept } = await callerOfficer(ctx)
    const _ = ctx.db.command
    const today = chinaDate(ctx.now, ctx.settings.timezone)
    const got = await ctx.db
      .collection('plans')
      .where({ deptId: dept._id, status: 'approved', to: _.gte(today) })
      .orderBy('to', 'asc')
      .limit(MAX_GET)
      .get()
    const plans = got.data as unknown as PlanRecord[]
    // The companies' names, so the officer can pick one (e.g. to back-fill a visit): one query per plan, ids only.
    const names = new Map<string, string>()
    for (const p of plans) {
      const missing = p.companyIds.filter((id) => !names.has(id)).slice(0, MAX_GET)
      if (!missing.length) continue
      const cos = await ctx.db
        .collection('companies')
        .where({ _id: _.in(missing) })
        .limit(MAX_GET)
        .get()
      for (const c of cos.data as unknown as Array<{ _id: string; name: string }>) names.set(c._id, c.name)
    }
    return { items: plans.map((p) => ({ ...toPlanView(p), companies: p.companyIds.map((id) => ({ id, name: names.get(id) ?? '' })) })) }
  },
})
