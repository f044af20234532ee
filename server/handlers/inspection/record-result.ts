import type { InspectionFlag, InspectionResult } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { isPastDue, latenessMs } from '../../domain/result-deadline'
import { enoughOfficers } from '../../domain/team'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { noticeResult } from '../notices'
import { ownInspection } from './access'
import { issueRatingToken, RATING_PAGE } from './rating-token'
import { toInspectionView } from './views'

/**
 * Records the result (SPEC §2.4, §2.8, §2.9): only by an officer of the inspection, with
 * at least two officers, once. A late result closes the red light and keeps its lateness.
 * Issues the rating code. One transaction.
 */
export const recordResult = action('inspection', 'recordResult', {
  access: ['officer'],
  async handle(input, ctx) {
    const { officerId } = await ownInspection(ctx, input.inspectionId)
    if (input.outcome === 'rectify' && !input.rectifyBy) {
      const message = '责令整改须填写整改期限'
      fail('INVALID_INPUT', `输入有误：rectifyBy — ${message}`, { issues: [{ path: ['rectifyBy'], code: 'custom', message }] })
    }
    const answer = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<InspectionRecord>(tx, 'inspections', input.inspectionId)
      if (!current) return fail('NOT_FOUND', '没有找到该次检查')
      if (current.result || current.status === 'closed') return fail('CONFLICT', '该次检查已记录结果')
      if (!enoughOfficers(current.officerIds, ctx.settings)) {
        return fail('NEED_TWO_OFFICERS', `执法检查须至少 ${ctx.settings.team.minOfficers} 名执法人员，请第二名人员扫码加入后再记录结果`, {
          officers: current.officerIds.length,
          required: ctx.settings.team.minOfficers,
        })
      }
      const late = isPastDue(current.dueAt, ctx.now)
      const result: InspectionResult = {
        outcome: input.outcome,
        findings: input.findings,
        ...(input.rectifyBy ? { rectifyBy: input.rectifyBy } : {}),
        recordedAt: ctx.now,
        recordedBy: officerId,
        lateByMs: latenessMs(current.dueAt, ctx.now),
      }
      const flags: InspectionFlag[] = late && !current.flags.includes('late_result') ? [...current.flags, 'late_result'] : current.flags
      const updated: InspectionRecord = { ...current, result, flags, status: 'closed', rating: { state: 'issued' }, updatedAt: ctx.now }
      await tx.collection('inspections').doc(current._id).update({ data: { result, flags, status: 'closed', rating: { state: 'issued' }, updatedAt: ctx.now } })
      const { token } = await issueRatingToken(tx, ctx, updated)
      await audit(ctx, { action: 'inspection.recordResult', target: `inspections/${current._id}`, details: { outcome: input.outcome, lateByMs: result.lateByMs, wasOverdue: current.status === 'overdue' } }, tx)
      return { inspection: updated, token, wasOverdue: current.status === 'overdue' }
    })
    // After the commit: the region's counters are shared (store/counters.ts).
    const { inspection } = answer
    await bumpCounters(ctx.db, { deptId: inspection.deptId, region: inspection.region, month: inspection.month }, { results: 1, overdue: answer.wasOverdue ? -1 : 0 })
    await noticeResult(ctx, answer.inspection)
    return { inspection: toInspectionView(answer.inspection, ctx.now), rating: { token: answer.token, scene: answer.token, path: RATING_PAGE } }
  },
})
