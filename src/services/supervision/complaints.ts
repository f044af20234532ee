import type { Input } from '@contract'
import { callFn } from '../call'

/** Complaints in the supervisor's region by status, each with its timeline. */
export const listComplaints = (input: Input<'supervision', 'complaints'>) => callFn('supervision', 'complaints', input)
