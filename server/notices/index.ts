import { PAGES } from '@contract'
import type { Ctx } from '../platform/context'
import { chinaDate, chinaDateTime } from '../domain/china-time'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_LABELS } from '../domain/complaints'
import type { InspectionRecord } from '../domain/inspection-records'
import type { CompanyRecord } from '../domain/records'
import { unseal } from '../domain/pseudonyms'
import type { ComplaintRecord } from '../store/complaints'
import { companyRecipients, deliver, officerRecipient, recipientOfOpenid, supervisorRecipients, type Recipient } from '../store/messages'
import { OUTCOME_LABELS } from '../views/inspection-summary'

/**
 * Who is told what (SPEC §2.22). Each notice runs after the write it reports has
 * committed, outside any transaction, and never fails the call: a failure is logged.
 * The words name no complainant, and a complaint's content goes only to its author.
 */

async function safely(ctx: Ctx, what: string, run: () => Promise<unknown>): Promise<void> {
  try {
    await run()
  } catch (err) {
    ctx.log.error('notice_failed', { what, reason: err instanceof Error ? err.message : String(err) })
  }
}

const inspectionPage = (id: string) => `${PAGES.enterpriseInspection}?id=${id}`

/** 入企告知: to the company's bound users when an inspection of it opens (`company`: as the check-in read it, with its contacts). */
export function noticeCheckIn(
  ctx: Ctx,
  inspection: InspectionRecord,
  company: Pick<CompanyRecord, 'contacts'>,
  officer: { name: string; certNo: string },
  purpose: string,
): Promise<void> {
  return safely(ctx, 'checkin_notice', async () => {
    const time = chinaDateTime(inspection.checkInAt, ctx.settings.timezone)
    await deliver(
      ctx,
      await companyRecipients(ctx, company),
      {
        kind: 'checkin_notice',
        title: '入企检查告知',
        body: `${inspection.deptName}执法人员${officer.name}（执法证号 ${officer.certNo}）于 ${time} 到贵企业检查。检查依据：${purpose}。可在“检查告知”中查看执法人员、检查依据和贵企业的权利。`,
        ref: `inspections/${inspection._id}`,
        page: inspectionPage(inspection._id),
      },
      {
        template: 'checkin_notice',
        data: { department: inspection.deptName, officers: `${officer.name} ${officer.certNo}`, purpose, time: String(inspection.checkInAt) },
      },
    )
  })
}

/** The result, with the way to rate it: to the company's bound users. */
export function noticeResult(ctx: Ctx, inspection: InspectionRecord): Promise<void> {
  return safely(ctx, 'result_notice', async () => {
    const result = inspection.result
    if (!result) return
    const outcome = OUTCOME_LABELS[result.outcome] ?? result.outcome
    const rectify = result.rectifyBy ? `，整改期限 ${result.rectifyBy}` : ''
    const days = ctx.settings.rating.tokenTtlDays
    await deliver(
      ctx,
      await companyRecipients(ctx, inspection.companyId),
      {
        kind: 'result_notice',
        title: '检查结果告知',
        body: `${inspection.deptName}对贵企业 ${inspection.date} 的检查已记录结果：${outcome}${rectify}。请在 ${days} 天内对本次检查作出评价。`,
        ref: `inspections/${inspection._id}`,
        page: `${PAGES.enterpriseRate}?inspectionId=${inspection._id}`,
      },
      { template: 'result_notice', data: { department: inspection.deptName, date: inspection.date, outcome, rectifyBy: result.rectifyBy ?? '无' } },
    )
  })
}

const STEP_WORDS: Record<string, string> = { received: '已收到', accept: '已受理', reply: '已答复', close: '已办结' }

/** Each step of a complaint, to its author (found by the sealed openid; anonymous or not). */
export function noticeComplaintStep(ctx: Ctx, complaint: ComplaintRecord): Promise<void> {
  return safely(ctx, 'complaint_update', async () => {
    const openid = complaint.notifyTo ? unseal(ctx.sealingKey, complaint.notifyTo) : null
    if (!openid) return
    const step = complaint.timeline[complaint.timeline.length - 1]
    const receivedOn = chinaDate(complaint.receivedAt, ctx.settings.timezone)
    const dueOn = chinaDate(complaint.dueAt, ctx.settings.timezone)
    const category = COMPLAINT_CATEGORY_LABELS[complaint.category] ?? complaint.category
    await deliver(
      ctx,
      [recipientOfOpenid(openid)],
      {
        kind: 'complaint_update',
        title: `投诉${STEP_WORDS[step?.action ?? 'received'] ?? COMPLAINT_STATUS_LABELS[complaint.status]}`,
        body:
          step?.action === 'received' || !step
            ? `您 ${receivedOn} 提交的投诉（${category}）已收到，监督部门将于 ${dueOn} 前答复。`
            : `您 ${receivedOn} 提交的投诉（${category}）${COMPLAINT_STATUS_LABELS[complaint.status]}：${step.text}`,
        ref: `complaints/${complaint._id}`,
        page: PAGES.enterpriseComplaints,
      },
      // No content and no names: only the status a subscription message needs.
      { template: 'complaint_update', data: { status: COMPLAINT_STATUS_LABELS[complaint.status], receivedOn, dueOn } },
    )
  })
}

/** A new complaint, to the supervisors of its county and of the city: the company and the category, never who. */
export function noticeNewComplaint(ctx: Ctx, complaint: ComplaintRecord): Promise<void> {
  return safely(ctx, 'complaint_new', async () => {
    const dueOn = chinaDate(complaint.dueAt, ctx.settings.timezone)
    const category = COMPLAINT_CATEGORY_LABELS[complaint.category] ?? complaint.category
    const about = complaint.deptName ? `，涉及${complaint.deptName}` : ''
    await deliver(
      ctx,
      await supervisorRecipients(ctx, complaint.region),
      {
        kind: 'complaint_new',
        title: '新的投诉待受理',
        body: `${complaint.companyName}提交了投诉（${category}${about}），须于 ${dueOn} 前答复。`,
        ref: `complaints/${complaint._id}`,
        page: PAGES.supervisorComplaints,
      },
      { template: 'complaint_new', data: { company: complaint.companyName, category, dueOn } },
    )
  })
}

/** The result-deadline reminder (red light), to each officer of the inspection who has bound WeChat. */
export async function remindOverdue(ctx: Ctx, inspection: InspectionRecord): Promise<number> {
  let sent = 0
  await safely(ctx, 'overdue_reminder', async () => {
    const found = await Promise.all(inspection.officerIds.map((id) => officerRecipient(ctx, id)))
    const officers = found.filter((r): r is Recipient => r !== null)
    sent = await deliver(
      ctx,
      officers,
      {
        kind: 'overdue_reminder',
        title: '检查结果逾期提醒',
        body: `${inspection.companyName} 的检查（${inspection.date}）已超过结果录入期限（${chinaDateTime(inspection.dueAt, ctx.settings.timezone)}），已计为红灯，请尽快录入检查结果。`,
        ref: `inspections/${inspection._id}`,
        page: `${PAGES.officerRecordResult}?id=${inspection._id}`,
      },
      { template: 'overdue_reminder', data: { company: inspection.companyName, date: inspection.date, dueAt: new Date(inspection.dueAt).toISOString() } },
    )
  })
  return sent
}
