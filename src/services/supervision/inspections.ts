import type { Input } from '@contract'
import { callFn } from '../call'

/** Inspection search: the caller's scope narrowed by department, company, status, source, flag and dates; 20 a page. */
export const searchInspections = (input: Input<'supervision', 'inspections'>) => callFn('supervision', 'inspections', input)
