import type { Input } from '@contract'
import { callFn } from '../call'

/** Exports the ledger between two dates to an Excel file; answers its download URL (or cloud fileID). */
export const exportLedger = (input: Input<'enterprise', 'exportLedger'>) => callFn('enterprise', 'exportLedger', input)
