import { rememberRules } from '@/lib/rules'
import { callFn } from '../call'

/** Who the caller is (bound user or null), today's quiet period, the city and the rules' settings (kept for the pages' words). */
export async function whoami() {
  const res = await callFn('account', 'whoami', {})
  if (res.ok) rememberRules(res.data.rules)
  return res
}
