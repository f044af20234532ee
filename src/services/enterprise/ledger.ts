import type { Input } from '@contract'
import { callFn } from '../call'

/** The monitoring-point ledger of the caller's company and whether its hash chain verifies. */
export const ledger = (input: Input<'enterprise', 'ledger'>) => callFn('enterprise', 'ledger', input)
