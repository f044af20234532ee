import type { Input } from '@contract'
import { callFn } from '../call'

/** Every inspection of the caller's company, newest first, with its rating state; a page at a time. */
export const companyInspections = (input: Input<'enterprise', 'inspections'>) => callFn('enterprise', 'inspections', input)
