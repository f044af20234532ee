import type { Input } from '@contract'
import { callFn } from '../call'

/** Issues a one-time bind code for a company's contact (admin). */
export const issueEnterpriseCode = (input: Input<'account', 'issueEnterpriseCode'>) => callFn('account', 'issueEnterpriseCode', input)
