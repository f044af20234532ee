import type { Input } from '@contract'
import { callFn } from '../call'

/** Service visit search 入企服务: the caller's scope narrowed by department, company, flag and dates; 20 a page. */
export const searchServiceVisits = (input: Input<'supervision', 'serviceVisits'>) => callFn('supervision', 'serviceVisits', input)
