import type { Input } from '@contract'
import { callFn } from '../call'

/** Marks a quiet-period exception justified or unjustified, with a comment. */
export const reviewException = (input: Input<'supervision', 'reviewException'>) => callFn('supervision', 'reviewException', input)
