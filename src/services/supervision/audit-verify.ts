import type { Input } from '@contract'
import { callFn } from '../call'

/** Verifies the monitoring-point ledger hash chains (one company or all in scope). */
export const auditVerify = (input: Input<'supervision', 'auditVerify'>) => callFn('supervision', 'auditVerify', input)
