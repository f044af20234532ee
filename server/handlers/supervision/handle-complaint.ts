import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { COMPLAINT_STATUS_LABELS, nextComplaintStatus } from '../../domain/complaints'
import { regionCovers } from '../../domain/scope'
import { COMPLAINTS, toComplaintView, withVisits, type ComplaintEventRecord, type ComplaintRecord } from '../../store/complaints'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { noticeComplaintStep } from '../../notices'

/**
 * A supervisor of the complaint's region moves it on: accept (received → accepted; the
 * one who accepts becomes its `assignee` and the only one who moves it on — others of the
 * region read it, and get FORBIDDEN naming who works it),
 * reply (accepted/replied → replied; a reply may follow a reply), close (replied →
 * closed). Out of order → CONFLICT. The text joins the timeline the complainant reads;
 * closing takes it out of the department's open (and overdue) figures. One transaction;
 * then the complainant is told (best effort, by the sealed openid).
 */
export const handleComplaint = action('supervision', 'handleComplaint', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    // The contract refines `step` as required (see types/functions/supervision.ts).
    const step = input.step ?? fail('INVALID_INPUT', '请指定处理步骤 step')
    const found = await readDoc<ComplaintRecord>(ctx.db, COMPLAINTS, input.complaintId)
    if (!found) return fail('NOT_FOUND', '没有找到该投诉')
    if (!user.region || !regionCovers(user.region, found.region)) return fail('FORBIDDEN', '该投诉不在您的监督辖区内')
    const updated = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<ComplaintRecord>(tx, COMPLAINTS, input.complaintId)
      if (!current) return fail('NOT_FOUND', '没有找到该投诉')
      // One person works a complaint: who accepted it (an older one accepted before assignees: whoever acts next).
      if (current.assignee && current.assignee.id !== user._id) {
        return fail('FORBIDDEN', `该投诉由${current.assignee.name}办理，您可以查看但不能处理`, { assignee: current.assignee.name })
      }
      const status = nextComplaintStatus(current.status, step)
      if (!status) {
        return fail('CONFLICT', `该投诉当前为“${COMPLAINT_STATUS_LABELS[current.status]}”，不能${ACTION_LABELS[step]}`, { status: current.status })
      }
      const event: ComplaintEventRecord = { at: ctx.now, action: step, text: input.text }
      const timeline = [...current.timeline, event]
      const closing = status === 'closed'
      const assignee = current.assignee ?? { id: user._id, name: user.name ?? '监督人员' }
      const data = { status, timeline, assignee, updatedAt: ctx.now, ...(closing ? { closedAt: ctx.now } : {}) }
      await tx.collection(COMPLAINTS).doc(current._id).update({ data })
      await audit(
        ctx,
        { action: 'supervision.handleComplaint', target: `${COMPLAINTS}/${current._id}`, details: { step, from: current.status, to: status } },
        tx,
      )
      return { ...current, ...data } as ComplaintRecord
    })
    // After the commit: the region's counters are shared (store/counters.ts).
    if (updated.status === 'closed' && updated.counterKey) {
      await bumpCounters(ctx.db, updated.counterKey, { complaints: { open: -1, overdue: updated.overdue ? -1 : 0 } })
    }
    await noticeComplaintStep(ctx, updated)
    const [complaint] = await withVisits(ctx.db, [toComplaintView(updated, ctx.now, 'supervisor')])
    return { complaint }
  },
})

const ACTION_LABELS = { accept: '受理', reply: '答复', close: '办结' } as const
