import type { GeoFix, LatLng, ServiceVisitFlag, Settings } from '@contract'
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
