import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { backfillTimeProblem } from '../../domain/backfill'
import { chinaDate } from '../../domain/china-time'
import { capReached } from '../../domain/frequency-cap'
import { capUsedOf, checkInOfKey, movedGate } from '../../domain/gate'
import type { InspectionRecord } from '../../domain/inspection-records'
import { resultDueAt } from '../../domain/result-deadline'
import { raiseAlert } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { fieldsOf, readDoc } from '../../store/docs'
import { companyInTx, saveGate } from '../../store/gates'
import { appendLedgerEntry, ledgerHeadOf } from '../../store/ledger'
import { capRefusal, checkinKeyId, inspectionIdFor, prepareNew, refuseInvalidCertificate, replay } from './check-in'
import { raiseAfterCapAlert } from '../../store/joint-join'
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
      const used = capUsedOf(company.gate, dept._id, prepared.year)
      if (prepared.record.capCounted && capReached(used, settings)) capRefusal(ctx, used, prepared.year)
      const record: InspectionRecord = {
        ...prepared.record,
        flags: [...prepared.record.flags, 'backfilled'],
        backfill: { reason: input.reason, recordedAt: now, recordedBy: officer._id, review: 'pending' },
        dueAt: resultDueAt(now, settings),
        createdAt: now,
        updatedAt: now,
      }
      // A monitoring point's ledger records the back-filled visit on its day (rule 11).
      const ledger = company.monitoringPoint
        ? await appendLedgerEntry(tx, ctx, ledgerHeadOf(company), {
            companyId: company._id,
            date: record.date,
            source: 'scan',
            inspectionId: record._id,
            deptId: dept._id,
            deptName: dept.name,
            officerNames: [officer.name],
            purpose: `补录：${prepared.purpose}`,
            unscanned: false,
          })
        : null
      if (ledger) record.ledgerEntryId = ledger._id
      await tx
        .collection('inspections')
        .doc(record._id)
        .set({ data: fieldsOf(record) })
      const move = {
        kind: 'open' as const,
        inspectionId: record._id,
        deptId: dept._id,
        checkInAt: at,
        source: record.source,
        keyId,
        backfill: true,
        ...(ledger ? { ledger: { seq: ledger.seq, hash: ledger.hash } } : {}),
        ...(record.capCounted ? { capYear: prepared.year } : {}),
      }
      await saveGate(tx, company, movedGate(company.gate, move, { now, today: chinaDate(now, settings.timezone) }, settings))
      const ref = `inspections/${record._id}`
      if (record.flags.includes('repeated')) {
        await raiseAlert(tx, {
          kind: 'repeated',
          ref,
          at: now,
          region: record.region,
          deptId: dept._id,
          companyId: company._id,
          summary: `${company.name} 在 ${settings.repeated.windowDays} 天内被检查 ${prepared.inWindow + 1} 次（本次为补录：${dept.name}）`,
        })
      }
      if (record.flags.includes('after_cap')) await raiseAfterCapAlert(tx, ctx, record, dept, company)
      await audit(
        ctx,
        {
          action: 'inspection.backfill',
          target: ref,
          details: {
            companyId: company._id,
            checkInAt: at,
            source: record.source,
            planId: record.planId ?? null,
            exception: record.exception?.category ?? null,
            flags: record.flags,
          },
        },
        tx,
      )
      return { kind: 'done' as const, inspection: record }
    })
    if (outcome.kind === 'replay') return { inspection: (await replay(ctx, outcome)).inspection }
    // After the commit (store/counters.ts): where the company is, in the month of the visit.
    const record = outcome.inspection
    await bumpCounters(
      ctx.db,
      { deptId: dept._id, region: record.region, month: record.month },
      {
        inspections: 1,
        backfills: 1,
        quietExceptions: { pending: record.exception ? 1 : 0 },
        repeated: record.flags.includes('repeated') ? 1 : 0,
      },
    )
    return { inspection: toInspectionView(record, now) }
  },
})
