import type { Input } from '@contract'
import { callFn } from '../call'

/** A monitoring point's ledger for its county's supervisor, with the chain status. */
export const companyLedger = (input: Input<'supervision', 'ledger'>) => callFn('supervision', 'ledger', input)
