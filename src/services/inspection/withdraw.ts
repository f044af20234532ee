import type { Input } from '@contract'
import { callFn } from '../call'

/** Withdraws a wrong scan within the window, with a reason (irreversible: the page confirms first). */
export const withdrawInspection = (input: Input<'inspection', 'withdraw'>) => callFn('inspection', 'withdraw', input)
