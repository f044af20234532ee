import type { Input } from '@contract'
import { callFn } from '../call'

/** Suspends, revokes or restores an officer's certificate, with a reason. */
export const setCertStatus = (input: Input<'account', 'setCertStatus'>) => callFn('account', 'setCertStatus', input)
