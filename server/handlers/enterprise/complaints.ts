import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { ownerKeyFor } from '../../domain/pseudonyms'
import { COMPLAINTS, toComplaintView, type ComplaintRecord } from '../../store/complaints'

/** The caller's own complaints (found by their owner key), newest first, with the timeline. */
export const complaints = action('enterprise', 'complaints', {
  access: ['enterprise'],
  async handle(_input, ctx) {
    const ownerKey = ownerKeyFor(ctx.sealingKey, ctx.caller.user!._id)
    const got = await ctx.db.collection(COMPLAINTS).where({ ownerKey }).orderBy('receivedAt', 'desc').limit(MAX_GET).get()
    return { items: (got.data as unknown as ComplaintRecord[]).map((c) => toComplaintView(c, ctx.now, 'owner')) }
  },
})
