import type { Ctx } from '../../platform/context'
import { migrateToGates } from '../../store/gate-migration'
import type { JobResult } from './jobs'

/**
 * Data stored before the company gate and the region counters (issue 7) moved into them,
 * once, in the first hourly run after an upgrade (store/gate-migration.ts); one read
 * afterwards.
 */
export async function migrateStoredShapes(ctx: Ctx): Promise<JobResult> {
  const report = await migrateToGates(ctx.db, ctx.now, ctx.settings)
  return report.skipped ? {} : { migrated: { counters: report.counters, companies: report.companies } }
}
