import { callFn } from '../call'

/** The complaints the caller's company filed, with status and timeline. */
export const myComplaints = () => callFn('enterprise', 'complaints', {})
