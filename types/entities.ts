import { z } from 'zod'
import { ChinaDate, GeoFix, Id, Instant, LatLng, Month, RegionCode, Role, Scale } from './common'

/** The stored records and the shapes answers carry. Extra fields are allowed in answers. */

export const CertStatus = z.enum(['valid', 'suspended', 'revoked'])
export type CertStatus = z.infer<typeof CertStatus>

export const User = z.object({
  id: Id,
  roles: z.array(Role),
  name: z.string(),
  deptId: Id.optional(),
  companyId: Id.optional(),
  region: RegionCode.optional(),
  officerId: Id.optional(),
})
export type User = z.infer<typeof User>

export const Department = z.object({
  id: Id,
  name: z.string(),
  region: RegionCode,
  field: z.string(),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Department = z.infer<typeof Department>

export const Company = z.object({
  id: Id,
  uscc: z.string(),
  name: z.string(),
  region: RegionCode,
  address: z.string(),
  location: LatLng,
  inPark: z.boolean(),
  parkName: z.string().optional(),
  scale: Scale,
  monitoringPoint: z.boolean(),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Company = z.infer<typeof Company>

/** A company as an officer sees it at the gate: never its registered location (the server computes the distance). */
export const CompanyAtGate = Company.omit({ location: true })
export type CompanyAtGate = z.infer<typeof CompanyAtGate>

export const Officer = z.object({
  id: Id,
  deptId: Id,
  name: z.string(),
  certNo: z.string(),
  certExpiresAt: Instant,
  certStatus: CertStatus,
  certStatusReason: z.string().optional(),
  userId: Id.optional(),
  createdAt: Instant,
  updatedAt: Instant,
})
export type Officer = z.infer<typeof Officer>

export const PlanKind = z.enum(['routine', 'campaign', 'random'])
export type PlanKind = z.infer<typeof PlanKind>
export const PlanStatus = z.enum(['pending', 'approved', 'rejected'])
export type PlanStatus = z.infer<typeof PlanStatus>

export const Plan = z.object({
  id: Id,
  deptId: Id,
  region: RegionCode,
  title: z.string(),
  kind: PlanKind,
  items: z.array(z.string()),
  basis: z.string(),
  companyIds: z.array(Id),
  from: ChinaDate,
  to: ChinaDate,
  status: PlanStatus,
  submittedBy: Id,
  submittedAt: Instant,
  review: z.object({ by: Id, at: Instant, decision: z.enum(['approve', 'reject']), comment: z.string() }).optional(),
})
export type Plan = z.infer<typeof Plan>

/**
 * What a reviewer weighs on a pending plan (supervisors): its companies (name, park), its
 * dates against the quiet period, and the department's other plans that overlap it in
 * time (with the companies both name).
 */
export const PlanFacts = z.object({
  companies: z.array(z.object({ id: Id, name: z.string(), region: RegionCode, inPark: z.boolean(), parkName: z.string().optional() })),
  quiet: z.object({ days: z.number().int(), quietDays: z.number().int(), openDays: z.number().int(), parkCompanies: z.number().int() }),
  overlaps: z.array(z.object({ planId: Id, title: z.string(), from: ChinaDate, to: ChinaDate, status: PlanStatus, sharedCompanies: z.number().int() })),
})

export type PlanFacts = z.infer<typeof PlanFacts>

export const CaseSource = z.enum(['complaint', 'referral', 'monitoring', 'enterprise_request'])
export const InspectionSource = z.enum(['plan', 'complaint', 'referral', 'monitoring', 'enterprise_request'])
export type InspectionSource = z.infer<typeof InspectionSource>
/** `withdrawn`: taken back by an officer soon after a wrong scan (rule 18); kept, never deleted. */
export const InspectionStatus = z.enum(['open', 'closed', 'overdue', 'withdrawn'])
export type InspectionStatus = z.infer<typeof InspectionStatus>
export const InspectionFlag = z.enum(['quiet_exception', 'off_site', 'repeated', 'late_result', 'late_join', 'backfilled', 'after_cap'])
export type InspectionFlag = z.infer<typeof InspectionFlag>
export const ExceptionVerdict = z.enum(['pending', 'justified', 'unjustified'])
export type ExceptionVerdict = z.infer<typeof ExceptionVerdict>
/** `no_penalty`: a minor or first violation on the leniency list (rule 20), citing the list item. */
export const Outcome = z.enum(['compliant', 'rectify', 'no_penalty', 'case', 'transfer'])
export type Outcome = z.infer<typeof Outcome>

export const InspectionException = z.object({
  category: z.string(),
  reason: z.string().optional(),
  review: ExceptionVerdict,
  reviewComment: z.string().optional(),
  reviewedBy: Id.optional(),
  reviewedAt: Instant.optional(),
})
export type InspectionException = z.infer<typeof InspectionException>

export const InspectionResult = z.object({
  outcome: Outcome,
  findings: z.string(),
  rectifyBy: ChinaDate.optional(),
  /** The leniency list item a `no_penalty` result cites (rule 20). */
  leniencyItemId: z.string().optional(),
  recordedAt: Instant,
  recordedBy: Id,
  /** Milliseconds past `dueAt` when the result came late; 0 when on time. */
  lateByMs: z.number().int().min(0),
})
export type InspectionResult = z.infer<typeof InspectionResult>

/** A source reference: the complaint, referral, warning or request number (rule 15). */
export const SourceRef = z.string().trim().min(4, '来源编号至少 4 个字符').max(40, '来源编号最多 40 个字符')

/** A department that joined another department's inspection (rule 14): its own source and, once recorded, its own result. */
export const JointPart = z.object({
  deptId: Id,
  deptName: z.string(),
  source: InspectionSource,
  planId: Id.optional(),
  sourceRef: z.string().optional(),
  exception: InspectionException.optional(),
  capCounted: z.boolean(),
  joinedAt: Instant,
  flags: z.array(InspectionFlag),
  result: InspectionResult.optional(),
})
export type JointPart = z.infer<typeof JointPart>

/** A back-filled visit (rule 17): why the gate was not scanned, when it was recorded, and the supervisor's review. */
export const Backfill = z.object({
  reason: z.string(),
  recordedAt: Instant,
  review: ExceptionVerdict,
  reviewComment: z.string().optional(),
  reviewedBy: Id.optional(),
  reviewedAt: Instant.optional(),
})
export type Backfill = z.infer<typeof Backfill>

/**
 * One department's case awaiting (or past) the supervisor's review: the leading department's
 * special case and/or back-fill (`lead`), or the special case of a department that joined (rule 14).
 */
export const ReviewCase = z.object({
  deptId: Id,
  deptName: z.string(),
  lead: z.boolean(),
  review: ExceptionVerdict,
  exception: InspectionException.optional(),
  /** The leading department's back-fill waits for this review too (rule 17). */
  backfillPending: z.boolean(),
})
export type ReviewCase = z.infer<typeof ReviewCase>

export const Withdrawal = z.object({ by: Id, byName: z.string(), at: Instant, reason: z.string() })
export type Withdrawal = z.infer<typeof Withdrawal>

export const Inspection = z.object({
  id: Id,
  companyId: Id,
  companyName: z.string().optional(),
  deptId: Id,
  deptName: z.string().optional(),
  region: RegionCode,
  officerIds: z.array(Id),
  officerNames: z.array(z.string()),
  source: InspectionSource,
  sourceRef: z.string().optional(),
  planId: Id.optional(),
  exception: InspectionException.optional(),
  /** Every department on the inspection, the leading one (`deptId`) first (rule 14). */
  deptIds: z.array(Id),
  joint: z.boolean(),
  /** The departments that joined, after the leading one. */
  joins: z.array(JointPart).optional(),
  /** One result per department that has recorded (the leading department's is also `result`). */
  results: z.array(InspectionResult.extend({ deptId: Id })).optional(),
  backfill: Backfill.optional(),
  withdrawal: Withdrawal.optional(),
  /** Counts toward the yearly frequency cap (planned, not case-sourced, not a special case). */
  capCounted: z.boolean(),
  checkInAt: Instant,
  /** China date of the check-in. */
  date: ChinaDate,
  month: Month,
  /** Absent on a back-filled visit (rule 17): nobody scanned at the gate. */
  location: GeoFix.optional(),
  distanceM: z.number().optional(),
  flags: z.array(InspectionFlag),
  status: InspectionStatus,
  dueAt: Instant,
  result: InspectionResult.optional(),
  rating: z.object({ state: z.enum(['none', 'issued', 'rated']), score: z.number().int().min(1).max(5).optional() }),
})
export type Inspection = z.infer<typeof Inspection>

export const Rating = z.object({
  id: Id,
  inspectionId: Id,
  companyId: Id,
  deptId: Id,
  /** Every department of the visit, `deptId` (the leading one) first: the rating counts for each (rule 14). */
  deptIds: z.array(Id).optional(),
  region: RegionCode,
  month: Month,
  score: z.number().int().min(1).max(5),
  tags: z.array(z.string()),
  comment: z.string().optional(),
  ratedAt: Instant,
  /** A bad rating (score ≤ settings.rating.badAtMost) must be followed up by this instant. */
  followUpDueAt: Instant.optional(),
})
export type Rating = z.infer<typeof Rating>

/** A rating of a service visit 入企服务 (rule 19): its own record (`serviceRatings/<visitId>`), never an inspection's. */
export const ServiceRating = Rating.omit({ inspectionId: true }).extend({ visitId: Id })
export type ServiceRating = z.infer<typeof ServiceRating>

/** One step in an inspection's life, for the detail pages (built from the record). */
export const InspectionEvent = z.object({
  at: Instant,
  kind: z.enum(['check_in', 'exception_review', 'overdue', 'result', 'rating']),
  text: z.string(),
})
export type InspectionEvent = z.infer<typeof InspectionEvent>

export const ComplaintStatus = z.enum(['received', 'accepted', 'replied', 'closed'])
export type ComplaintStatus = z.infer<typeof ComplaintStatus>
export const ComplaintCategory = z.enum([
  'quiet_period_violation',
  'no_certificate',
  'repeated_inspection',
  'unrelated_demands',
  'attitude',
  'fine_quota',
  'other',
])
export type ComplaintCategory = z.infer<typeof ComplaintCategory>

export const ComplaintEvent = z.object({
  at: Instant,
  action: z.enum(['received', 'accept', 'reply', 'close']),
  text: z.string(),
})
export const Complaint = z.object({
  id: Id,
  companyId: Id,
  companyName: z.string().optional(),
  region: RegionCode,
  inspectionId: Id.optional(),
  deptId: Id.optional(),
  /** The department of the inspection complained about. */
  deptName: z.string().optional(),
  category: ComplaintCategory,
  content: z.string(),
  anonymous: z.boolean(),
  /** The complainant's name; absent when anonymous. Supervisors only. */
  complainantName: z.string().optional(),
  status: ComplaintStatus,
  receivedAt: Instant,
  dueAt: Instant,
  overdue: z.boolean(),
  timeline: z.array(ComplaintEvent),
  /** The China date of the inspection complained about (with `deptName`, how the company recognises the visit). */
  inspectionDate: ChinaDate.optional(),
  /** A phone number to call back; only on a named complaint, seen by the complainant and supervisors. */
  phone: z.string().optional(),
  /** The complainant's verdict on the reply (enterprise.rateReply). */
  replyRating: z.object({ satisfied: z.boolean(), comment: z.string().optional(), at: Instant }).optional(),
  /** The supervisor who accepted it and works it; others read it only (SPEC §3). Supervisors only. */
  assignee: z.object({ id: Id, name: z.string() }).optional(),
  /** The visit complained about, as a person names it (supervisors only). */
  visit: z.object({ companyName: z.string(), deptName: z.string(), date: ChinaDate, officerNames: z.array(z.string()) }).optional(),
})
export type Complaint = z.infer<typeof Complaint>

export const LedgerEntry = z.object({
  id: Id,
  companyId: Id,
  seq: z.number().int().min(1),
  date: ChinaDate,
  source: z.enum(['scan', 'manual']),
  inspectionId: Id.optional(),
  matchedInspectionId: Id.nullable().optional(),
  deptId: Id.optional(),
  deptName: z.string(),
  officerNames: z.array(z.string()),
  purpose: z.string(),
  note: z.string().optional(),
  unscanned: z.boolean(),
  createdAt: Instant,
  prevHash: z.string(),
  hash: z.string(),
})
export type LedgerEntry = z.infer<typeof LedgerEntry>

export const AlertKind = z.enum([
  'overdue',
  'unjustified_exception',
  'pending_exception',
  'bad_rating',
  'unscanned',
  'repeated',
  'complaint_overdue',
  'after_cap',
  'follow_up_overdue',
])
export type AlertKind = z.infer<typeof AlertKind>
export const AlertStatus = z.enum(['open', 'handled'])
export type AlertStatus = z.infer<typeof AlertStatus>
/** A bad rating's follow-up 回访 (rule 21): whether the company was reached, and what came of it. */
export const FollowUp = z.object({ contacted: z.boolean(), outcome: z.string() })
export type FollowUp = z.infer<typeof FollowUp>
/** How a supervisor handled an alert (rule 21). `confirmed`: an unscanned visit judged real (it then counts in the 通报, SPEC §6). */
export const AlertHandling = z.object({
  by: Id,
  byName: z.string().optional(),
  at: Instant,
  note: z.string(),
  followUp: FollowUp.optional(),
  confirmed: z.boolean().optional(),
})
export type AlertHandling = z.infer<typeof AlertHandling>
export const Alert = z.object({
  id: Id,
  kind: AlertKind,
  /** The record the alert is about: `inspections/<id>`, `ratings/<id>`, `serviceRatings/<visitId>`, `ledger/<id>`, `complaints/<id>`. */
  ref: z.string(),
  at: Instant,
  region: RegionCode,
  deptId: Id.optional(),
  /** Every department the alert concerns, `deptId` first (a bad rating of a joint inspection concerns each, rule 14). */
  deptIds: z.array(Id).optional(),
  companyId: Id.optional(),
  summary: z.string().optional(),
  resolved: z.boolean().optional(),
  status: AlertStatus,
  handling: AlertHandling.optional(),
  /** bad_rating / follow_up_overdue: the follow-up is due by then. */
  dueAt: Instant.optional(),
  /** bad_rating / follow_up_overdue: the rating itself (supervisors only, rule 21). */
  rating: z.object({ score: z.number().int(), tags: z.array(z.string()), comment: z.string().optional(), ratedAt: Instant }).optional(),
})
export type Alert = z.infer<typeof Alert>

export const AuditEvent = z.object({
  id: Id,
  at: Instant,
  actor: z.string(),
  action: z.string(),
  target: z.string(),
  requestId: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
})
export type AuditEvent = z.infer<typeof AuditEvent>

/**
 * Figures withheld from the viewer (SPEC §3: marked, never shown as 0): complaint figures
 * from department admins; below the aggregate threshold the average (everyone) and the
 * bad-rating count (department admins).
 */
export const HiddenFigure = z.enum(['complaints', 'ratings.bad', 'ratings.avg', 'serviceRatings.bad', 'serviceRatings.avg'])
export type HiddenFigure = z.infer<typeof HiddenFigure>

/** Per-department-per-month figures, kept by the writes (ARCHITECTURE rule 6). */
export const DeptFigures = z.object({
  inspections: z.number(),
  quietExceptions: z.object({ pending: z.number(), justified: z.number(), unjustified: z.number() }),
  overdue: z.number(),
  ratings: z.object({ count: z.number(), avg: z.number().nullable(), bad: z.number() }),
  complaints: z.object({ open: z.number(), overdue: z.number() }),
  unscanned: z.number(),
  repeated: z.number(),
  capRefusals: z.number(),
  /** Results citing a leniency item (rule 20), back-filled visits (rule 17), withdrawn visits (rule 18), service visits (rule 19). */
  noPenalty: z.number().optional(),
  backfills: z.number().optional(),
  withdrawn: z.number().optional(),
  serviceVisits: z.number().optional(),
  /** Ratings of service visits (rule 19), apart from the inspections' `ratings`, under the same threshold. */
  serviceRatings: z.object({ count: z.number(), avg: z.number().nullable(), bad: z.number() }).optional(),
  hidden: z.array(HiddenFigure).optional(),
})
export type DeptFigures = z.infer<typeof DeptFigures>

export const ServicePurpose = z.enum(['policy', 'survey', 'assistance', 'other'])
export type ServicePurpose = z.infer<typeof ServicePurpose>
export const ServiceVisitFlag = z.enum(['quiet_period', 'off_site'])
export type ServiceVisitFlag = z.infer<typeof ServiceVisitFlag>

/** A service visit 入企服务 (rule 19): not an inspection; no plan, cap, result or red light. */
export const ServiceVisit = Inspection.pick({
  id: true,
  companyId: true,
  companyName: true,
  deptId: true,
  deptName: true,
  region: true,
  officerIds: true,
  officerNames: true,
}).extend({
  at: Instant,
  date: ChinaDate,
  purpose: ServicePurpose,
  note: z.string().optional(),
  distanceM: z.number(),
  flags: z.array(ServiceVisitFlag),
  /** The score only to the visited company (departments see aggregates, rule 9). */
  rating: z.object({ state: z.enum(['none', 'rated']), score: z.number().int().min(1).max(5).optional() }),
})
export type ServiceVisit = z.infer<typeof ServiceVisit>

/** One step of an inspection's timeline (detail pages). */
export const TimelineStep = z.object({
  at: Instant,
  kind: z.enum(['check_in', 'backfill', 'join', 'joint_join', 'result', 'withdraw', 'rating', 'review']),
  text: z.string(),
  deptId: Id.optional(),
})
export type TimelineStep = z.infer<typeof TimelineStep>

/** What an inbox message is about (SPEC §2.22); also the subscription-message template key. */
export const MessageKind = z.enum(['checkin_notice', 'result_notice', 'complaint_update', 'complaint_new', 'overdue_reminder'])
export type MessageKind = z.infer<typeof MessageKind>

/** One message in a user's in-app inbox (account.messages). */
export const Message = z.object({
  id: Id,
  kind: MessageKind,
  title: z.string(),
  body: z.string(),
  /** The record it is about (`inspections/<id>`, `complaints/<id>`). */
  ref: z.string().optional(),
  /** The page that opens it, with its query (`enterprise/inspection/index?id=…`). */
  page: z.string().optional(),
  at: Instant,
  read: z.boolean(),
})
export type Message = z.infer<typeof Message>
