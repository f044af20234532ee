import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { newId } from '../../platform/ids'
import type { Ctx } from '../../platform/context'
import { MAX_GET } from '../../platform/db'
import type { PlanRecord } from '../../domain/inspection-records'
import type { DepartmentRecord } from '../../domain/records'
import { cityOf, regionCovers } from '../../domain/scope'
import { readDoc, setDoc } from '../../store/docs'
import { toPlanView } from '../../views/inspection'
import { invalidField } from '../../platform/field-labels'

/**
 * A department admin files an inspection plan (measure 3): kind, items, legal basis,
 * companies and window. It waits for a supervisor of the department's region.
 */
export const submitPlan = action('supervision', 'submitPlan', {
  access: ['deptAdmin'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    if (user.deptId !== input.deptId) fail('FORBIDDEN', '只能为本单位提交检查计划')
    if (input.from > input.to) {
      const message = '结束日期不能早于开始日期'
      invalidField(['to'], message)
    }
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', input.deptId)
    if (!dept) return fail('NOT_FOUND', '没有找到该执法单位')
    const companyIds = [...new Set(input.companyIds)]
    const { missing, outside } = await companiesOutside(ctx, companyIds, dept.region)
    if (missing.length > 0) fail('NOT_FOUND', `以下企业不存在：${missing.slice(0, 5).join('、')}${missing.length > 5 ? ' 等' : ''}`, { missing })
    // SPEC §6: a department plans only inside its own region (a city department: the whole city).
    if (outside.length > 0)
      fail(
        'FORBIDDEN',
        `以下企业不在本单位管辖区域内，不能列入本单位的检查计划：${outside
          .slice(0, 5)
          .map((c) => c.name)
          .join('、')}${outside.length > 5 ? ' 等' : ''}`,
        { outside: outside.map((c) => c.id) },
      )

    const plan: PlanRecord = {
      _id: newId('plan'),
      deptId: dept._id,
      region: dept.region,
      city: cityOf(dept.region),
      title: input.title,
      kind: input.kind,
      items: input.items,
      basis: input.basis,
      companyIds,
      from: input.from,
      to: input.to,
      status: 'pending',
      submittedBy: user._id,
      submittedAt: ctx.now,
    }
    await ctx.db.runTransaction(async (tx) => {
      await setDoc(tx, 'plans', plan)
      await audit(
        ctx,
        {
          action: 'supervision.submitPlan',
          target: `plans/${plan._id}`,
          details: { deptId: plan.deptId, kind: plan.kind, companies: companyIds.length, from: plan.from, to: plan.to },
        },
        tx,
      )
    })
    return { plan: toPlanView(plan) }
  },
})

/** The ids among `ids` with no company, and the companies outside `region`, read in pages of the cloud's 100. */
async function companiesOutside(ctx: Ctx, ids: string[], region: string): Promise<{ missing: string[]; outside: Array<{ id: string; name: string }> }> {
  const found = new Set<string>()
  const outside: Array<{ id: string; name: string }> = []
  for (let i = 0; i < ids.length; i += MAX_GET) {
    const chunk = ids.slice(i, i + MAX_GET)
    const got = await ctx.db
      .collection('companies')
      .where({ _id: ctx.db.command.in(chunk) })
      .limit(MAX_GET)
      .get()
    for (const doc of got.data) {
      found.add(String(doc._id))
      if (!regionCovers(region, String(doc.region))) outside.push({ id: String(doc._id), name: String(doc.name) })
    }
  }
  return { missing: ids.filter((id) => !found.has(id)), outside }
}
