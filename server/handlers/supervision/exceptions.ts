import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { casesWith } from '../../domain/case-review'
import type { InspectionRecord } from '../../domain/inspection-records'
import { toInspectionView } from '../../views/inspection'
import { supervisorScope } from '../../access/supervisor-scope'

/**
 * Quiet-period special cases 特殊情形 and back-filled visits 补录 awaiting (or past) review,
 * newest first, at most 100, one item per department's case (domain/case-review.ts): a joint
 * inspection lists its leading department's case and the special case of each department that
 * joined with one, each with the department named. Inspections that happened in the
 * supervisor's region (the company's county).
 */
export const exceptions = action('supervision', 'exceptions', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const scope = supervisorScope(ctx)
    const status = input.status ?? 'pending'
    // Special cases, back-filled visits (the same review, rule 17), and joined departments' special cases.
    const lists = await Promise.all(
      ['exception.review', 'backfill.review', 'joins.exception.review'].map(async (field) => {
        const got = await ctx.db
          .collection('inspections')
          .where({ ...scope.where, [field]: status })
          .orderBy('checkInAt', 'desc')
          .limit(MAX_GET)
          .get()
        return got.data as unknown as InspectionRecord[]
      }),
    )
    const byId = new Map<string, InspectionRecord>()
    for (const r of lists.flat()) byId.set(r._id, r)
    const records = [...byId.values()].sort((a, b) => b.checkInAt - a.checkInAt)
    const items = records.flatMap((r) => {
      const view = toInspectionView(r, ctx.now)
      return casesWith(r, status).map((reviewCase) => ({ ...view, reviewCase }))
    })
    return { items: items.slice(0, MAX_GET) }
  },
})
