import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { inspectionTimeline } from '../../domain/inspection-timeline'
import { COMPLAINTS, toComplaintView, type ComplaintRecord } from '../../store/complaints'
import { readDoc } from '../../store/docs'
import { LEDGER, type LedgerEntryRecord } from '../../store/ledger'
import { RATINGS, toRatingView, type RatingRecord } from '../../store/ratings'
import { toLedgerEntryView } from '../../store/ledger-read'
import { toInspectionView } from '../../views/inspection'
import { assertMayRead, inspectionReader } from '../../access/inspection-scope'

/**
 * One inspection in full (SPEC §3 supervision.inspection): the record, its timeline and
 * the ledger entry it wrote at a monitoring point. Supervisors also get the rating (score,
 * tags, comment) and the complaints about the visit; a department admin gets neither, nor
 * the score on the inspection (rule 21: departments see aggregates only).
 */
export const inspection = action('supervision', 'inspection', {
  access: ['supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const reader = inspectionReader(ctx)
    const r = (await readDoc<InspectionRecord>(ctx.db, 'inspections', input.inspectionId)) ?? fail('NOT_FOUND', '没有找到这次检查')
    assertMayRead(ctx, reader, r)
    const supervisor = reader.kind === 'supervisor'
    const [rating, complaints, ledger] = await Promise.all([
      supervisor && r.rating.state === 'rated' ? readDoc<RatingRecord>(ctx.db, RATINGS, r._id) : null,
      supervisor ? ctx.db.collection(COMPLAINTS).where({ inspectionId: r._id }).orderBy('receivedAt', 'desc').limit(MAX_GET).get() : null,
      r.ledgerEntryId ? readDoc<LedgerEntryRecord>(ctx.db, LEDGER, r.ledgerEntryId) : null,
    ])
    const view = toInspectionView(r, ctx.now, { score: supervisor })
    return {
      inspection: view,
      timeline: inspectionTimeline(r, ctx.now, rating),
      ...(rating ? { rating: toRatingView(rating) } : {}),
      ...(complaints ? { complaints: (complaints.data as unknown as ComplaintRecord[]).map((c) => toComplaintView(c, ctx.now, 'supervisor')) } : {}),
      ...(ledger ? { ledgerEntry: toLedgerEntryView(ledger) } : {}),
    }
  },
})
