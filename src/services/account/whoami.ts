import type { Output } from '@contract'
import { rememberRules } from '@/lib/rules'
import { rememberTemplates } from '../subscribe'
import { callFn } from '../call'

/** The whoami answer: the caller (bound user or null), today's quiet period, the city's settings. */
export type Me = Output<'account', 'whoami'>

/** Who the caller is (bound user or null), today's quiet period, the city and the rules' settings (kept for the pages' words). */
export async function whoami() {
  const res = await callFn('account', 'whoami', {})
  // The server sends parsed settings (defaults filled in): the answer's input type is wider than what it holds.
  if (res.ok) {
    rememberRules(res.data.rules as Parameters<typeof rememberRules>[0])
    // Every page that asked who is calling can also ask for subscriptions (a deep link skips home).
    rememberTemplates(res.data.templates)
  }
  return res
}
