import { fail } from '../platform/errors'
import { USCC_PROBLEM_MESSAGES, usccProblem } from '../domain/uscc'

/** INVALID_INPUT naming the field `uscc` when the code fails GB 32100 / GB 11714. */
export function refuseInvalidUscc(uscc: string): void {
  const problem = usccProblem(uscc)
  if (problem) {
    const message = USCC_PROBLEM_MESSAGES[problem]
    fail('INVALID_INPUT', message, { field: 'uscc', problem, issues: [{ path: ['uscc'], code: 'custom', message }] })
  }
}
