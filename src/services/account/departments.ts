import type { Input } from '@contract'
import { callFn } from '../call'

/** Departments in the caller's scope (optionally one region). */
export const listDepartments = (input: Input<'account', 'departments'>) => callFn('account', 'departments', input)
