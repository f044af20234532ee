import { useEffect, useState } from 'react'
import { whoami, type Me } from '@/services/account/whoami'
import { setCity } from './regions'

export type { Me }
export type MeState = { status: 'loading' } | { status: 'ready'; me: Me } | { status: 'failed'; message: string }

/** Who is looking (roles, region, department) and today's China date, loaded once per page. */
export function useMe(): MeState {
  const [state, setState] = useState<MeState>({ status: 'loading' })
  useEffect(() => {
    void whoami().then((res) => {
      if (res.ok) setCity(res.data.city)
      setState(res.ok ? { status: 'ready', me: res.data } : { status: 'failed', message: res.error.message })
    })
  }, [])
  return state
}

export const hasRole = (me: Me, role: 'supervisor' | 'deptAdmin' | 'admin') => !!me.user?.roles.includes(role)

/** A supervisor of the whole city (or an admin) may pick a county; a county supervisor may not. */
export const seesCity = (me: Me) => hasRole(me, 'admin') || (hasRole(me, 'supervisor') && (me.user?.region ?? '').length === 4)
