import type { Ctx } from '../../platform/context'
import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import type { GatePlan } from '../../domain/gate'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { PlanRecord } from '../../domain/inspection-records'
import { readOrFail } from '../../store/docs'
import { readInScope } from '../../access/supervisor-scope'
import { toPlanView } from '../../views/inspection'

/**
 * An approved plan is copied onto the gate of every company it names (`gate.plans.<planId>`),
 * so the check-in answers rule 2 from the company document it reads anyway: one
 * multi-document update per 100 companies, after the approval has committed (a rejected
 * or failed review never reaches a gate). Should the copy be cut short, a check-in that
 * names the plan still finds it: it reads the plan's own document when the gate lacks it.
 */
async function markPlanOnGates(ctx: Ctx, plan: PlanRecord): Promise<void> {
  const _ = ctx.db.command
  const mark: GatePlan = { deptId: plan.deptId, kind: plan.kind, title: plan.title, from: plan.from, to: plan.to }
  for (let i = 0; i < plan.companyIds.length; i += MAX_GET) {
    const ids = plan.companyIds.slice(i, i + MAX_GET)
    await ctx.db
      .collection('companies')
      .where({ _id: _.in(ids) })
      .update({ data: { [`gate.plans.${plan._id}`]: mark } })
  }
}

/** A supervisor of the plan's region approves or rejects a pending plan, with a comment. */
export const reviewPlan = action('supervision', 'reviewPlan', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    await readInScope<PlanRecord>(ctx, 'plans', input.planId, { missing: '没有找到该检查计划', outside: '该计划不在您的监督辖区内' })
    const reviewed = await ctx.db.runTransaction(async (tx) => {
      const current = await readOrFail<PlanRecord>(tx, 'plans', input.planId, '没有找到该检查计划')
      if (current.status !== 'pending')
        return fail('CONFLICT', `该计划已${current.status === 'approved' ? '批准' : '驳回'}，不能重复审核`, { status: current.status })
      const review = { by: user._id, at: ctx.now, decision: input.decision, comment: input.comment }
      const status = input.decision === 'approve' ? 'approved' : 'rejected'
      await tx.collection('plans').doc(current._id).update({ data: { status, review } })
      await audit(ctx, { action: 'supervision.reviewPlan', target: `plans/${current._id}`, details: { decision: input.decision, comment: input.comment } }, tx)
      return { ...current, status, review } as PlanRecord
    })
    if (reviewed.status === 'approved') await markPlanOnGates(ctx, reviewed)
    return { plan: toPlanView(reviewed) }
  },
})
