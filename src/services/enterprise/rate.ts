import type { Input } from '@contract'
import { callFn } from '../call'

/** Rates one inspection through its single-use rating code: score 1–5, optional tags and comment. */
export const rate = (input: Input<'enterprise', 'rate'>) => callFn('enterprise', 'rate', input)
