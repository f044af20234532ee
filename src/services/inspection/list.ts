import type { Input } from '@contract'
import { callFn } from '../call'

/** The caller's inspections by status (open, overdue = red light, closed), a page at a time. */
export const listInspections = (input: Input<'inspection', 'list'>) => callFn('inspection', 'list', input)
