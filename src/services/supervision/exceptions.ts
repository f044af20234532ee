import type { Input } from '@contract'
import { callFn } from '../call'

/** Quiet-period exception check-ins by review state (pending, justified, unjustified). */
export const listExceptions = (input: Input<'supervision', 'exceptions'>) => callFn('supervision', 'exceptions', input)
