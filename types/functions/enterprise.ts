import { z } from 'zod'
import { ChinaDate, Cursor, Id, text } from '../common'
import { CertStatus, Complaint, ComplaintCategory, Inspection, InspectionSource, LedgerEntry, Outcome, Rating } from '../entities'

/** `enterprise`: the company's side (SPEC §3 enterprise). */

const Token = z.string().min(1).max(512)

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
    input: z.object({
      token: Token,
      score: z.number().int().min(1).max(5),
      tags: z.array(z.string().trim().min(1).max(20)).max(10).optional(),
      comment: text(500).optional(),
    }),
    output: z.object({ rating: Rating }),
  },
  inspections: {
    input: z.object({ cursor: Cursor.optional() }),
    output: z.object({ items: z.array(Inspection), cursor: z.string().optional() }),
  },
  complain: {
    input: z.object({ inspectionId: Id.optional(), category: ComplaintCategory, content: text(2000, 5), anonymous: z.boolean().optional() }),
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
      items: z.array(LedgerEntry.extend({ outcome: Outcome.optional(), outcomeLabel: z.string().optional(), ratingScore: z.number().int().optional() })),
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
        deptId: z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/).optional(),
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
    /** `entries`: rows exported; `chainOk`: whether the whole chain verified. */
    output: z.object({ url: z.string().optional(), fileID: z.string().optional(), entries: z.number().int(), chainOk: z.boolean() }),
  },
} as const
