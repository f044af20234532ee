import type { Input } from '@contract'
import { callFn } from '../call'

/** The officer's department's approved plans that have not ended. */
export const deptPlans = (input: Input<'inspection', 'plans'>) => callFn('inspection', 'plans', input)
