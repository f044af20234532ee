import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { chinaMonth } from '../../domain/china-time'
import { pseudonymousActor, raterKeyFor } from '../../domain/pseudonyms'
import { departmentsOf } from '../../domain/joint'
import { isBadRating, ratingFollowUpDueAt } from '../../domain/ratings'
import { fieldsOf, readDoc } from '../../store/docs'
import { bookRating, raiseBadRatingAlert, RATINGS, toRatingView, type RatingRecord } from '../../store/ratings'
import { RATING_TOKENS } from '../../store/tokens'
import { countTokenLookup } from '../../store/rate-limits'
import type { Writer } from '../../store/docs'
import { ratableFromList, usableRatingToken } from '../../access/rating'

/**
 * Rates an inspection (SPEC §2.9, §2.22): once, by a user of the inspected company, with a
 * single-use token or from the company's own list within `ratingFromList.days` of the result. One transaction: the token used, `ratings/<inspectionId>`, the
 * inspection's rating state, a `bad_rating` alert with its follow-up deadline, and the
 * audit event; after it, the figures of each department of the visit (store/ratings.ts bookRating). Who rated is kept
 * only as keyed hashes (rating.raterKey, the audit actor).
 */
export const rate = action('enterprise', 'rate', {
  access: ['enterprise'],
  async handle(input, ctx) {
    await countTokenLookup(ctx)
    const user = ctx.caller.user!
    const target = (r: Writer) => (input.token !== undefined ? usableRatingToken(ctx, input.token, r) : ratableFromList(ctx, input.inspectionId ?? '', r))
    await target(ctx.db) // fail fast, outside the transaction
    const bad = isBadRating(input.score, ctx.settings)
    const committed = await ctx.db.runTransaction(async (tx) => {
      const { record, inspection } = await target(tx)
      if (await readDoc<RatingRecord>(tx, RATINGS, inspection._id)) return fail('ALREADY_RATED', '该次检查已评价，每次检查只能评价一次')
      const r: RatingRecord = {
        _id: inspection._id,
        inspectionId: inspection._id,
        companyId: inspection.companyId,
        deptId: inspection.deptId,
        ...(inspection.joint ? { deptIds: departmentsOf(inspection) } : {}),
        region: inspection.region,
        month: chinaMonth(ctx.now, ctx.settings.timezone),
        score: input.score,
        tags: [...new Set(input.tags ?? [])],
        ...(input.comment ? { comment: input.comment } : {}),
        ratedAt: ctx.now,
        ...(bad ? { followUpDueAt: ratingFollowUpDueAt(ctx.now, ctx.settings) } : {}),
        raterKey: raterKeyFor(ctx.sealingKey, user._id),
        ...(record ? { tokenId: record._id } : { fromList: true }),
      }
      if (record)
        await tx
          .collection(RATING_TOKENS)
          .doc(record._id)
          .update({ data: { usedAt: ctx.now } })
      await tx
        .collection(RATINGS)
        .doc(r._id)
        .set({ data: fieldsOf(r) })
      await tx
        .collection('inspections')
        .doc(inspection._id)
        .update({ data: { rating: { state: 'rated', score: r.score }, updatedAt: ctx.now } })
      if (bad) await raiseBadRatingAlert(tx, ctx, inspection, r)
      const actorCtx = { ...ctx, caller: { openid: '', user: { ...user, _id: pseudonymousActor(ctx.sealingKey, user._id) } } }
      await audit(
        actorCtx,
        {
          action: 'enterprise.rate',
          target: `ratings/${r._id}`,
          details: { inspectionId: inspection._id, score: r.score, bad, by: record ? 'token' : 'list' },
        },
        tx,
      )
      return r
    })
    await bookRating(ctx.db, committed, ctx.settings)
    const rating = committed
    return { rating: toRatingView(rating) }
  },
})
