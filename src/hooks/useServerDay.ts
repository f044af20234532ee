import { useEffect, useState } from 'react'
import type { RuleSettings } from '@contract'
import { whoami } from '@/services/account/whoami'

/** The server's China date and time (HH:mm) and the rules' settings; all empty when whoami could not answer. */
export type ServerDay = { today: string; time: string; rules: RuleSettings | null }

/**
 * What bounds a page's date pickers: asked of whoami once per page, because the phone's
 * clock may be on another day than the server's (null until the answer arrives). Without an
 * answer the pickers go unbounded and the server alone judges the dates.
 */
export function useServerDay(): ServerDay | null {
  const [day, setDay] = useState<ServerDay | null>(null)
  useEffect(() => {
    void whoami().then((res) => {
      // The server sends parsed settings (defaults filled in): the answer's input type is wider than what it holds.
      setDay(res.ok ? { today: res.data.today.date, time: res.data.today.time, rules: res.data.rules as RuleSettings } : { today: '', time: '', rules: null })
    })
  }, [])
  return day
}
