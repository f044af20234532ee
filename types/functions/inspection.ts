import { z } from 'zod'
import { ChinaDate, CodePayload, Cursor, GeoFix, Id, ImageRef, Scene, text } from '../common'
import { InstantInput } from '../common'
import {
  CompanyAtGate,
  Department,
  Inspection,
  InspectionFlag,
  InspectionSource,
  InspectionStatus,
  Officer,
  Outcome,
  Plan,
  ServicePurpose,
  ServiceVisit,
  SourceRef,
  TimelineStep,
} from '../entities'
import { DiscretionStandard, ExceptionCategory, LeniencyList } from '../settings'

/** `inspection`: the officer at the gate (SPEC §3 inspection). */

const RatingTokenPayload = CodePayload.extend({ token: z.string() })
const ClientRequestId = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/)
const SpecialCase = z.object({ category: z.string().min(1).max(40), reason: text(500).optional() })
/** The source of a check-in or back-fill (rules 2, 15): a plan, or a case source with its reference. */
const SourceFields = { source: InspectionSource, planId: Id.optional(), sourceRef: SourceRef.optional(), exception: SpecialCase.optional() }

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
      /** What joining `openInspection` means: the team's own (`team`; `late` after the join window, rule 16), or another department's (`joint`, rule 14). */
      joinKind: z.enum(['team', 'late', 'joint']).optional(),
      exceptionCategories: z.array(ExceptionCategory),
    }),
  },
  checkIn: {
    input: z.object({
      scene: Scene,
      clientRequestId: ClientRequestId,
      ...SourceFields,
      /** Join another department's open inspection at this company (rule 14). */
      joinInspectionId: Id.optional(),
      location: GeoFix,
    }),
    output: z.object({ inspection: Inspection, joined: z.boolean(), joint: z.boolean(), flags: z.array(InspectionFlag) }),
  },
  recordResult: {
    input: z.object({
      inspectionId: Id,
      outcome: Outcome,
      findings: text(2000),
      rectifyBy: ChinaDate.optional(),
      leniencyItemId: z.string().min(1).max(40).optional(),
    }),
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
  detail: {
    input: z.object({ inspectionId: Id }),
    output: z.object({ inspection: Inspection, timeline: z.array(TimelineStep) }),
  },
  backfill: {
    input: z.object({
      companyId: Id,
      clientRequestId: ClientRequestId,
      /** When the visit really began (not in the future, at most `backfill.maxDays` back). */
      checkInAt: InstantInput,
      reason: text(500),
      ...SourceFields,
    }),
    output: z.object({ inspection: Inspection }),
  },
  withdraw: {
    input: z.object({ inspectionId: Id, reason: text(500) }),
    output: z.object({ inspection: Inspection }),
  },
  serviceVisit: {
    input: z.object({ scene: Scene, clientRequestId: ClientRequestId, purpose: ServicePurpose, note: text(500).optional(), location: GeoFix }),
    output: z.object({ visit: ServiceVisit }),
  },
  leniency: {
    input: z.object({ field: z.string().max(40).optional() }),
    output: z.object({ lists: z.array(LeniencyList), standards: z.array(DiscretionStandard) }),
  },
  /** The caller's department's approved plans that have not ended (officers see their own department's plans in full). */
  plans: {
    input: z.object({}),
    output: z.object({ items: z.array(Plan.extend({ companies: z.array(z.object({ id: Id, name: z.string() })) })) }),
  },
} as const
