import type { Input } from '@contract'
import { callFn } from '../call'

/** The leniency lists and discretion standards, of one field or all. */
export const leniencyLists = (input: Input<'inspection', 'leniency'>) => callFn('inspection', 'leniency', input)
