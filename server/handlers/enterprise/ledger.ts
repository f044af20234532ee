import type { Ctx } from '../../platform/context'
import { action } from '../../platform/handler'
import { callerMonitoringPoint } from '../../access/company'
import { inRange, inspectionsOf, readWholeChain, toLedgerEntryView } from '../../store/ledger-read'
import { OUTCOME_LABELS } from '../../views/inspection-summary'

/**
 * The monitoring-point ledger 台账 (SPEC §2.11): entries of the date range in seq order,
 * each with the result and rating of its inspection when there is one, and `chainOk`
 * recomputed over the company's whole chain on every read.
 */
export const ledger = action('enterprise', 'ledger', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const company = await callerMonitoringPoint(ctx)
    return readLedger(ctx, company._id, input)
  },
})

/**
 * A company's ledger for a reader (the company itself, or a supervisor of its county):
 * the entries of the range, each with the result of its inspection and, when `withScore`,
 * the rating score; `chainOk` over the whole chain.
 */
export async function readLedger(ctx: Ctx, companyId: string, range: { from?: string; to?: string }, withScore = true) {
  const { entries, chainOk, brokenAt } = await readWholeChain(ctx, companyId)
  const shown = entries.filter((e) => inRange(e.date, range.from, range.to))
  const linked = await inspectionsOf(ctx, shown)
  return {
    items: shown.map((e) => {
      const insp = linked.get(e.inspectionId ?? e.matchedInspectionId ?? '')
      return {
        ...toLedgerEntryView(e),
        // Every officer of the visit (an entry written at check-in names the first; it never changes).
        ...(insp && e.source === 'scan' ? { visitOfficerNames: [...insp.officerNames] } : {}),
        ...(insp?.result ? { outcome: insp.result.outcome, outcomeLabel: OUTCOME_LABELS[insp.result.outcome] } : {}),
        ...(withScore && insp?.rating.state === 'rated' ? { ratingScore: insp.rating.score } : {}),
      }
    }),
    chainOk,
    ...(brokenAt !== null ? { brokenAt } : {}),
    total: entries.length,
  }
}
