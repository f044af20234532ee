import { action } from '../../platform/handler'
import { countTokenLookup } from '../../store/rate-limits'
import { usableRatingToken } from '../../access/rating'
import { toInspectionSummary } from '../../views/inspection-summary'

/** Opened by the rating code: the inspection's summary before the rating (SPEC §2.9). Reads only. */
export const inspectionForRating = action('enterprise', 'inspectionForRating', {
  access: ['enterprise'],
  async handle(input, ctx) {
    await countTokenLookup(ctx)
    const { record, inspection } = await usableRatingToken(ctx, input.token)
    return { ...(await toInspectionSummary(ctx, inspection)), expiresAt: record.expiresAt }
  },
})
