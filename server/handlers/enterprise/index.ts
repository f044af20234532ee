import type { FunctionHandlers } from '../../platform/handler'
import { addLedgerEntry } from './add-ledger-entry'
import { complain } from './complain'
import { complaints } from './complaints'
import { exportLedger } from './export-ledger'
import { inspection } from './inspection'
import { inspectionForRating } from './inspection-for-rating'
import { inspections } from './inspections'
import { ledger } from './ledger'
import { overview } from './overview'
import { rate } from './rate'
import { rateReply } from './rate-reply'
import { serviceVisits } from './service-visits'
import { verifyOfficer } from './verify-officer'

/** The `enterprise` cloud function: the company's side (SPEC §3 enterprise). */
export const enterpriseHandlers: FunctionHandlers<'enterprise'> = {
  verifyOfficer,
  inspectionForRating,
  rate,
  inspections,
  serviceVisits,
  complain,
  complaints,
  ledger,
  addLedgerEntry,
  exportLedger,
  inspection,
  overview,
  rateReply,
}
