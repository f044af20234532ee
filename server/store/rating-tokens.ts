import { PAGES } from '@contract'
import type { Ctx } from '../platform/context'
import type { Transaction } from '../platform/db'
import type { InspectionRecord, RatingTokenRecord } from '../domain/inspection-records'
import { mintToken } from '../domain/tokens'
import { fieldsOf } from './docs'

/** The rating code 评价码: a signed single-use token the company scans to rate (SPEC §2.9). */

export const RATING_PAGE = PAGES.enterpriseRate

/** Mints a token for the inspection and stores its record in `tx`. */
export async function issueRatingToken(tx: Transaction, ctx: Ctx, inspection: InspectionRecord): Promise<{ token: string; record: RatingTokenRecord }> {
  const { token, id } = mintToken('r', ctx.secret)
  const record: RatingTokenRecord = {
    _id: id,
    inspectionId: inspection._id,
    companyId: inspection.companyId,
    deptId: inspection.deptId,
    createdAt: ctx.now,
    expiresAt: ctx.now + ctx.settings.rating.tokenTtlDays * 86_400_000,
    usedAt: null,
  }
  await tx
    .collection('ratingTokens')
    .doc(id)
    .set({ data: fieldsOf(record) })
  return { token, record }
}
