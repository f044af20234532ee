import type { Input } from '@contract'
import { callFn } from '../call'

/** One inspection the officer is on, with its timeline. */
export const inspectionDetail = (input: Input<'inspection', 'detail'>) => callFn('inspection', 'detail', input)
