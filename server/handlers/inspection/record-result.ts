import type { InspectionFlag, InspectionResult, ParsedInput } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { departmentsWithoutResult, deptResultProblem, officerDepartments, overdueDepartments, resultOf } from '../../domain/joint'
import { findLeniencyItem } from '../../domain/leniency'
import { rectifyByProblem } from '../../domain/rectify-by'
import { isPastDue, latenessMs } from '../../domain/result-deadline'
import type { Ctx } from '../../platform/context'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { noticeResult } from '../../notices'
import { ownInspection } from '../../access/inspection'
import { issueRatingToken, RATING_PAGE } from '../../store/rating-tokens'
import { currentRatingToken } from './rating-code'
import { toInspectionView } from '../../views/inspection'

type Input = ParsedInput<'inspection', 'recordResult'>

/** The fields an outcome needs (rule 20): a rectification date in bounds, a leniency item for `no_penalty`. Answers the cited item's id. */
function checkOutcomeFields(input: Input, ctx: Ctx): string | undefined {
  const bad = (path: string, message: string): never => fail('INVALID_INPUT', message, { issues: [{ path: [path], code: 'custom', message }] })
  if (input.outcome === 'rectify' && !input.rectifyBy) bad('rectifyBy', '责令整改须填写整改期限')
  if (input.rectifyBy) {
    const problem = rectifyByProblem(input.rectifyBy, ctx.now, ctx.settings)
    if (problem === 'not_after_today') bad('rectifyBy', '整改期限须晚于今天')
    if (problem === 'too_far') bad('rectifyBy', `整改期限最长为今天起 ${ctx.settings.result.maxRectifyDays} 天`)
  }
  if (input.outcome !== 'no_penalty') return undefined
  if (!input.leniencyItemId) return bad('leniencyItemId', '不予处罚须引用不予处罚清单中的一项')
  if (!findLeniencyItem(ctx.settings, input.leniencyItemId)) return bad('leniencyItemId', '所引用的清单事项不存在，请从清单中重新选择')
  return input.leniencyItemId
}

/**
 * Records the result (SPEC §2.4, §2.8, §2.9): only by an officer of the inspection, with
 * at least two officers, once per department (rule 14: a joint inspection has one result per
 * department, each needing an officer of its own; it closes when every department has
 * recorded). A late result closes the department's red light and keeps its lateness.
 * Issues the rating code. One transaction.
 */
export const recordResult = action('inspection', 'recordResult', {
  access: ['officer'],
  async handle(input, ctx) {
    const { officerId } = await ownInspection(ctx, input.inspectionId)
    const leniency = checkOutcomeFields(input, ctx)
    const answer = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<InspectionRecord>(tx, 'inspections', input.inspectionId)
      if (!current) return fail('NOT_FOUND', '没有找到该次检查')
      if (current.status === 'withdrawn') return fail('CONFLICT', '该次检查已撤回，不能记录结果')
      // The officer records for the department they joined under.
      const deptId = officerDepartments(current)[current.officerIds.indexOf(officerId)] ?? current.deptId
      if (resultOf(current, deptId) || current.status === 'closed') return fail('CONFLICT', '本单位已记录该次检查的结果')
      const problem = deptResultProblem(current, deptId, ctx.settings)
      if (problem) {
        const message =
          problem === 'too_few'
            ? `执法检查须至少 ${ctx.settings.team.minOfficers} 名执法人员，请第二名人员扫码加入后再记录结果`
            : '本单位须至少有一名执法人员在该次检查中，才能记录本单位的结果'
        return fail('NEED_TWO_OFFICERS', message, { officers: current.officerIds.length, required: ctx.settings.team.minOfficers })
      }
      // One deadline for the visit; the red light is per department (rule 8): each without its result.
      const part = current.joins?.find((j) => j.deptId === deptId)
      const late = isPastDue(current.dueAt, ctx.now)
      const result: InspectionResult = {
        outcome: input.outcome,
        findings: input.findings,
        ...(input.rectifyBy ? { rectifyBy: input.rectifyBy } : {}),
        ...(leniency ? { leniencyItemId: leniency } : {}),
        recordedAt: ctx.now,
        recordedBy: officerId,
        lateByMs: latenessMs(current.dueAt, ctx.now),
      }
      const flags: InspectionFlag[] = late && !current.flags.includes('late_result') ? [...current.flags, 'late_result'] : current.flags
      const joins = part ? (current.joins ?? []).map((j) => (j.deptId === deptId ? { ...j, result } : j)) : current.joins
      const withResult: InspectionRecord = { ...current, ...(part ? { joins } : { result }) }
      // The inspection closes when every department has recorded (rule 14).
      const status: InspectionRecord['status'] = departmentsWithoutResult(withResult).length === 0 ? 'closed' : current.status
      // One rating code per inspection: issued with the first department's result, kept after (and a rating kept).
      const first = current.rating.state === 'none'
      const rating = first ? { state: 'issued' as const } : current.rating
      const change = { ...(part ? { joins } : { result }), flags, status, rating, updatedAt: ctx.now }
      const updated: InspectionRecord = { ...withResult, ...change }
      await tx.collection('inspections').doc(current._id).update({ data: change })
      const token = first ? (await issueRatingToken(tx, ctx, updated)).token : null
      const wasOverdue = overdueDepartments(current).includes(deptId)
      await audit(
        ctx,
        {
          action: 'inspection.recordResult',
          target: `inspections/${current._id}`,
          details: { deptId, outcome: input.outcome, leniencyItemId: leniency ?? null, lateByMs: result.lateByMs, wasOverdue },
        },
        tx,
      )
      return { inspection: updated, token, wasOverdue, deptId }
    })
    // After the commit: the region's counters are shared (store/counters.ts).
    const { inspection } = answer
    const token = answer.token ?? (await currentRatingToken(ctx, inspection))
    await bumpCounters(
      ctx.db,
      { deptId: answer.deptId, region: inspection.region, month: inspection.month },
      { results: 1, overdue: answer.wasOverdue ? -1 : 0, noPenalty: input.outcome === 'no_penalty' ? 1 : 0 },
    )
    await noticeResult(ctx, answer.inspection)
    return { inspection: toInspectionView(answer.inspection, ctx.now), rating: { token, scene: token, path: RATING_PAGE } }
  },
})
