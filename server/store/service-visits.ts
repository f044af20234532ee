import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import { audit } from '../platform/audit'
import { fail } from '../platform/errors'
import { sha256 } from '../platform/ids'
import type { ServiceVisitRecord } from '../domain/inspection-records'
import { bumpCounters } from './counters'
import { fieldsOf, readDoc } from './docs'
import { newestPage } from './inspection-pages'

/**
 * Service visits 入企服务 (rule 19): `serviceVisits/<id>`, one per request key. Counted as
 * `serviceVisits` for the department where the company is, after the commit.
 */

export const SERVICE_VISITS = 'serviceVisits'

/** The id of the visit a request key records: one key, one visit. */
export const serviceVisitIdFor = (keyId: string): string => 'sv_' + sha256(`sv:${keyId}`).slice(0, 24)

/**
 * Writes the visit with its audit event in one transaction, idempotent on its id (a retry
 * answers the stored visit; the same key at another company is CONFLICT), then bumps the
 * department's `serviceVisits` once.
 */
export async function recordServiceVisit(ctx: Ctx, record: ServiceVisitRecord): Promise<ServiceVisitRecord> {
  const written = await ctx.db.runTransaction(async (tx) => {
    const existing = await readDoc<ServiceVisitRecord>(tx, SERVICE_VISITS, record._id)
    if (existing) {
      if (existing.companyId !== record.companyId) fail('CONFLICT', '这次扫码的请求号已用于另一家企业，请返回重新扫码')
      return { record: existing, created: false }
    }
    await tx
      .collection(SERVICE_VISITS)
      .doc(record._id)
      .set({ data: fieldsOf(record) })
    await audit(
      ctx,
      {
        action: 'inspection.serviceVisit',
        target: `${SERVICE_VISITS}/${record._id}`,
        details: { companyId: record.companyId, purpose: record.purpose, flags: record.flags },
      },
      tx,
    )
    return { record, created: true }
  })
  if (written.created) await bumpCounters(ctx.db, { deptId: record.deptId, region: record.region, month: record.month }, { serviceVisits: 1 })
  return written.record
}

/** Service visits matching every condition (a company's, a scope's), newest first, a page at a time (the same cursor as the inspection lists). */
export const newestServiceVisitsPage = (ctx: Ctx, conditions: DocData[], cursor: string | undefined) =>
  newestPage<ServiceVisitRecord>(ctx, SERVICE_VISITS, 'at', conditions, cursor, (r) => r.at)
