import type { Input } from '@contract'
import { callFn } from '../call'

/** Officers in the caller's scope (optionally one department), with certificate status. */
export const listOfficers = (input: Input<'account', 'officers'>) => callFn('account', 'officers', input)
