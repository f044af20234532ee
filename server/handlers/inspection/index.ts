import type { FunctionHandlers } from '../../platform/handler'
import { certCard } from './cert-card'
import { checkIn } from './check-in'
import { list } from './list'
import { preview } from './preview'
import { ratingCode } from './rating-code'
import { recordResult } from './record-result'

/** The `inspection` cloud function: the officer at the gate (SPEC §3 inspection). */
export const inspectionHandlers: FunctionHandlers<'inspection'> = {
  preview,
  checkIn,
  recordResult,
  ratingCode,
  list,
  certCard,
}
