import type { Input } from '@contract'
import { callFn } from '../call'

/** The rating QR code of a closed inspection, to show the company's responsible person. */
export const ratingCode = (input: Input<'inspection', 'ratingCode'>) => callFn('inspection', 'ratingCode', input)
