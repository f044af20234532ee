import type { Ctx } from '../platform/context'
import { MAX_GET } from '../platform/db'
import type { InspectionRecord, PlanRecord } from '../domain/inspection-records'

/** Reads the check-in and the preview share (before any transaction). */

/** Approved plans naming the company, newest first (at most 100). */
export async function approvedPlansFor(ctx: Ctx, companyId: string, deptId?: string): Promise<PlanRecord[]> {
  const where = deptId ? { companyIds: companyId, status: 'approved', deptId } : { companyIds: companyId, status: 'approved' }
  const got = await ctx.db.collection('plans').where(where).orderBy('submittedAt', 'desc').limit(MAX_GET).get()
  return got.data as unknown as PlanRecord[]
}

/** The company's check-ins since `since` (any department), newest first, at most 100. */
export async function inspectionsOfCompanySince(ctx: Ctx, companyId: string, since: number): Promise<InspectionRecord[]> {
  const _ = ctx.db.command
  const got = await ctx.db
    .collection('inspections')
    .where({ companyId, checkInAt: _.gte(since) })
    .orderBy('checkInAt', 'desc')
    .limit(MAX_GET)
    .get()
  return got.data as unknown as InspectionRecord[]
}
