import type { FnName } from '@contract'
import type { FunctionHandlers } from './platform/handler'
import { accountHandlers } from './handlers/account'
import { enterpriseHandlers } from './handlers/enterprise'
import { inspectionHandlers } from './handlers/inspection'
import { schedulerHandlers } from './handlers/scheduler'
import { supervisionHandlers } from './handlers/supervision'

/** Every cloud function's handlers, by function name. Actions not yet built answer NOT_FOUND. */
export const registry: { [F in FnName]: Partial<FunctionHandlers<F>> } = {
  account: accountHandlers,
  inspection: inspectionHandlers,
  enterprise: enterpriseHandlers,
  supervision: supervisionHandlers,
  scheduler: schedulerHandlers,
}
