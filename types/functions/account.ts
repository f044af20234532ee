import { z } from 'zod'
import { ChinaDate, CodePayload, Cursor, Id, ImageRef, InstantInput, LatLng, RegionCode, Scale, text } from '../common'
import { CertStatus, Company, Department, Message, Officer, User } from '../entities'
import { RuleSettings } from '../settings'

/** `account`: identity, binding, the roster (SPEC §3 account). */

const BindCode = z.string().trim().min(4).max(32)

export const account = {
  whoami: {
    input: z.object({}),
    output: z.object({
      openid: z.string(),
      user: User.nullable(),
      /**
       * Today in China and whether the quiet production period is on (for the home banner);
       * `date` and `time` (HH:mm, when answered) bound the date pickers, whatever the phone's clock says.
       */
      today: z.object({
        date: ChinaDate,
        time: z.string().regex(/^\d{2}:\d{2}$/),
        quiet: z.object({ active: z.boolean(), scope: z.enum(['park', 'all']), firstDay: z.number(), lastDay: z.number(), windowEnd: ChinaDate.nullable() }),
      }),
      /** The city and its counties/districts, from the settings (region pickers and names). */
      city: z.object({ code: z.string(), name: z.string(), regions: z.array(z.object({ code: z.string(), name: z.string() })), basis: z.string() }),
      /** The rules' numbers the pages put into words (types/rule-words.ts). */
      rules: RuleSettings,
      /** Subscription-message template ids by message kind (those configured), for requestSubscribeMessage. */
      templates: z.record(z.string(), z.string()).optional(),
    }),
  },
  bindOfficer: {
    input: z.object({ certNo: text(40), name: text(40), code: BindCode }),
    output: z.object({ user: User }),
  },
  bindEnterprise: {
    input: z.object({ uscc: z.string().trim().toUpperCase().length(18), code: BindCode }),
    output: z.object({ user: User }),
  },
  upsertDepartment: {
    input: z.object({ id: Id.optional(), name: text(60), region: RegionCode, field: text(40) }),
    output: z.object({ department: Department }),
  },
  upsertCompany: {
    input: z.object({
      id: Id.optional(),
      uscc: z.string().trim().toUpperCase().length(18),
      name: text(100),
      region: RegionCode,
      address: text(200),
      location: LatLng,
      inPark: z.boolean(),
      parkName: text(60).optional(),
      scale: Scale,
      monitoringPoint: z.boolean(),
    }),
    output: z.object({ company: Company }),
  },
  upsertOfficer: {
    input: z.object({ id: Id.optional(), deptId: Id, name: text(40), certNo: text(40), certExpiresAt: z.union([InstantInput, ChinaDate]) }),
    output: z.object({ officer: Officer, bindCode: z.string().nullable() }),
  },
  issueEnterpriseCode: {
    input: z.object({ companyId: Id }),
    output: z.object({ bindCode: z.string() }),
  },
  grantRole: {
    input: z.object({
      openid: z.string().min(1).max(128),
      role: z.enum(['supervisor', 'deptAdmin', 'admin']),
      name: text(40).optional(),
      region: RegionCode.optional(),
      deptId: Id.optional(),
    }),
    output: z.object({ user: User }),
  },
  setCertStatus: {
    input: z.object({ officerId: Id, status: CertStatus, reason: text(200) }),
    output: z.object({ officer: Officer }),
  },
  gateCode: {
    input: z.object({ companyId: Id }),
    output: CodePayload.extend({ image: ImageRef }),
  },
  /** Roster reads for the admin pages and the demo role switcher. */
  departments: {
    input: z.object({ region: RegionCode.optional() }),
    output: z.object({ items: z.array(Department) }),
  },
  companies: {
    input: z.object({ region: RegionCode.optional(), query: z.string().trim().max(60).optional(), cursor: z.string().max(200).optional() }),
    output: z.object({ items: z.array(Company), cursor: z.string().optional() }),
  },
  officers: {
    input: z.object({ deptId: Id.optional() }),
    output: z.object({ items: z.array(Officer) }),
  },
  /** The caller's inbox, newest first (SPEC §2.22), with the count of unread messages. */
  messages: {
    input: z.object({ cursor: Cursor.optional() }),
    output: z.object({ items: z.array(Message), cursor: z.string().optional(), unread: z.number().int().min(0) }),
  },
  markRead: {
    input: z.object({ ids: z.array(Id).min(1).max(100) }),
    output: z.object({ updated: z.number().int().min(0) }),
  },
} as const
