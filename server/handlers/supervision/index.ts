import type { FunctionHandlers } from '../../platform/handler'
import { complaints } from './complaints'
import { handleComplaint } from './handle-complaint'
import { alerts } from './alerts'
import { handleAlert } from './handle-alert'
import { auditVerify } from './audit-verify'
import { dashboard } from './dashboard'
import { exceptions } from './exceptions'
import { monthlyReport } from './monthly-report'
import { reviewException } from './review-exception'
import { plans } from './plans'
import { inspection } from './inspection'
import { inspections } from './inspections'
import { serviceVisits } from './service-visits'
import { ledger } from './ledger'
import { reviewPlan } from './review-plan'
import { submitPlan } from './submit-plan'

/**
 * The `supervision` cloud function (SPEC §3 supervision). One entry per action, each in
 * its own file: add an action by importing it and listing it here. Actions not listed
 * answer NOT_FOUND ("not open yet").
 */
export const supervisionHandlers: FunctionHandlers<'supervision'> = {
  // Plans
  submitPlan,
  reviewPlan,
  plans,
  // Complaints
  complaints,
  handleComplaint,
  // Figures, exceptions, alerts, 通报, audit
  exceptions,
  reviewException,
  dashboard,
  alerts,
  handleAlert,
  monthlyReport,
  auditVerify,
  // Inspection search and detail (issue 16)
  inspections,
  inspection,
  ledger,
  // Service visits 入企服务 and their flags (rule 19)
  serviceVisits,
}
