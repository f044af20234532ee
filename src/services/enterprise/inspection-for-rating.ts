import type { Input } from '@contract'
import { callFn } from '../call'

/** The inspection a rating code belongs to (department, officers, time, source, basis, result), shown before rating. */
export const inspectionForRating = (input: Input<'enterprise', 'inspectionForRating'>) => callFn('enterprise', 'inspectionForRating', input)
