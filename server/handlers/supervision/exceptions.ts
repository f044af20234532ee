import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import type { InspectionRecord } from '../../domain/inspection-records'
import { toInspectionView } from '../inspection/views'
import { supervisorScope } from './scope'

/**
 * Quiet-period special cases 特殊情形 awaiting (or past) review, newest first, at most
 * 100: inspections that happened in the supervisor's region (the company's county).
 */
export const exceptions = action('supervision', 'exceptions', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const scope = supervisorScope(ctx)
    const got = await ctx.db
      .collection('inspections')
      .where({ ...scope.where, 'exception.review': input.status ?? 'pending' })
      .orderBy('checkInAt', 'desc')
      .limit(MAX_GET)
      .get()
    return { items: (got.data as unknown as InspectionRecord[]).map((r) => toInspectionView(r, ctx.now)) }
  },
})
