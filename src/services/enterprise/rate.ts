import type { Input } from '@contract'
import { callFn } from '../call'

/** Rates an inspection (its rating code, or from the list) or a service visit (from the list): score 1–5, optional tags and comment. */
export const rate = (input: Input<'enterprise', 'rate'>) => callFn('enterprise', 'rate', input)
