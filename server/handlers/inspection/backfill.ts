import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { backfillTimeProblem } from '../../domain/backfill'
import { chinaDate } from '../../domain/china-time'
import { checkInOfKey } from '../../domain/gate'
import type { InspectionRecord } from '../../domain/inspection-records'
import { resultDueAt } from '../../domain/result-deadline'
import { readDoc } from '../../store/docs'
import { companyInTx } from '../../store/gates'
import { openInspection } from '../../store/open-inspection'
import { checkinKeyId, inspectionIdFor, prepareNew, refuseInvalidCertificate, refuseOverCap, replay } from './check-in'
import { callerOfficer } from '../../access/officer'
import { toInspectionView } from '../../views/inspection'

/**
 * Back-fill 补录 (SPEC §2 rule 17): a visit the gate could not see, recorded afterwards.
 * The rules of a check-in (1–3, 5–6, 15) are applied at the stated time — a visit on the
 * 10th to a park company needs a special case — the inspection is flagged `backfilled`,
 * its result deadline runs from the back-fill, and it waits for a supervisor's review
 * like a quiet-period exception. No position (nobody scanned): never `off_site`, and the
 * distance is absent rather than invented. Idempotent on clientRequestId like checkIn.
 */
export const backfill = action('inspection', 'backfill', {
  access: ['officer'],
  async handle(input, ctx) {
    const openid = ctx.caller.openid || ctx.caller.user?._id || fail('UNAUTHENTICATED')
    const { officer, dept } = await callerOfficer(ctx)
    const { settings, now } = ctx
    const at = input.checkInAt
    const bad = (path: string, message: string): never => fail('INVALID_INPUT', message, { issues: [{ path: [path], code: 'custom', message }] })
    const timeProblem = backfillTimeProblem(at, now, settings)
    if (timeProblem === 'future') bad('checkInAt', '入企时间不能晚于现在')
    if (timeProblem === 'too_old') bad('checkInAt', `只能补录 ${settings.backfill.maxDays} 天内的入企检查`)
    if (input.reason.length < settings.backfill.minReasonLength) bad('reason', `请写明未能现场扫码的原因（至少 ${settings.backfill.minReasonLength} 个字）`)
    const keyId = checkinKeyId(openid, input.clientRequestId)

    const outcome = await ctx.db.runTransaction(async (tx) => {
      const company = await companyInTx(tx, input.companyId)
      const done = company && checkInOfKey(company.gate, keyId)
      if (done) return { kind: 'replay' as const, ...done }
      refuseInvalidCertificate(officer, now)
      refuseInvalidCertificate(officer, at)
      if (!company) return fail('NOT_FOUND', '没有找到该企业')
      const made = await readDoc<InspectionRecord>(tx, 'inspections', inspectionIdFor(keyId))
      if (made) {
        if (made.companyId !== company._id) fail('CONFLICT', '这次补录的请求号已用于另一家企业，请返回重新填写', { clientRequestId: input.clientRequestId })
        return { kind: 'replay' as const, inspectionId: made._id, joined: false }
      }
      // The rules at the stated time.
      const prepared = await prepareNew(input, { ...ctx, now: at }, tx, { officer, dept, company, keyId }, `${chinaDate(at, settings.timezone)} `)
      refuseOverCap(ctx, company.gate, dept._id, prepared)
      const record = await openInspection(tx, ctx, {
        record: {
          ...prepared.record,
          flags: [...prepared.record.flags, 'backfilled'],
          backfill: { reason: input.reason, recordedAt: now, recordedBy: officer._id, review: 'pending' },
          dueAt: resultDueAt(now, settings),
          createdAt: now,
          updatedAt: now,
        },
        company,
        officer,
        dept,
        keyId,
        capYear: prepared.year,
        // A monitoring point's ledger records the back-filled visit on its day (rule 11).
        purpose: `补录：${prepared.purpose}`,
        inWindow: prepared.inWindow,
        backfill: true,
        audit: { action: 'inspection.backfill', details: { checkInAt: at } },
      })
      return { kind: 'done' as const, inspection: record }
    })
    if (outcome.kind === 'replay') return { inspection: (await replay(ctx, outcome)).inspection }
    // Its counters were bumped after the commit (openInspection): where the company is, in the month of the visit.
    const record = outcome.inspection
    return { inspection: toInspectionView(record, now) }
  },
})
