import type { GeoFix, LatLng, Settings } from '@contract'

const EARTH_RADIUS_M = 6_371_008.8

/** Great-circle distance in metres (haversine). */
export function distanceM(a: LatLng, b: LatLng): number {
  const rad = Math.PI / 180
  const dLat = (b.lat - a.lat) * rad
  const dLng = (b.lng - a.lng) * rad
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/**
 * Presence (rule 7): the check-in is flagged `off_site` when the phone is farther than
 * the limit from the company's registered location, or its fix is too coarse to tell.
 * A flag, never a refusal: GPS fails indoors.
 */
export function presence(fix: GeoFix, company: LatLng, settings: Pick<Settings, 'geofence'>): { distanceM: number; offSite: boolean } {
  const d = Math.round(distanceM(fix, company))
  return { distanceM: d, offSite: d > settings.geofence.maxDistanceM || fix.accuracy > settings.geofence.maxAccuracyM }
}
