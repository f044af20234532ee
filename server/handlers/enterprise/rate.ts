import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { chinaMonth } from '../../domain/china-time'
import { pseudonymousActor, raterKeyFor } from '../../domain/pseudonyms'
import { departmentsOf } from '../../domain/joint'
import { isBadRating, ratingFollowUpDueAt } from '../../domain/ratings'
import { SERVICE_PURPOSE_LABELS } from '../../domain/service-visit'
import { fieldsOf, readDoc } from '../../store/docs'
import {
  bookRating,
  raiseBadRatingAlert,
  RATINGS,
  SERVICE_RATINGS,
  toRatingView,
  toServiceRatingView,
  type RatingRecord,
  type ServiceRatingRecord,
} from '../../store/ratings'
import { SERVICE_VISITS } from '../../store/service-visits'
import { RATING_TOKENS } from '../../store/tokens'
import { countTokenLookup } from '../../store/rate-limits'
import type { Writer } from '../../store/docs'
import type { InspectionRecord, RatingTokenRecord } from '../../domain/inspection-records'
import { ratableFromList, ratableVisit, usableRatingToken } from '../../access/rating'
import type { VisitHeadRecord } from '../../views/inspection'

/** What is rated: an inspection (by its code or from the list) or a service visit (from the list). */
interface Rated extends Omit<VisitHeadRecord, 'officerIds' | 'officerNames'> {
  kind: 'inspection' | 'service'
  date: string
  /** How it reads in an alert: 检查 or 入企服务（政策宣讲）. */
  what: string
  token: RatingTokenRecord | null
  /** A joint inspection's departments (rule 14): the rating counts for each. */
  deptIds?: string[]
  joins?: InspectionRecord['joins']
}

/**
 * Rates an inspection (SPEC §2.9, §2.22) or a service visit (rule 19): once, by a user of
 * the company, with an inspection's single-use token, or from the company's own list
 * within `ratingFromList.days` of the result (an inspection) or of the visit. One
 * transaction: the token used, `ratings/<inspectionId>` or `serviceRatings/<visitId>`,
 * the rated record's rating state, a `bad_rating` alert with its follow-up deadline, and
 * the audit event; after the commit, the figures (`ratings` or `serviceRatings`, month of the
 * rating) of each department of the visit (rule 14). Who rated is kept only as keyed hashes (raterKey, the audit actor).
 */
export const rate = action('enterprise', 'rate', {
  access: ['enterprise'],
  async handle(input, ctx) {
    await countTokenLookup(ctx)
    const user = ctx.caller.user!
    const target = async (r: Writer): Promise<Rated> => {
      if (input.visitId !== undefined) {
        const v = await ratableVisit(ctx, input.visitId, r)
        return { ...v, kind: 'service', what: `入企服务（${SERVICE_PURPOSE_LABELS[v.purpose]}）`, token: null }
      }
      const { record, inspection: i } =
        input.token !== undefined ? await usableRatingToken(ctx, input.token, r) : await ratableFromList(ctx, input.inspectionId ?? '', r)
      return { ...i, kind: 'inspection', what: '检查', token: record, ...(i.joint ? { deptIds: departmentsOf(i) } : {}) }
    }
    await target(ctx.db) // fail fast, outside the transaction
    const bad = isBadRating(input.score, ctx.settings)
    const committed = await ctx.db.runTransaction(async (tx) => {
      const t = await target(tx)
      const [collection, ratedCollection] = t.kind === 'service' ? [SERVICE_RATINGS, SERVICE_VISITS] : [RATINGS, 'inspections']
      if (await readDoc(tx, collection, t._id))
        return fail('ALREADY_RATED', t.kind === 'service' ? '该次入企服务已评价，每次只能评价一次' : '该次检查已评价，每次检查只能评价一次')
      const common = {
        _id: t._id,
        companyId: t.companyId,
        deptId: t.deptId,
        region: t.region,
        month: chinaMonth(ctx.now, ctx.settings.timezone),
        score: input.score,
        tags: [...new Set(input.tags ?? [])],
        ...(input.comment ? { comment: input.comment } : {}),
        ratedAt: ctx.now,
        ...(bad ? { followUpDueAt: ratingFollowUpDueAt(ctx.now, ctx.settings) } : {}),
        raterKey: raterKeyFor(ctx.sealingKey, user._id),
      }
      const r: RatingRecord | ServiceRatingRecord =
        t.kind === 'service'
          ? { ...common, visitId: t._id }
          : { ...common, inspectionId: t._id, ...(t.deptIds ? { deptIds: t.deptIds } : {}), ...(t.token ? { tokenId: t.token._id } : { fromList: true }) }
      if (t.token)
        await tx
          .collection(RATING_TOKENS)
          .doc(t.token._id)
          .update({ data: { usedAt: ctx.now } })
      await tx
        .collection(collection)
        .doc(r._id)
        .set({ data: fieldsOf(r) })
      await tx
        .collection(ratedCollection)
        .doc(t._id)
        .update({ data: { rating: { state: 'rated', score: r.score }, updatedAt: ctx.now } })
      const ref = `${collection}/${r._id}`
      if (bad) await raiseBadRatingAlert(tx, ctx, t, r, ref)
      const actorCtx = { ...ctx, caller: { openid: '', user: { ...user, _id: pseudonymousActor(ctx.sealingKey, user._id) } } }
      await audit(
        actorCtx,
        {
          action: 'enterprise.rate',
          target: ref,
          details: { [t.kind === 'service' ? 'visitId' : 'inspectionId']: t._id, score: r.score, bad, by: t.token ? 'token' : 'list' },
        },
        tx,
      )
      return r
    })
    // After the commit, in each department's figures (store/ratings.ts bookRating).
    await bookRating(ctx.db, committed, ctx.settings)
    return { rating: 'visitId' in committed ? toServiceRatingView(committed) : toRatingView(committed) }
  },
})
