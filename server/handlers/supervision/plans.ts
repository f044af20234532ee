import type { PlanFacts } from '@contract'
import type { Ctx } from '../../platform/context'
import type { DocData } from '../../platform/db'
import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { PlanRecord } from '../../domain/inspection-records'
import { isCityRegion, normalizeRegion } from '../../domain/scope'
import type { CompanyRecord } from '../../domain/records'
import { quietDaysBetween, quietPeriodAppliesTo } from '../../domain/quiet-period'
import { readAllPages, readByIds } from '../../store/paging'
import { toPlanView } from '../../views/inspection'

/**
 * Plans, newest first (at most 100): a department admin sees their own department's;
 * a supervisor those of departments in their region (optionally one department).
 */
export const plans = action('supervision', 'plans', {
  access: ['deptAdmin', 'supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const where: DocData = {}
    if (user.roles.includes('supervisor')) {
      const region = user.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
      const scope = normalizeRegion(region)
      if (isCityRegion(scope)) where.city = scope
      else where.region = scope
      if (input.deptId) where.deptId = input.deptId
    } else {
      if (!user.deptId) fail('FORBIDDEN', '您的账号未绑定执法单位')
      if (input.deptId && input.deptId !== user.deptId) fail('FORBIDDEN', '只能查看本单位的检查计划')
      where.deptId = user.deptId
    }
    if (input.status) where.status = input.status
    const got = await ctx.db.collection('plans').where(where).orderBy('submittedAt', 'desc').limit(MAX_GET).get()
    const records = got.data as unknown as PlanRecord[]
    if (!user.roles.includes('supervisor')) return { items: records.map(toPlanView) }
    const facts = await pendingPlanFacts(ctx, records)
    return { items: records.map((p) => ({ ...toPlanView(p), ...(facts.has(p._id) ? { facts: facts.get(p._id) } : {}) })) }
  },
})

/**
 * The facts of the pending plans among `plans` (what a reviewer weighs, PlanFacts): their
 * companies, read by id, their dates against the quiet period, and the other pending or
 * approved plans of their departments that overlap in time (one query per department).
 */
async function pendingPlanFacts(ctx: Ctx, plans: PlanRecord[]): Promise<Map<string, PlanFacts>> {
  const pending = plans.filter((p) => p.status === 'pending')
  const out = new Map<string, PlanFacts>()
  if (pending.length === 0) return out
  const _ = ctx.db.command
  const deptIds = [...new Set(pending.map((p) => p.deptId))]
  const [companies, others] = await Promise.all([
    readByIds<CompanyRecord>(
      ctx.db,
      'companies',
      pending.flatMap((p) => p.companyIds),
    ),
    Promise.all(deptIds.map((deptId) => readAllPages<PlanRecord>(ctx.db, 'plans', { deptId, status: _.in(['pending', 'approved']) }))),
  ])
  const byId = new Map(companies.map((c) => [c._id, c]))
  const siblings = others.flat()
  for (const p of pending) {
    const named = p.companyIds.map((id) => byId.get(id)).filter((c): c is CompanyRecord => !!c)
    const mine = new Set(p.companyIds)
    out.set(p._id, {
      companies: named.map((c) => ({ id: c._id, name: c.name, region: c.region, inPark: c.inPark, ...(c.parkName ? { parkName: c.parkName } : {}) })),
      quiet: { ...quietDaysBetween(p.from, p.to, ctx.settings), parkCompanies: named.filter((c) => quietPeriodAppliesTo(c, ctx.settings)).length },
      overlaps: siblings
        .filter((o) => o.deptId === p.deptId && o._id !== p._id && o.from <= p.to && p.from <= o.to)
        .map((o) => ({
          planId: o._id,
          title: o.title,
          from: o.from,
          to: o.to,
          status: o.status,
          sharedCompanies: o.companyIds.filter((id) => mine.has(id)).length,
        })),
    })
  }
  return out
}
