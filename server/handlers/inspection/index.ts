import type { FunctionHandlers } from '../../platform/handler'
import { backfill } from './backfill'
import { certCard } from './cert-card'
import { checkIn } from './check-in'
import { detail } from './detail'
import { leniency } from './leniency'
import { list } from './list'
import { plans } from './plans'
import { preview } from './preview'
import { ratingCode } from './rating-code'
import { recordResult } from './record-result'
import { serviceVisit } from './service-visit'
import { withdraw } from './withdraw'

/** The `inspection` cloud function: the officer at the gate (SPEC §3 inspection). */
export const inspectionHandlers: FunctionHandlers<'inspection'> = {
  preview,
  checkIn,
  recordResult,
  ratingCode,
  list,
  certCard,
  detail,
  backfill,
  withdraw,
  serviceVisit,
  leniency,
  plans,
}
