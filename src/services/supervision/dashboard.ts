import type { Input } from '@contract'
import { callFn } from '../call'

/** A month's kept figures: totals, per department, and (when given) the 12-month trend. */
export const dashboard = (input: Input<'supervision', 'dashboard'>) => callFn('supervision', 'dashboard', input)
