import type { DocData } from '../platform/db'
import { cityOf, isCityRegion, normalizeRegion } from '../domain/scope'

/** The equality condition for "records in region": a whole city by `city`, a county by `region`. */
export function regionCondition(region: string | null): DocData {
  if (region === null) return {}
  const r = normalizeRegion(region)
  return isCityRegion(r) ? { city: cityOf(r) } : { region: r }
}
