import type { Input } from '@contract'
import { callFn } from '../call'

/** Files a complaint (about one inspection or enforcement in general), optionally anonymous; answers its due date. */
export const complain = (input: Input<'enterprise', 'complain'>) => callFn('enterprise', 'complain', input)
