import type { Input } from '@contract'
import { callFn } from '../call'

/** The caller's inbox, newest first, a page at a time, with the number still unread. */
export const messages = (input: Input<'account', 'messages'> = {}) => callFn('account', 'messages', input)
