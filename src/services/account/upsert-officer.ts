import type { Input } from '@contract'
import { callFn } from '../call'

/** Creates or updates an officer; a new officer comes with a one-time bind code. */
export const upsertOfficer = (input: Input<'account', 'upsertOfficer'>) => callFn('account', 'upsertOfficer', input)
