import type { GeoFix, LatLng, ServicePurpose, ServiceVisitFlag, Settings } from '@contract'
import { presence } from './geofence'
import { quietPeriodBlocks } from './quiet-period'

/**
 * Service visits 入企服务 (SPEC §2 rule 19): help, not inspection — no plan, no cap, no
 * result, no red light. Allowed in the quiet period, flagged `quiet_period` for supervisors
 * where an inspection would have been refused; `off_site` as for a check-in.
 */
export function serviceVisitFlags(
  now: number,
  company: { inPark: boolean; location: LatLng },
  fix: GeoFix,
  settings: Pick<Settings, 'quietPeriod' | 'timezone' | 'geofence'>,
): { flags: ServiceVisitFlag[]; distanceM: number } {
  const flags: ServiceVisitFlag[] = []
  if (quietPeriodBlocks(now, company, settings)) flags.push('quiet_period')
  const where = presence(fix, company.location, settings)
  if (where.offSite) flags.push('off_site')
  return { flags, distanceM: where.distanceM }
}

/** A service visit's purpose in words (alerts, summaries). */
export const SERVICE_PURPOSE_LABELS: Record<ServicePurpose, string> = { policy: '政策宣讲', survey: '调研走访', assistance: '帮扶解难', other: '其他服务' }

/** The company may rate a service visit from its list until `ratingFromList.days` after the visit (rule 19, like rule 22's window after a result). */
export const visitRateUntil = (visit: { at: number }, settings: Pick<Settings, 'ratingFromList'>): number =>
  visit.at + settings.ratingFromList.days * 86_400_000
