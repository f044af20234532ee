import type { Input } from '@contract'
import { callFn } from '../call'

/** Approves or rejects a pending plan, with a comment (supervisor). */
export const reviewPlan = (input: Input<'supervision', 'reviewPlan'>) => callFn('supervision', 'reviewPlan', input)
