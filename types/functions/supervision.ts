import { z } from 'zod'
import { ChinaDate, Cursor, Id, Month, MonthInput, RegionCode, text } from '../common'
import { LedgerRow } from './enterprise'
import {
  Alert,
  AlertStatus,
  Complaint,
  ComplaintStatus,
  DeptFigures,
  ExceptionVerdict,
  Inspection,
  InspectionEvent,
  InspectionFlag,
  InspectionSource,
  InspectionStatus,
  LedgerEntry,
  Plan,
  PlanFacts,
  PlanKind,
  PlanStatus,
  Rating,
  ReviewCase,
  ServiceVisit,
  ServiceVisitFlag,
} from '../entities'

/** `supervision`: plans, reviews, complaints, figures (SPEC §3 supervision). */

/** A supervisor's step on a complaint: received → accepted → replied → closed. */
export const ComplaintStep = z.enum(['accept', 'reply', 'close'])

export const supervision = {
  submitPlan: {
    input: z.object({
      deptId: Id,
      title: text(100),
      kind: PlanKind,
      items: z.array(text(200)).min(1).max(50),
      basis: text(500),
      companyIds: z.array(Id).min(1).max(500),
      from: ChinaDate,
      to: ChinaDate,
    }),
    output: z.object({ plan: Plan }),
  },
  reviewPlan: {
    input: z.object({ planId: Id, decision: z.enum(['approve', 'reject']), comment: text(500) }),
    output: z.object({ plan: Plan }),
  },
  plans: {
    input: z.object({ status: PlanStatus.optional(), deptId: Id.optional() }),
    output: z.object({ items: z.array(Plan.extend({ facts: PlanFacts.optional() })) }),
  },
  exceptions: {
    input: z.object({ status: ExceptionVerdict.optional() }),
    /** One item per department's case: an inspection can carry several (rule 14), each reviewed on its own. */
    output: z.object({ items: z.array(Inspection.extend({ reviewCase: ReviewCase })) }),
  },
  reviewException: {
    /** `deptId`: whose case (a joint inspection can carry several); absent = the one pending case. */
    input: z.object({ inspectionId: Id, deptId: Id.optional(), verdict: z.enum(['justified', 'unjustified']), comment: text(500) }),
    output: z.object({ inspection: Inspection }),
  },
  complaints: {
    input: z.object({ status: ComplaintStatus.optional() }),
    output: z.object({ items: z.array(Complaint) }),
  },
  handleComplaint: {
    /**
     * SPEC §3 names the step `action`, but `action` is the event's action name (the
     * dispatcher and the client transport both use it), so a field of that name can never
     * arrive. The step travels as `step` (docs/decisions.md).
     */
    input: z.object({ complaintId: Id, step: ComplaintStep, text: text(2000) }),
    output: z.object({ complaint: Complaint }),
  },
  dashboard: {
    input: z.object({ month: MonthInput, region: RegionCode.optional() }),
    output: z.object({
      month: Month,
      totals: DeptFigures,
      byDepartment: z.array(DeptFigures.extend({ deptId: Id, deptName: z.string(), region: RegionCode })),
      trend: z.array(z.object({ month: Month, inspections: z.number(), overdue: z.number(), quietExceptions: z.number() })).optional(),
      /** For supervisors, from `calendar.warnDaysBefore` days before the known holiday calendar ends. */
      calendarWarning: z.string().optional(),
      /** Red lights still open today, whatever month they began (SPEC §3). */
      overdueOpen: z.number().int(),
      /** Supervisors: alerts open now in the scope, by kind (whatever month they were raised). */
      openAlerts: z.record(z.string(), z.number().int()).optional(),
      /** The settings the page words its figures by (withheld below `minRatings` ratings). */
      rules: z.object({ minRatings: z.number().int(), badAtMost: z.number().int() }),
    }),
  },
  alerts: {
    input: z.object({ region: RegionCode.optional(), status: AlertStatus.optional() }),
    output: z.object({ items: z.array(Alert) }),
  },
  /**
   * Rule 21: a supervisor handles an alert with a note. `followUp` is required for a bad
   * rating (and its follow_up_overdue); `confirmed` for an unscanned visit (true: the visit
   * happened without a scan and counts in the 通报; false: not confirmed).
   */
  handleAlert: {
    input: z.object({
      /** Alert ids name their record (up to 120 characters). */
      alertId: z
        .string()
        .min(1)
        .max(120)
        .regex(/^[A-Za-z0-9_-]+$/),
      note: text(500),
      followUp: z.object({ contacted: z.boolean(), outcome: text(500) }).optional(),
      confirmed: z.boolean().optional(),
    }),
    output: z.object({ alert: Alert }),
  },
  /** Inspection search (SPEC §3): supervisors their scope (a county = where the company is), department admins their department. */
  inspections: {
    input: z.object({
      region: RegionCode.optional(),
      deptId: Id.optional(),
      companyId: Id.optional(),
      status: InspectionStatus.optional(),
      source: InspectionSource.optional(),
      flag: InspectionFlag.optional(),
      /** China dates of the check-in, inclusive. */
      from: ChinaDate.optional(),
      to: ChinaDate.optional(),
      cursor: Cursor.optional(),
    }),
    output: z.object({ items: z.array(Inspection), cursor: z.string().optional() }),
  },
  /**
   * Service visit search 入企服务 (rule 19), by the same scopes as `inspections`: a visit in the
   * quiet period at a park company is flagged `quiet_period`. The rating's score: supervisors only (rule 21).
   */
  serviceVisits: {
    input: z.object({
      region: RegionCode.optional(),
      deptId: Id.optional(),
      companyId: Id.optional(),
      flag: ServiceVisitFlag.optional(),
      /** China dates of the visit, inclusive. */
      from: ChinaDate.optional(),
      to: ChinaDate.optional(),
      cursor: Cursor.optional(),
    }),
    output: z.object({ items: z.array(ServiceVisit), cursor: z.string().optional() }),
  },
  /** One inspection in full. The rating (score, tags, comment) and the complaints: supervisors only (rule 21). */
  inspection: {
    input: z.object({ inspectionId: Id }),
    output: z.object({
      inspection: Inspection,
      timeline: z.array(InspectionEvent),
      rating: Rating.optional(),
      complaints: z.array(Complaint).optional(),
      ledgerEntry: LedgerEntry.optional(),
    }),
  },
  /** A monitoring point's ledger, for a supervisor of its county. */
  ledger: {
    input: z.object({ companyId: Id, from: ChinaDate.optional(), to: ChinaDate.optional() }),
    output: z.object({
      items: z.array(LedgerRow.extend({ unscannedReview: z.enum(['open', 'confirmed', 'not_confirmed']).optional() })),
      chainOk: z.boolean(),
      brokenAt: z.number().int().optional(),
      total: z.number().int().optional(),
      company: z.object({ id: Id, name: z.string(), region: RegionCode }),
    }),
  },
  monthlyReport: {
    input: z.object({ month: MonthInput }),
    /** `departments`: rows in the sheet. */
    output: z.object({ url: z.string().optional(), fileID: z.string().optional(), fileName: z.string().optional(), departments: z.number().int() }),
  },
  auditVerify: {
    input: z.object({ companyId: Id.optional() }),
    output: z.object({ ok: z.boolean(), checked: z.number().int(), brokenAt: z.object({ companyId: Id, seq: z.number().int() }).optional() }),
  },
} as const
