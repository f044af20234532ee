import type { FnName } from '@contract'
import type { FunctionHandlers } from './platform/handler'
import { accountHandlers } from './handlers/account'
import { enterpriseHandlers } from './handlers/enterprise'
import { inspectionHandlers } from './handlers/inspection'
import { schedulerHandlers } from './handlers/scheduler'
import { supervisionHandlers } from './handlers/supervision'

/** Every cloud function's handlers, by function name: every action of the contract has one (the types say so). */
export const registry: { [F in FnName]: FunctionHandlers<F> } = {
  account: accountHandlers,
  inspection: inspectionHandlers,
  enterprise: enterpriseHandlers,
  supervision: supervisionHandlers,
  scheduler: schedulerHandlers,
}
