import { z } from 'zod'
import { ChinaDate, Cursor, Id, text } from '../common'
import { CertStatus, Complaint, ComplaintCategory, Inspection, InspectionSource, LedgerEntry, Outcome, Rating, ServiceRating, ServiceVisit } from '../entities'

/** `enterprise`: the company's side (SPEC §3 enterprise). */

const Token = z.string().min(1).max(512)

/** A ledger entry as the ledger pages read it: with its inspection's outcome and, for the company, the rating. */
export const LedgerRow = LedgerEntry.extend({
  outcome: Outcome.optional(),
  outcomeLabel: z.string().optional(),
  ratingScore: z.number().int().optional(),
  /** Every officer of a scanned visit (the entry keeps those at the check-in; joins come later). */
  visitOfficerNames: z.array(z.string()).optional(),
})

export const InspectionSummary = z.object({
  inspectionId: Id,
  companyName: z.string(),
  department: z.string(),
  officerNames: z.array(z.string()),
  time: z.number(),
  source: InspectionSource,
  basis: z.string().optional(),
  result: z.object({ outcome: Outcome, findings: z.string(), rectifyBy: ChinaDate.optional() }).optional(),
  rated: z.boolean(),
  /** The source and the outcome in words. */
  sourceLabel: z.string(),
  outcomeLabel: z.string().optional(),
})

/** 检查告知 (SPEC §2.22): what the company reads of one of its inspections. */
export const InspectionNotice = z.object({
  id: Id,
  companyName: z.string(),
  departments: z.array(z.object({ deptId: Id, name: z.string() })),
  officers: z.array(z.object({ name: z.string(), certNo: z.string() })),
  source: InspectionSource,
  sourceLabel: z.string(),
  plan: z.object({ title: z.string(), basis: z.string(), items: z.array(z.string()) }).optional(),
  sourceRef: z.string().optional(),
  specialCase: z.object({ label: z.string(), reason: z.string().optional() }).optional(),
  checkInAt: z.number(),
  date: ChinaDate,
  status: z.enum(['open', 'closed', 'overdue', 'withdrawn']),
  result: z.object({ outcome: Outcome, outcomeLabel: z.string(), findings: z.string(), rectifyBy: ChinaDate.optional(), recordedAt: z.number() }).optional(),
  rating: z.object({ state: z.enum(['none', 'issued', 'rated']), score: z.number().int().optional(), canRate: z.boolean(), rateUntil: z.number().optional() }),
  rights: z.array(z.object({ key: z.string(), title: z.string(), description: z.string(), channel: z.string() })),
})

/**
 * A service visit 入企服务 as the visited company sees it (rule 19): who came, when and why,
 * and whether it can still rate it from its list (`rateUntil`: `ratingFromList.days` after the visit).
 */
export const CompanyServiceVisit = ServiceVisit.pick({
  id: true,
  companyId: true,
  companyName: true,
  deptId: true,
  deptName: true,
  officerNames: true,
  at: true,
  date: true,
  purpose: true,
  note: true,
}).extend({
  rating: z.object({ state: z.enum(['none', 'rated']), score: z.number().int().min(1).max(5).optional(), canRate: z.boolean(), rateUntil: z.number() }),
})

