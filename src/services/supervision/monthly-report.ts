import type { Input } from '@contract'
import { callFn } from '../call'

/** Builds the month's 通报 workbook (xlsx) and answers where to download it. */
export const monthlyReport = (input: Input<'supervision', 'monthlyReport'>) => callFn('supervision', 'monthlyReport', input)
