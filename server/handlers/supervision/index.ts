import type { FunctionHandlers } from '../../platform/handler'
import { plans } from './plans'
import { reviewPlan } from './review-plan'
import { submitPlan } from './submit-plan'

/**
 * The `supervision` cloud function (SPEC §3 supervision). One entry per action, each in
 * its own file: add an action by importing it and listing it here. Actions not listed
 * answer NOT_FOUND ("not open yet").
 */
export const supervisionHandlers: Partial<FunctionHandlers<'supervision'>> = {
  // Plans (issue 3)
  submitPlan,
  reviewPlan,
  plans,
}