export const enterprise = {
  verifyOfficer: {
    input: z.object({ token: Token }),
    output: z.object({
      valid: z.boolean(),
      officer: z.object({ name: z.string(), department: z.string(), certNo: z.string(), status: z.union([CertStatus, z.literal('expired')]) }),
      /** When the certificate expires, and when the server checked it. */
      certExpiresAt: z.number(),
      checkedAt: z.number(),
    }),
  },
  inspectionForRating: {
    input: z.object({ token: Token }),
    /** `expiresAt`: when the rating code stops working. */
    output: InspectionSummary.extend({ expiresAt: z.number() }),
  },
  rate: {
    input: z
      .object({
        /** The officer's rating code, or… */
        token: Token.optional(),
        /** …the company's own inspection, from its list, within `ratingFromList.days` of the result, or… */
        inspectionId: Id.optional(),
        /** …the company's own service visit (rule 19), from its list, within `ratingFromList.days` of the visit. */
        visitId: Id.optional(),
        score: z.number().int().min(1).max(5),
        tags: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
        comment: text(500).optional(),
      })
      .refine((v) => [v.token, v.inspectionId, v.visitId].filter((x) => x !== undefined).length === 1, {
        message: '请扫描评价码，或从检查记录中选择要评价的一次检查或入企服务',
        path: ['token'],
      }),
    /** An inspection's rating, or a service visit's (`visitId` instead of `inspectionId`). */
    output: z.object({ rating: z.union([Rating, ServiceRating]) }),
  },
  /** 检查告知: one inspection of the caller's company in full, with the company's rights. */
  inspection: {
    input: z.object({ inspectionId: Id }),
    output: z.object({ inspection: InspectionNotice }),
  },
  /** The company's home: its gate code, the quiet period for it, this year's inspections by department. */
  overview: {
    input: z.object({}),
    output: z.object({
      company: z.object({ id: Id, name: z.string(), inPark: z.boolean(), parkName: z.string().optional(), monitoringPoint: z.boolean() }),
      gate: z.object({ scene: z.string(), path: z.string() }),
      quiet: z.object({ active: z.boolean(), appliesToCompany: z.boolean(), windowEnd: ChinaDate.nullable() }),
      year: z.object({
        year: z.number().int(),
        byDepartment: z.array(
          z.object({
            deptId: Id,
            deptName: z.string(),
            planned: z.number().int(),
            cap: z.number().int(),
            caseSourced: z.number().int(),
            service: z.number().int(),
          }),
        ),
      }),
      /** Inspections with a result the company can still rate from its list. */
      toRate: z.number().int().min(0),
      /** Service visits (rule 19) the company can still rate from its list. */
      serviceToRate: z.number().int().min(0),
    }),
  },
  inspections: {
    input: z.object({ cursor: Cursor.optional() }),
    output: z.object({ items: z.array(Inspection), cursor: z.string().optional() }),
  },
  /** The company's service visits 入企服务 (rule 19), newest first, with their rating state. */
  serviceVisits: {
    input: z.object({ cursor: Cursor.optional() }),
    output: z.object({ items: z.array(CompanyServiceVisit), cursor: z.string().optional() }),
  },
  complain: {
    input: z
      .object({
        inspectionId: Id.optional(),
        category: ComplaintCategory,
        content: text(2000, 5),
        anonymous: z.boolean().optional(),
        /** A number to call back (mobile or landline); only on a named complaint. */
        phone: z
          .string()
          .trim()
          .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, '请填写手机号或带区号的固定电话')
          .optional(),
      })
      .refine((v) => !(v.anonymous && v.phone), { message: '匿名投诉不能留电话；如需回电，请取消匿名', path: ['phone'] }),
    output: z.object({ complaint: Complaint }),
  },
  /** After a reply: did it help? Once per complaint, by its author. */
  rateReply: {
    input: z.object({ complaintId: Id, satisfied: z.boolean(), comment: text(500).optional() }),
    output: z.object({ complaint: Complaint }),
  },
  complaints: {
    input: z.object({}),
    output: z.object({ items: z.array(Complaint) }),
  },
  ledger: {
    input: z.object({ from: ChinaDate.optional(), to: ChinaDate.optional() }),
    output: z.object({
      /** Each entry with its inspection's outcome and rating score when there are any. */
      items: z.array(LedgerRow),
      chainOk: z.boolean(),
      /** The first sequence number that breaks the chain (only when `chainOk` is false). */
      brokenAt: z.number().int().optional(),
      /** Entries in the whole chain. */
      total: z.number().int(),
    }),
  },
  addLedgerEntry: {
    input: z
      .object({
        date: ChinaDate,
        deptId: z
          .string()
          .min(1)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/)
          .optional(),
        deptName: text(60).optional(),
        officerNames: z.array(text(40)).min(1).max(10),
        purpose: text(200),
        note: text(500).optional(),
      })
      .refine((v) => v.deptId !== undefined || v.deptName !== undefined, { message: '请选择或填写执法单位', path: ['deptId'] }),
    output: z.object({ entry: LedgerEntry.extend({ matchedInspectionId: Id.nullable() }) }),
  },
  exportLedger: {
    input: z.object({ from: ChinaDate, to: ChinaDate }),
    /** `entries`: rows exported; `chainOk`: whether the whole chain verified; `fileName`: the name a person saves it under (company and period). */
    output: z.object({
      url: z.string().optional(),
      fileID: z.string().optional(),
      fileName: z.string().optional(),
      entries: z.number().int(),
      chainOk: z.boolean(),
    }),
  },
} as const
