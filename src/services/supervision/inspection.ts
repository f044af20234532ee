import type { Input } from '@contract'
import { callFn } from '../call'

/** One inspection in full: timeline, ledger entry; the rating and complaints for supervisors. */
export const inspectionDetail = (input: Input<'supervision', 'inspection'>) => callFn('supervision', 'inspection', input)
