import { callFn } from '../call'

/** Marks the caller's own messages read; answers how many changed. */
export const markRead = (ids: string[]) => callFn('account', 'markRead', { ids })
