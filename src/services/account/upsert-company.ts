import type { Input } from '@contract'
import { callFn } from '../call'

/** Creates or updates a company; the USCC checksum is checked by the server (admin). */
export const upsertCompany = (input: Input<'account', 'upsertCompany'>) => callFn('account', 'upsertCompany', input)
