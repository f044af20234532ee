import { action } from '../../platform/handler'
import type { Ctx } from '../../platform/context'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { MAX_GET } from '../../platform/db'
import type { InspectionRecord, RatingTokenRecord } from '../../domain/inspection-records'
import { anyResult } from '../../domain/joint'
import { tokenFromId } from '../../domain/tokens'
import { readDoc } from '../../store/docs'
import { ownInspection } from '../../access/inspection'
import { issueRatingToken, RATING_PAGE } from '../../store/rating-tokens'

/** Shows the rating code again: the current unexpired one, or a fresh one when it expired. */
export const ratingCode = action('inspection', 'ratingCode', {
  access: ['officer'],
  async handle(input, ctx) {
    const { inspection } = await ownInspection(ctx, input.inspectionId)
    if (inspection.rating.state === 'rated') fail('ALREADY_RATED', '企业已对该次检查作出评价')
    // Any department's result issues the code (a joint inspection has one per department, rule 14).
    if (!anyResult(inspection)) fail('CONFLICT', '请先记录检查结果，再出示评价码')
    const token = await currentRatingToken(ctx, inspection)
    const image = await ctx.codes.image({ scene: token, page: RATING_PAGE })
    return { token, scene: token, path: RATING_PAGE, image }
  },
})

/** The inspection's rating token: the current unexpired one, or a fresh one (one code per inspection, whatever the departments). */
export async function currentRatingToken(ctx: Ctx, inspection: InspectionRecord): Promise<string> {
  const got = await ctx.db.collection('ratingTokens').where({ inspectionId: inspection._id }).limit(MAX_GET).get()
  const all = got.data as unknown as RatingTokenRecord[]
  // Already rated (a later department's result): the code that was used, never a new one.
  if (inspection.rating.state === 'rated' && all.length) return tokenFromId('r', [...all].sort((a, b) => b.createdAt - a.createdAt)[0]._id, ctx.secret)
  const usable = all.filter((t) => t.usedAt === null && t.expiresAt > ctx.now).sort((a, b) => b.createdAt - a.createdAt)[0]
  let token: string
  if (usable) {
    token = tokenFromId('r', usable._id, ctx.secret)
  } else {
    token = await ctx.db.runTransaction(async (tx) => {
      const current = await readDoc<InspectionRecord>(tx, 'inspections', inspection._id)
      if (!current) return fail('NOT_FOUND', '没有找到该次检查')
      if (current.rating.state === 'rated') return fail('ALREADY_RATED', '企业已对该次检查作出评价')
      const fresh = await issueRatingToken(tx, ctx, current)
      await audit(ctx, { action: 'inspection.ratingCode', target: `inspections/${current._id}`, details: { tokenId: fresh.record._id, reissued: true } }, tx)
      return fresh.token
    })
  }
  return token
}
