import type { Input } from '@contract'
import { callFn } from '../call'

/** Records afterwards a visit the gate could not see. */
export const backfillInspection = (input: Input<'inspection', 'backfill'>) => callFn('inspection', 'backfill', input)
