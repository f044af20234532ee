/**
 * Every collection and the indexes its queries need. The emulator creates these on
 * SQLite; the cloud setup step creates the same ones in CloudBase. A query on a field
 * not indexed here is a bug at city scale.
 */
export interface IndexSpec {
  /** Field paths with direction, in order. */
  fields: Array<[string, 'asc' | 'desc']>
  unique?: boolean
}

export const COLLECTIONS: Record<string, { indexes: IndexSpec[] }> = {
  system: { indexes: [] },
  users: {
    indexes: [
      { fields: [['openid', 'asc']], unique: true },
      /** upsertDepartment: the users carrying a copy of the department (OfficerSnapshot). */
      { fields: [['officer.deptId', 'asc']] },
      /** Messages to a company's contacts (server/store/messages.ts). */
      { fields: [['companyId', 'asc']] },
      /** Messages to the supervisors of a county. */
      {
        fields: [
          ['roles', 'asc'],
          ['region', 'asc'],
        ],
      },
    ],
  },
  departments: { indexes: [{ fields: [['region', 'asc']] }, { fields: [['city', 'asc']] }, { fields: [['name', 'asc']] }] },
  companies: {
    indexes: [
      { fields: [['uscc', 'asc']], unique: true },
      {
        fields: [
          ['region', 'asc'],
          ['name', 'asc'],
        ],
      },
      { fields: [['city', 'asc']] },
      /** auditVerify: the monitoring points of a region, paged by _id. */
      {
        fields: [
          ['monitoringPoint', 'asc'],
          ['region', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        fields: [
          ['monitoringPoint', 'asc'],
          ['city', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  officers: { indexes: [{ fields: [['certNo', 'asc']], unique: true }, { fields: [['deptId', 'asc']] }] },
  bindCodes: { indexes: [{ fields: [['subjectId', 'asc']] }] },
  plans: {
    indexes: [
      {
        fields: [
          ['deptId', 'asc'],
          ['status', 'asc'],
        ],
      },
      {
        fields: [
          ['companyIds', 'asc'],
          ['status', 'asc'],
        ],
      },
      {
        fields: [
          ['region', 'asc'],
          ['status', 'asc'],
        ],
      },
      {
        fields: [
          ['deptId', 'asc'],
          ['submittedAt', 'desc'],
        ],
      },
      {
        fields: [
          ['region', 'asc'],
          ['submittedAt', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['submittedAt', 'desc'],
        ],
      },
    ],
  },
  inspections: {
    indexes: [
      {
        fields: [
          ['companyId', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      {
        fields: [
          ['officerIds', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      {
        fields: [
          ['status', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        fields: [
          ['exception.review', 'asc'],
          ['region', 'asc'],
        ],
      },
      /** supervision.exceptions / alerts: special cases of a county or the city, newest first. */
      {
        fields: [
          ['exception.review', 'asc'],
          ['region', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      {
        fields: [
          ['exception.review', 'asc'],
          ['city', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      /** supervision.exceptions: special cases of departments that joined (rule 14). */
      {
        fields: [
          ['joins.exception.review', 'asc'],
          ['region', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      {
        fields: [
          ['joins.exception.review', 'asc'],
          ['city', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      /** The open-now recount: joining departments' special cases waiting for review (store/recount.ts). */
      { fields: [['joins.exception.review', 'asc']] },
      /** supervision.exceptions: back-filled visits awaiting review (rule 17). */
      {
        fields: [
          ['backfill.review', 'asc'],
          ['region', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      {
        fields: [
          ['backfill.review', 'asc'],
          ['city', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      /** The counter consistency check: a month's inspections, paged by _id. */
      {
        fields: [
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
      {
        fields: [
          ['deptId', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      /** A department admin's inspections, the joint ones it joined included, newest first. */
      {
        fields: [
          ['deptIds', 'asc'],
          ['checkInAt', 'desc'],
        ],
      },
      /** The dashboard's overdueOpen: a scope's red lights now. */
      {
        fields: [
          ['region', 'asc'],
          ['status', 'asc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['status', 'asc'],
        ],
      },
      {
        fields: [
          ['deptId', 'asc'],
          ['status', 'asc'],
        ],
      },
      /** supervision.inspections: a county's or the city's inspections, newest first. */
      {
        fields: [
          ['region', 'asc'],
          ['checkInAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['checkInAt', 'desc'],
          ['_id', 'desc'],
        ],
      },
      /** Matching a ledger entry the company added to the check-ins of that day. */
      {
        fields: [
          ['companyId', 'asc'],
          ['date', 'asc'],
          ['deptId', 'asc'],
        ],
      },
    ],
  },
  /**
   * Service visits 入企服务 (rule 19): a company's (its list, newest first), an officer's, a
   * month's (recount); supervision.serviceVisits: a county's, the city's, a department's, newest first.
   */
  serviceVisits: {
    indexes: [
      {
        fields: [
          ['region', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['deptId', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['companyId', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['officerIds', 'asc'],
          ['at', 'desc'],
        ],
      },
      {
        fields: [
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  ratings: {
    indexes: [
      { fields: [['inspectionId', 'asc']], unique: true },
      {
        fields: [
          ['deptId', 'asc'],
          ['month', 'asc'],
        ],
      },
      {
        fields: [
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  /** Service visits' ratings (rule 19), `serviceRatings/<visitId>`: a month's (recount). */
  serviceRatings: {
    indexes: [
      {
        fields: [
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  ratingTokens: { indexes: [{ fields: [['inspectionId', 'asc']] }] },
  complaints: {
    indexes: [
      {
        fields: [
          ['region', 'asc'],
          ['status', 'asc'],
        ],
      },
      { fields: [['ownerKey', 'asc']] },
      {
        fields: [
          ['status', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
      {
        fields: [
          ['ownerKey', 'asc'],
          ['receivedAt', 'desc'],
        ],
      },
      {
        fields: [
          ['region', 'asc'],
          ['receivedAt', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['receivedAt', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['status', 'asc'],
        ],
      },
      /** supervision.inspection: the complaints about a visit. */
      {
        fields: [
          ['inspectionId', 'asc'],
          ['receivedAt', 'desc'],
        ],
      },
      /** The counter consistency check: complaints counted in a month. */
      {
        fields: [
          ['counterKey.month', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  cardTokens: { indexes: [] },
  ledger: {
    indexes: [
      {
        fields: [
          ['companyId', 'asc'],
          ['seq', 'asc'],
        ],
        unique: true,
      },
      {
        fields: [
          ['companyId', 'asc'],
          ['date', 'asc'],
        ],
      },
      /** The counter consistency check: unscanned entries of a period. */
      {
        fields: [
          ['unscanned', 'asc'],
          ['date', 'asc'],
        ],
      },
    ],
  },
  alerts: {
    indexes: [
      {
        fields: [
          ['region', 'asc'],
          ['at', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['at', 'desc'],
        ],
      },
      { fields: [['ref', 'asc']] },
      /** supervision.alerts: unresolved alerts of a county or the city, newest first. */
      {
        fields: [
          ['region', 'asc'],
          ['resolved', 'asc'],
          ['at', 'desc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['resolved', 'asc'],
          ['at', 'desc'],
        ],
      },
      /** The dashboard's open alerts by kind; the recount's confirmed unscanned visits; bad ratings past their follow-up. */
      {
        fields: [
          ['region', 'asc'],
          ['resolved', 'asc'],
          ['kind', 'asc'],
        ],
      },
      {
        fields: [
          ['city', 'asc'],
          ['resolved', 'asc'],
          ['kind', 'asc'],
        ],
      },
      {
        fields: [
          ['kind', 'asc'],
          ['resolved', 'asc'],
          ['dueAt', 'asc'],
        ],
      },
    ],
  },
  audit: {
    indexes: [
      {
        fields: [
          ['target', 'asc'],
          ['at', 'asc'],
        ],
      },
      { fields: [['at', 'desc']] },
    ],
  },
  /** `<region>_<YYYY-MM>`: one document per region and month, `depts.<deptId>` its departments' figures. */
  counters: {
    indexes: [
      /** A county's dashboard and a department admin's (their region's months, paged by _id). */
      {
        fields: [
          ['region', 'asc'],
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
      /** The dashboard of the whole city (its regions' months, paged by _id). */
      {
        fields: [
          ['city', 'asc'],
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
      /** The consistency check (months, paged by _id). */
      {
        fields: [
          ['month', 'asc'],
          ['_id', 'asc'],
        ],
      },
    ],
  },
  /** `<region>`: what is open now in the county (red lights, pending special cases, open alerts by kind; store/open-now.ts). */
  openNow: { indexes: [{ fields: [['city', 'asc']] }, { fields: [['region', 'asc']] }] },
  rateLimits: { indexes: [] },
  /** The in-app inbox: one document per recipient, addressed by a keyed hash (`to`). */
  messages: {
    indexes: [
      {
        fields: [
          ['to', 'asc'],
          ['at', 'desc'],
          ['_id', 'desc'],
        ],
      },
      {
        fields: [
          ['to', 'asc'],
          ['read', 'asc'],
        ],
      },
    ],
  },
  outbox: { indexes: [{ fields: [['createdAt', 'desc']] }] },
}
