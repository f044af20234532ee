import { z } from 'zod'
import { ChinaDate, CodePayload, Cursor, GeoFix, Id, ImageRef, Scene, text } from '../common'
import { CompanyAtGate, Department, Inspection, InspectionFlag, InspectionSource, InspectionStatus, Officer, Outcome, Plan } from '../entities'
import { ExceptionCategory } from '../settings'

/** `inspection`: the officer at the gate (SPEC §3 inspection). */

const RatingTokenPayload = CodePayload.extend({ token: z.string() })

export const inspection = {
  preview: {
    input: z.object({ scene: Scene }),
    output: z.object({
      company: CompanyAtGate,
      quiet: z.object({ active: z.boolean(), appliesToCompany: z.boolean(), windowEnd: ChinaDate.nullable() }),
      plans: z.array(Plan),
      yearCount: z.object({ used: z.number().int(), cap: z.number().int() }),
      recent: z.array(z.object({ id: Id, deptId: Id, deptName: z.string(), checkInAt: z.number(), source: InspectionSource, flags: z.array(InspectionFlag) })),
      /** Other departments' approved plans this month: department, title and dates only (SPEC §6). */
      otherPlans: z.array(z.object({ deptId: Id, title: z.string(), from: ChinaDate, to: ChinaDate })).optional(),
      jointSuggested: z.boolean().optional(),
      openInspection: Inspection.optional(),
      exceptionCategories: z.array(ExceptionCategory),
    }),
  },
  checkIn: {
    input: z.object({
      scene: Scene,
      clientRequestId: z.string().min(8).max(64).regex(/^[A-Za-z0-9_-]+$/),
      source: InspectionSource,
      planId: Id.optional(),
      exception: z.object({ category: z.string().min(1).max(40), reason: text(500).optional() }).optional(),
      location: GeoFix,
    }),
    output: z.object({ inspection: Inspection, joined: z.boolean(), flags: z.array(InspectionFlag) }),
  },
  recordResult: {
    input: z.object({ inspectionId: Id, outcome: Outcome, findings: text(2000), rectifyBy: ChinaDate.optional() }),
    output: z.object({ inspection: Inspection, rating: RatingTokenPayload }),
  },
  ratingCode: {
    input: z.object({ inspectionId: Id }),
    output: RatingTokenPayload.extend({ image: ImageRef }),
  },
  list: {
    input: z.object({ status: InspectionStatus.optional(), cursor: Cursor.optional() }),
    output: z.object({ items: z.array(Inspection), cursor: z.string().optional() }),
  },
  certCard: {
    input: z.object({}),
    output: CodePayload.extend({
      officer: Officer,
      /** The certificate as of now (an expired one reads `expired`). */
      certState: z.enum(['valid', 'suspended', 'revoked', 'expired']),
      department: Department,
      token: z.string(),
      image: ImageRef,
      expiresAt: z.number(),
    }),
  },
} as const
