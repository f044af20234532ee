import type { Input } from '@contract'
import { callFn } from '../call'

/** Records a service visit (not an inspection) from the gate scan. */
export const serviceVisit = (input: Input<'inspection', 'serviceVisit'>) => callFn('inspection', 'serviceVisit', input)
