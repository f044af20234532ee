import type { ServiceVisit } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { sha256 } from '../../platform/ids'
import { chinaDate, chinaMonth } from '../../domain/china-time'
import { cityOf } from '../../domain/scope'
import { serviceVisitFlags } from '../../domain/service-visit'
import { bumpCounters } from '../../store/counters'
import { fieldsOf, readDoc } from '../../store/docs'
import { checkinKeyId, refuseInvalidCertificate } from './check-in'
import { callerOfficer, companyOfScene } from '../../access/officer'

export const SERVICE_VISITS = 'serviceVisits'

/** `serviceVisits/<id>`: a service visit as stored. */
export interface ServiceVisitRecord extends Omit<ServiceVisit, 'id'> {
  _id: string
  city: string
  deptRegion: string
  month: string
  location: { lat: number; lng: number; accuracy: number }
  createdAt: number
}

/** The id of the visit a request key records: one key, one visit. */
export const serviceVisitIdFor = (keyId: string): string => 'sv_' + sha256(`sv:${keyId}`).slice(0, 24)

/**
 * A service visit 入企服务 (SPEC §2 rule 19) from the same gate scan: no plan, no cap, no
 * result, no red light; flagged `quiet_period` (park company inside the window) and
 * `off_site` for supervisors. The company sees it in its year's figures and may rate it.
 * Idempotent on clientRequestId; a key used at another company is CONFLICT.
 */
export const serviceVisit = action('inspection', 'serviceVisit', {
  access: ['officer'],
  async handle(input, ctx) {
    const openid = ctx.caller.openid || ctx.caller.user?._id || fail('UNAUTHENTICATED')
    const { officer, dept } = await callerOfficer(ctx)
    refuseInvalidCertificate(officer, ctx.now)
    const company = await companyOfScene(ctx, input.scene)
    const { now, settings } = ctx
    const id = serviceVisitIdFor(checkinKeyId(openid, input.clientRequestId))
    const visit = await ctx.db.runTransaction(async (tx) => {
      const existing = await readDoc<ServiceVisitRecord>(tx, SERVICE_VISITS, id)
      if (existing) {
        if (existing.companyId !== company._id) fail('CONFLICT', '这次扫码的请求号已用于另一家企业，请返回重新扫码')
        return existing
      }
      const { flags, distanceM } = serviceVisitFlags(now, company, input.location, settings)
      const record: ServiceVisitRecord = {
        _id: id,
        companyId: company._id,
        companyName: company.name,
        deptId: dept._id,
        deptName: dept.name,
        deptRegion: dept.region,
        region: company.region,
        city: cityOf(company.region),
        officerIds: [officer._id],
        officerNames: [officer.name],
        at: now,
        date: chinaDate(now, settings.timezone),
        month: chinaMonth(now, settings.timezone),
        purpose: input.purpose,
        ...(input.note ? { note: input.note } : {}),
        location: { lat: input.location.lat, lng: input.location.lng, accuracy: input.location.accuracy },
        distanceM,
        flags,
        rating: { state: 'none' },
        createdAt: now,
      }
      await tx
        .collection(SERVICE_VISITS)
        .doc(id)
        .set({ data: fieldsOf(record) })
      await audit(
        ctx,
        { action: 'inspection.serviceVisit', target: `${SERVICE_VISITS}/${id}`, details: { companyId: company._id, purpose: input.purpose, flags } },
        tx,
      )
      return { record, created: true }
    })
    // Counted where the company is, after the commit (store/counters.ts).
    if ('created' in visit) await bumpCounters(ctx.db, { deptId: dept._id, region: company.region, month: visit.record.month }, { serviceVisits: 1 })
    return { visit: toServiceVisitView('created' in visit ? visit.record : visit) }
  },
})

export function toServiceVisitView(r: ServiceVisitRecord): ServiceVisit {
  return {
    id: r._id,
    companyId: r.companyId,
    companyName: r.companyName,
    deptId: r.deptId,
    deptName: r.deptName,
    region: r.region,
    officerIds: [...r.officerIds],
    officerNames: [...r.officerNames],
    at: r.at,
    date: r.date,
    purpose: r.purpose,
    ...(r.note ? { note: r.note } : {}),
    distanceM: r.distanceM,
    flags: [...r.flags],
    rating: { ...r.rating },
  }
}
