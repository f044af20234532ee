import { useEffect, useState } from 'react'
import type { Output } from '@contract'
import { whoami } from '@/services/account/whoami'

/**
 * The city's geography for the supervisor pages: the county picker and region labels. The
 * list comes from the settings through whoami (`city`); `useMe` hands each answer here, so
 * pages read it without another call. Short department names are below.
 */

export type City = Output<'account', 'whoami'>['city']
export type RegionOption = { code: string; name: string }

let city: City | null = null
const listeners = new Set<() => void>()
let loading: Promise<unknown> | null = null

/** Keep the city from a whoami answer (called by `useMe`). */
export function setCity(next: City): void {
  city = next
  listeners.forEach((l) => l())
}

/** The picker's choices: the whole city first, then its counties (empty until whoami answered). */
export function regionOptions(): RegionOption[] {
  if (!city) return []
  return [{ code: city.code, name: `${city.name}（全市）` }, ...city.regions]
}

/** The city's code ('' until whoami answered). */
export const cityCode = (): string => city?.code ?? ''

export const regionName = (code?: string): string => (code ? (regionOptions().find((r) => r.code === code)?.name ?? code) : '')

/**
 * The region list for a page that does not call `useMe` itself: re-renders when the city
 * arrives, and asks whoami once per app run only if no page has yet.
 */
export function useRegions(): RegionOption[] {
  const [, setTick] = useState(0)
  useEffect(() => {
    const l = () => setTick((t) => t + 1)
    listeners.add(l)
    if (!city && !loading) {
      loading = whoami().then((res) => {
        if (res.ok) setCity(res.data.city)
        loading = null
      })
    }
    return () => {
      listeners.delete(l)
    }
  }, [])
  return regionOptions()
}

/** Department names are long (赣州市市场监督管理局): drop the city prefix on charts. */
export const shortDeptName = (name: string): string =>
  city && name.startsWith(city.name) && name.length > city.name.length ? name.slice(city.name.length) : name
