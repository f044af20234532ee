import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { newId } from '../../platform/ids'
import { chinaDate, chinaMonth } from '../../domain/china-time'
import { complaintDueAt } from '../../domain/complaints'
import type { InspectionRecord } from '../../domain/inspection-records'
import { ownerKeyFor, pseudonymousActor, seal } from '../../domain/pseudonyms'
import { quietPeriodAppliesTo } from '../../domain/quiet-period'
import { cityOf } from '../../domain/scope'
import { COMPLAINTS, toComplaintView, type ComplaintRecord } from '../../store/complaints'
import { bumpCounters } from '../../store/counters'
import { fieldsOf, readDoc } from '../../store/docs'
import { noticeComplaintStep, noticeNewComplaint } from '../../notices'
import { callerCompany } from '../../access/company'
import { invalidField } from '../../platform/field-labels'

/**
 * A complaint 投诉 (SPEC §2.10), about one of the company's inspections or about
 * enforcement in general, optionally anonymous. Due 15 China working days after receipt.
 * Counted in the complained-about department's figures (received, open) when there is
 * one; a general complaint names no department and stays out of department figures.
 * The audit event of an anonymous complaint names a pseudonym, not the person.
 */
export const complain = action('enterprise', 'complain', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const company = await callerCompany(ctx)
    let inspection: InspectionRecord | null = null
    if (input.inspectionId) {
      inspection = await readDoc<InspectionRecord>(ctx.db, 'inspections', input.inspectionId)
      if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
      if (inspection.companyId !== company._id) return fail('FORBIDDEN', '只能就贵企业接受的检查进行投诉')
    }
    if (input.category === 'quiet_period_violation' && !quietPeriodAppliesTo(company, ctx.settings)) {
      const message = '贵企业不在园区内，不适用安静生产期；请选择其他投诉类别'
      return invalidField(['category'], message)
    }
    const anonymous = input.anonymous ?? false
    const dueAt = complaintDueAt(ctx.now, ctx.settings)
    const record: ComplaintRecord = {
      _id: newId('cmp'),
      companyId: company._id,
      companyName: company.name,
      region: company.region,
      city: cityOf(company.region),
      ...(inspection ? { inspectionId: inspection._id, inspectionDate: inspection.date, deptId: inspection.deptId, deptName: inspection.deptName } : {}),
      category: input.category,
      content: input.content,
      anonymous,
      ...(anonymous ? {} : { complainantName: user.name, ...(input.phone ? { phone: input.phone } : {}) }),
      ownerKey: ownerKeyFor(ctx.sealingKey, user._id),
      ...(ctx.caller.openid ? { notifyTo: seal(ctx.sealingKey, ctx.caller.openid) } : {}),
      status: 'received',
      receivedAt: ctx.now,
      dueAt,
      overdue: false,
      timeline: [{ at: ctx.now, action: 'received', text: `投诉已收到，将于 ${chinaDate(dueAt, ctx.settings.timezone)} 前答复` }],
      ...(inspection ? { counterKey: { deptId: inspection.deptId, region: inspection.region, month: chinaMonth(ctx.now, ctx.settings.timezone) } } : {}),
      createdAt: ctx.now,
      updatedAt: ctx.now,
    }
    await ctx.db.runTransaction(async (tx) => {
      await tx
        .collection(COMPLAINTS)
        .doc(record._id)
        .set({ data: fieldsOf(record) })
      const actorCtx = anonymous ? { ...ctx, caller: { openid: '', user: { ...user, _id: pseudonymousActor(ctx.sealingKey, user._id) } } } : ctx
      await audit(
        actorCtx,
        {
          action: 'enterprise.complain',
          target: `${COMPLAINTS}/${record._id}`,
          details: { category: record.category, inspectionId: record.inspectionId ?? null, anonymous },
        },
        tx,
      )
    })
    // After the commit: the region's counters are shared (store/counters.ts).
    if (record.counterKey) await bumpCounters(ctx.db, record.counterKey, { complaints: { received: 1, open: 1 } })
    await Promise.all([noticeComplaintStep(ctx, record), noticeNewComplaint(ctx, record)])
    return { complaint: toComplaintView(record, ctx.now, 'owner') }
  },
})
