import type { Input } from '@contract'
import { callFn } from '../call'

/** What needs a supervisor now, newest first, each pointing at its record. */
export const listAlerts = (input: Input<'supervision', 'alerts'>) => callFn('supervision', 'alerts', input)
