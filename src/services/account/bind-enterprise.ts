import type { Input } from '@contract'
import { callFn } from '../call'

/** Binds the caller's WeChat identity to a company (USCC + bind code from the administrator). */
export const bindEnterprise = (input: Input<'account', 'bindEnterprise'>) => callFn('account', 'bindEnterprise', input)
