import type { Input } from '@contract'
import { callFn } from '../call'

/** Creates or updates a department (admin). */
export const upsertDepartment = (input: Input<'account', 'upsertDepartment'>) => callFn('account', 'upsertDepartment', input)
