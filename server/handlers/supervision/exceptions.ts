import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import type { InspectionRecord } from '../../domain/inspection-records'
import { toInspectionView } from '../../views/inspection'
import { supervisorScope } from '../../access/supervisor-scope'

/**
 * Quiet-period special cases 特殊情形 and back-filled visits 补录 awaiting (or past) review,
 * newest first, at most 100: inspections that happened in the supervisor's region (the company's county).
 */
export const exceptions = action('supervision', 'exceptions', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const scope = supervisorScope(ctx)
    const status = input.status ?? 'pending'
    // Special cases, and back-filled visits, which wait for the same review (rule 17).
    const lists = await Promise.all(
      ['exception.review', 'backfill.review'].map(async (field) => {
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
    const items = [...byId.values()].sort((a, b) => b.checkInAt - a.checkInAt).slice(0, MAX_GET)
    return { items: items.map((r) => toInspectionView(r, ctx.now)) }
  },
})
