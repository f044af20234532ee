import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { capYear } from '../../domain/frequency-cap'
import { movedGate } from '../../domain/gate'
import type { InspectionRecord } from '../../domain/inspection-records'
import { chinaDate } from '../../domain/china-time'
import { departmentsOf } from '../../domain/joint'
import { withdrawProblem } from '../../domain/withdraw'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { companyInTx, saveGate } from '../../store/gates'
import { ownInspection } from '../../access/inspection'
import { toInspectionView } from '../../views/inspection'

const PROBLEMS = {
  withdrawn: '该次检查已撤回',
  has_result: '该次检查已记录结果，不能撤回',
} as const

/**
 * Withdraw 撤回 (SPEC §2 rule 18): an officer on the inspection takes back a wrong scan
 * within the window, before any result, with a reason. Kept as `withdrawn`; it leaves the
 * company's cap and repeated window (the gate) and the departments' inspection counts
 * (counted as withdrawn instead). A pending special case stays for review. One transaction.
 */
export const withdraw = action('inspection', 'withdraw', {
  access: ['officer'],
  async handle(input, ctx) {
    const { settings, now } = ctx
    const { officerId } = await ownInspection(ctx, input.inspectionId)
    if (input.reason.length < settings.withdraw.minReasonLength) {
      const message = `请写明撤回原因（至少 ${settings.withdraw.minReasonLength} 个字），例如扫错了哪家企业`
      fail('INVALID_INPUT', message, { issues: [{ path: ['reason'], code: 'custom', message }] })
    }
    const updated = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<InspectionRecord>(tx, 'inspections', input.inspectionId)
      if (!current) return fail('NOT_FOUND', '没有找到该次检查')
      const problem = withdrawProblem(current, now, settings)
      if (problem)
        fail('CONFLICT', problem === 'too_late' ? `只能在入企后 ${settings.withdraw.windowMinutes} 分钟内撤回；已超过时限，请如实录入结果` : PROBLEMS[problem])
      const withdrawal = { by: officerId, byName: current.officerNames[current.officerIds.indexOf(officerId)] ?? '', at: now, reason: input.reason }
      await tx
        .collection('inspections')
        .doc(current._id)
        .update({ data: { status: 'withdrawn', withdrawal, updatedAt: now } })
      const company = await companyInTx(tx, current.companyId)
      const year = capYear(current.checkInAt, settings)
      const caps = [
        ...(current.capCounted ? [{ deptId: current.deptId, year }] : []),
        ...(current.joins ?? []).filter((j) => j.capCounted).map((j) => ({ deptId: j.deptId, year })),
      ]
      if (company)
        await saveGate(
          tx,
          company,
          movedGate(company.gate, { kind: 'withdraw', inspectionId: current._id, caps }, { now, today: chinaDate(now, settings.timezone) }, settings),
        )
      await audit(ctx, { action: 'inspection.withdraw', target: `inspections/${current._id}`, details: { reason: input.reason } }, tx)
      return { ...current, status: 'withdrawn' as const, withdrawal, updatedAt: now }
    })
    // After the commit (store/counters.ts): each department's figure of the visit goes to `withdrawn`, where the company is.
    for (const deptId of departmentsOf(updated)) {
      const repeated = deptId === updated.deptId && updated.flags.includes('repeated') ? -1 : 0
      await bumpCounters(ctx.db, { deptId, region: updated.region, month: updated.month }, { inspections: -1, withdrawn: 1, repeated })
    }
    return { inspection: toInspectionView(updated, now) }
  },
})
