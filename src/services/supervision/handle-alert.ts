import type { Input } from '@contract'
import { callFn } from '../call'

/** Handles an alert with a note (a bad rating: with its follow-up; an unscanned visit: confirmed or not). */
export const handleAlert = (input: Input<'supervision', 'handleAlert'>) => callFn('supervision', 'handleAlert', input)
