import type { FnName } from '@contract'
import type { FunctionHandlers } from './platform/handler'
import { accountHandlers } from './handlers/account'

/** Every cloud function's handlers, by function name. Actions not yet built answer NOT_FOUND. */
export const registry: { [F in FnName]: Partial<FunctionHandlers<F>> } = {
  account: accountHandlers,
  inspection: {},
  enterprise: {},
  supervision: {},
  scheduler: {},
}
