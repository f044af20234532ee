import type { Input } from '@contract'
import { callFn } from '../call'

/** Adds a visit nobody scanned to the ledger; answers whether a check-in matched it or it is unscanned. */
export const addLedgerEntry = (input: Input<'enterprise', 'addLedgerEntry'>) => callFn('enterprise', 'addLedgerEntry', input)
