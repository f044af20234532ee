import type { Input } from '@contract'
import { callFn } from '../call'

/** Plans by status: a department admin sees their own, a supervisor those in their region. */
export const listPlans = (input: Input<'supervision', 'plans'>) => callFn('supervision', 'plans', input)
