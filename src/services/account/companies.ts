import type { Input } from '@contract'
import { callFn } from '../call'

/** Companies in the caller's scope, 50 a page, optionally searched by name or USCC. */
export const listCompanies = (input: Input<'account', 'companies'>) => callFn('account', 'companies', input)
