import type { Input } from '@contract'
import { callFn } from '../call'

/** Tells the supervisors whether their reply to the caller's complaint helped (once). */
export const rateReply = (input: Input<'enterprise', 'rateReply'>) => callFn('enterprise', 'rateReply', input)
