import type { Input } from '@contract'
import { callFn } from '../call'

/** Checks in at the gate (or joins the department's open inspection); retried once on a network failure with the same clientRequestId, which the server deduplicates. */
export async function checkIn(input: Input<'inspection', 'checkIn'>) {
  const first = await callFn('inspection', 'checkIn', input)
  if (first.ok || first.error.code !== 'INTERNAL') return first
  return callFn('inspection', 'checkIn', input)
}
