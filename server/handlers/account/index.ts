import type { FunctionHandlers } from '../../platform/handler'
import { bindEnterprise } from './bind-enterprise'
import { bindOfficer } from './bind-officer'
import { companies } from './companies'
import { departments } from './departments'
import { gateCode } from './gate-code'
import { grantRole } from './grant-role'
import { issueEnterpriseCode } from './issue-enterprise-code'
import { markRead, messages } from './messages'
import { officers } from './officers'
import { setCertStatus } from './set-cert-status'
import { upsertCompany } from './upsert-company'
import { upsertDepartment } from './upsert-department'
import { upsertOfficer } from './upsert-officer'
import { whoami } from './whoami'

/** The `account` cloud function: identity, binding and the roster (SPEC §3 account). */
export const accountHandlers: FunctionHandlers<'account'> = {
  whoami,
  bindOfficer,
  bindEnterprise,
  upsertDepartment,
  upsertCompany,
  upsertOfficer,
  issueEnterpriseCode,
  grantRole,
  setCertStatus,
  gateCode,
  departments,
  companies,
  officers,
  messages,
  markRead,
}
