import type { Output } from '@contract'
import { callFn } from '../call'

/** The whoami answer: the caller (bound user or null), today's quiet period, the city's settings. */
export type Me = Output<'account', 'whoami'>

/** Who the caller is (bound user or null) and whether today is in the quiet production period. */
export const whoami = () => callFn('account', 'whoami', {})
