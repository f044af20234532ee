import type { Input } from '@contract'
import { callFn } from '../call'

/** Binds the caller's WeChat identity to an officer record (certificate number + name + bind code). */
export const bindOfficer = (input: Input<'account', 'bindOfficer'>) => callFn('account', 'bindOfficer', input)
