import { callFn } from '../call'

/** Who the caller is (bound user or null) and whether today is in the quiet production period. */
export const whoami = () => callFn('account', 'whoami', {})
