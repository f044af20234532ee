import type { Input } from '@contract'
import { callFn } from '../call'

/** What the officer needs at the gate before checking in: the company, the quiet-period verdict, plans, counts, recent inspections. */
export const preview = (input: Input<'inspection', 'preview'>) => callFn('inspection', 'preview', input)
