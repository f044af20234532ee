import type { Input } from '@contract'
import { callFn } from '../call'

/** Submits a department's inspection plan for supervisor review (department admin). */
export const submitPlan = (input: Input<'supervision', 'submitPlan'>) => callFn('supervision', 'submitPlan', input)
