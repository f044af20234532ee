import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { ownerKeyFor, pseudonymousActor } from '../../domain/pseudonyms'
import { COMPLAINTS, toComplaintView, type ComplaintRecord } from '../../store/complaints'
import { readDoc } from '../../store/docs'

/**
 * The complainant says whether the reply helped (SPEC §3 enterprise.rateReply): once, by
 * the complaint's author (found by the owner key, anonymous or not), after a reply.
 * Supervisors see the verdict with the complaint.
 */
export const rateReply = action('enterprise', 'rateReply', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const ownerKey = ownerKeyFor(ctx.sealingKey, user._id)
    const updated = await ctx.db.runTransaction(async (tx) => {
      const c = await readDoc<ComplaintRecord>(tx, COMPLAINTS, input.complaintId)
      if (!c) return fail('NOT_FOUND', '没有找到该投诉')
      if (c.ownerKey !== ownerKey) return fail('FORBIDDEN', '只能评价自己提交的投诉的答复')
      if (c.status !== 'replied' && c.status !== 'closed') return fail('CONFLICT', '监督部门答复后才能评价答复')
      if (c.replyRating) return fail('CONFLICT', '您已评价过该投诉的答复')
      const replyRating = { satisfied: input.satisfied, ...(input.comment ? { comment: input.comment } : {}), at: ctx.now }
      await tx
        .collection(COMPLAINTS)
        .doc(c._id)
        .update({ data: { replyRating, updatedAt: ctx.now } })
      const actorCtx = c.anonymous ? { ...ctx, caller: { openid: '', user: { ...user, _id: pseudonymousActor(ctx.secret, user._id) } } } : ctx
      await audit(actorCtx, { action: 'enterprise.rateReply', target: `${COMPLAINTS}/${c._id}`, details: { satisfied: input.satisfied } }, tx)
      return { ...c, replyRating, updatedAt: ctx.now }
    })
    return { complaint: toComplaintView(updated, ctx.now, 'owner') }
  },
})
