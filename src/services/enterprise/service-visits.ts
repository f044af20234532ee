import type { Input } from '@contract'
import { callFn } from '../call'

/** The service visits 入企服务 to the caller's company, newest first, with their rating state; a page at a time. */
export const companyServiceVisits = (input: Input<'enterprise', 'serviceVisits'>) => callFn('enterprise', 'serviceVisits', input)
