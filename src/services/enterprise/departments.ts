import { callFn } from '../call'

/** The enforcement departments a company can pick when it records a visit in its ledger. */
export const departments = () => callFn('account', 'departments', {})
