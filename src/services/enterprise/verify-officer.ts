import type { Input } from '@contract'
import { callFn } from '../call'

/** Checks an officer's certificate card code: who they are and whether the certificate is valid now. */
export const verifyOfficer = (input: Input<'enterprise', 'verifyOfficer'>) => callFn('enterprise', 'verifyOfficer', input)
