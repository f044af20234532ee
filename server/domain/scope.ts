import type { Settings } from '@contract'

/**
 * Regions: a county code (6 digits, e.g. 360702 章贡区) or a city code (4 digits, e.g.
 * 3607 赣州市). A city covers all its counties; a county covers only itself. A 6-digit
 * code ending in 00 (360700) is the city itself and is treated as its 4-digit code.
 */

export const normalizeRegion = (region: string): string => (region.length === 6 && region.endsWith('00') ? region.slice(0, 4) : region)

/** The city code of any region ('360702' → '3607'). */
export const cityOf = (region: string): string => region.slice(0, 4)

export const isCityRegion = (region: string): boolean => normalizeRegion(region).length === 4

/** Whether a user scoped to `scopeRegion` may see records of `region`. */
export function regionCovers(scopeRegion: string, region: string): boolean {
  const scope = normalizeRegion(scopeRegion)
  const target = normalizeRegion(region)
  return scope.length === 4 ? cityOf(target) === scope : target === scope
}

/** A region's name for titles: the city's name for its code, a county's from the settings, else the code. */
export function regionName(code: string, settings: Pick<Settings, 'city'>): string {
  const region = normalizeRegion(code)
  if (region === settings.city.code) return settings.city.name
  return settings.city.regions.find((r) => r.code === region)?.name ?? region
}
