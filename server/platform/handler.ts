import type { ActionName, FnName, Output, ParsedInput, Role } from '@contract'
import type { Ctx } from './context'

/** Who may call an action: anyone (even unbound), any bound user, or the listed roles. */
export type Access = 'anyone' | 'bound' | readonly Role[]

export interface ActionHandler<F extends FnName, A extends ActionName<F>> {
  access: Access
  handle(input: ParsedInput<F, A>, ctx: Ctx): Promise<Output<F, A>>
}

/** Every action of function F, each with its access rule and handler. */
export type FunctionHandlers<F extends FnName> = { [A in ActionName<F>]: ActionHandler<F, A> }

/** Declares one action's handler with its types inferred from the contract. */
export const action = <F extends FnName, A extends ActionName<F>>(_fn: F, _action: A, def: ActionHandler<F, A>): ActionHandler<F, A> => def
