import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { chinaDate, chinaMonth } from '../../domain/china-time'
import { serviceVisitFlags } from '../../domain/service-visit'
import { visitParties } from '../../domain/visit-parties'
import { recordServiceVisit, serviceVisitIdFor } from '../../store/service-visits'
import { toServiceVisitView } from '../../views/service-visit'
import { checkinKeyId, refuseInvalidCertificate } from './check-in'
import { callerOfficer, companyOfScene } from '../../access/officer'

/**
 * A service visit 入企服务 (SPEC §2 rule 19) from the same gate scan: no plan, no cap, no
 * result, no red light; flagged `quiet_period` (park company inside the window) and
 * `off_site` for supervisors. The company sees it in its list and may rate it.
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
    const { flags, distanceM } = serviceVisitFlags(now, company, input.location, settings)
    const visit = await recordServiceVisit(ctx, {
      _id: serviceVisitIdFor(checkinKeyId(openid, input.clientRequestId)),
      ...visitParties(company, dept, officer),
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
    })
    return { visit: toServiceVisitView(visit) }
  },
})
