import type {
  Backfill,
  InspectionException,
  InspectionFlag,
  InspectionResult,
  InspectionSource,
  InspectionStatus,
  JointPart,
  PlanKind,
  PlanStatus,
  ServiceVisit,
  Withdrawal,
} from '@contract'

/**
 * The stored shapes of plans, inspections and their side documents. `_id` is the
 * entity's `id`; answers convert with the views in the handlers.
 */

export interface PlanRecord {
  _id: string
  deptId: string
  region: string
  /** The 4-digit city of `region`, for city-wide scope queries by equality. */
  city: string
  title: string
  kind: PlanKind
  items: string[]
  basis: string
  companyIds: string[]
  from: string
  to: string
  status: PlanStatus
  submittedBy: string
  submittedAt: number
  review?: { by: string; at: number; decision: 'approve' | 'reject'; comment: string }
}

export interface InspectionRecord {
  _id: string
  companyId: string
  companyName: string
  deptId: string
  deptName: string
  /** The department's region (where the department sits; figures are kept under the company's `region`). */
  deptRegion: string
  /** The company's region (county): where it happened; supervisors' scope. */
  region: string
  city: string
  officerIds: string[]
  officerNames: string[]
  /** Each officer's department, parallel to `officerIds` (absent on older records: all `deptId`'s). */
  officerDeptIds?: string[]
  /** When each officer came on the inspection, parallel to `officerIds`. */
  officerJoinedAt?: number[]
  /** Every department on the inspection, the leading one (`deptId`) first (rule 14; absent on older records: `[deptId]`). */
  deptIds?: string[]
  joint?: boolean
  /** The departments that joined after the leading one, each with its source and result. */
  joins?: JointPartRecord[]
  source: InspectionSource
  /** The case source's reference number (rule 15). */
  sourceRef?: string
  backfill?: Backfill & { recordedBy: string }
  withdrawal?: Withdrawal
  planId?: string
  planKind?: PlanKind
  exception?: InspectionException
  capCounted: boolean
  checkInAt: number
  date: string
  month: string
  /** Absent on a back-filled visit: nobody was at the gate with a phone. */
  location?: { lat: number; lng: number; accuracy: number }
  distanceM?: number
  flags: InspectionFlag[]
  status: InspectionStatus
  dueAt: number
  result?: InspectionResult
  rating: { state: 'none' | 'issued' | 'rated'; score?: number }
  /** The ledger entry written for a monitoring-point company. */
  ledgerEntryId?: string
  createdAt: number
  updatedAt: number
}

export type JointPartRecord = JointPart & { deptRegion: string; planKind?: PlanKind }

/** `ratingTokens/<token id>`: one rating code; single use, expires. */
export interface RatingTokenRecord {
  _id: string
  inspectionId: string
  companyId: string
  deptId: string
  createdAt: number
  expiresAt: number
  usedAt: number | null
}

/** `cardTokens/<token id>`: the certificate card's QR code, valid a few minutes. */
export interface CardTokenRecord {
  _id: string
  officerId: string
  createdAt: number
  expiresAt: number
}

/** `serviceVisits/<id>`: a service visit 入企服务 (rule 19) as stored. */
export interface ServiceVisitRecord extends Omit<ServiceVisit, 'id'> {
  _id: string
  companyName: string
  deptName: string
  city: string
  deptRegion: string
  month: string
  location: { lat: number; lng: number; accuracy: number }
  createdAt: number
  updatedAt?: number
}
