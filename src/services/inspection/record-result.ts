import type { Input } from '@contract'
import { callFn } from '../call'

/** Records the inspection's result (needs two officers) and issues the company's rating code. */
export const recordResult = (input: Input<'inspection', 'recordResult'>) => callFn('inspection', 'recordResult', input)
