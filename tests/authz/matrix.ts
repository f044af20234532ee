import type { ErrorCode } from '@contract'

/**
 * The authorization matrix (docs/RELIABILITY.md §2): role × action × scope → outcome,
 * as data. tests/integration/authz-matrix.test.ts turns every cell into a real call on
 * real records and checks the answer, and that nothing of a foreign record appears in it.
 *
 * Conventions (the same everywhere, from server/platform/dispatch.ts and the handlers):
 * - A caller with no bound user: UNAUTHENTICATED on everything but whoami and the binds.
 * - A bound caller without the action's role: FORBIDDEN.
 * - A record named by id that exists but is outside the caller's scope (another company's
 *   inspection or rating code, another department's inspection, plan or officers, another
 *   county's complaint, exception, plan, company or officer): FORBIDDEN. Ids are random
 *   and unguessable, so saying "exists, not yours" hides nothing worth hiding; an unknown
 *   id is NOT_FOUND. Lists never name foreign records: the scope filters them ('hidden').
 */

export type MatrixRole = 'anonymous' | 'unbound' | 'officer' | 'enterprise' | 'deptAdmin' | 'supervisorCity' | 'supervisorCounty' | 'admin'

export const MATRIX_ROLES: MatrixRole[] = ['anonymous', 'unbound', 'officer', 'enterprise', 'deptAdmin', 'supervisorCity', 'supervisorCounty', 'admin']

/**
 * Scopes of the target record, from the caller's point of view:
 * - `none`: the action names no record (or any record is fine, e.g. scanning any gate).
 * - `ownCompany` / `otherCompany`: the enterprise user's company, or another.
 * - `ownDept` / `otherDept`: the officer's or department admin's department, or another.
 * - `ownCounty` / `otherCounty` / `city`: a record in 360702 (the county supervisor's
 *   county), in 360703, or of a city-level body (region 3607).
 */
export type MatrixScope = 'none' | 'ownCompany' | 'otherCompany' | 'ownDept' | 'otherDept' | 'ownCounty' | 'otherCounty' | 'city'

/** 'ok': allowed; 'hidden': allowed, and the foreign record must not be in the answer. */
export type Expect = 'ok' | 'hidden' | ErrorCode

export interface MatrixRow {
  fn: string
  action: string
  /** Roles that pass the dispatcher's role check (the handler's `access`). */
  roles: MatrixRole[] | 'anyone' | 'bound'
  /** For each allowed role, the scopes tried and their outcome (default: { none: 'ok' }). */
  scopes?: Partial<Record<MatrixRole, Partial<Record<MatrixScope, Expect>>>>
}

const SUP = ['supervisorCity', 'supervisorCounty'] as const
/** A supervisor row: the city supervisor reaches every county; the county supervisor only 360702. */
const bySupervisor = (ownCounty: Expect, otherCounty: Expect, withCity = true) => ({
  supervisorCity: { ownCounty, otherCounty: ownCounty, ...(withCity ? { city: 'ok' as Expect } : {}) },
  supervisorCounty: { ownCounty, otherCounty, ...(withCity ? { city: 'FORBIDDEN' as Expect } : {}) },
})
/** A search of visits (inspections, service visits): a department admin's department, a supervisor's region; another county's are left out. */
const SEARCH_SCOPES: MatrixRow['scopes'] = {
  deptAdmin: { ownDept: 'hidden', otherDept: 'FORBIDDEN' },
  supervisorCity: { otherCounty: 'ok' },
  supervisorCounty: { otherCounty: 'hidden', city: 'FORBIDDEN' },
}
/** Binding: needs a WeChat identity; a new openid binds; a bound one is refused with CONFLICT. (Other bound roles may add a role with a valid code: not tried here.) */
const bindScopes = (bound: MatrixRole) =>
  Object.fromEntries(
    MATRIX_ROLES.map((r) => [r, r === 'anonymous' ? { none: 'UNAUTHENTICATED' } : r === 'unbound' ? { none: 'ok' } : r === bound ? { none: 'CONFLICT' } : {}]),
  ) as MatrixRow['scopes']

export const MATRIX: MatrixRow[] = [
  // account
  { fn: 'account', action: 'whoami', roles: 'anyone' },
  // Separation of duties (SPEC §6): a supervisor never binds a certificate.
  {
    fn: 'account',
    action: 'bindOfficer',
    roles: 'anyone',
    scopes: { ...bindScopes('officer'), supervisorCity: { none: 'CONFLICT' }, supervisorCounty: { none: 'CONFLICT' } },
  },
  { fn: 'account', action: 'bindEnterprise', roles: 'anyone', scopes: bindScopes('enterprise') },
  { fn: 'account', action: 'upsertDepartment', roles: ['admin'] },
  { fn: 'account', action: 'upsertCompany', roles: ['admin'] },
  {
    fn: 'account',
    action: 'upsertOfficer',
    roles: ['admin', 'deptAdmin'],
    scopes: { admin: { ownDept: 'ok', otherDept: 'ok' }, deptAdmin: { ownDept: 'ok', otherDept: 'FORBIDDEN' } },
  },
  { fn: 'account', action: 'issueEnterpriseCode', roles: ['admin'] },
  { fn: 'account', action: 'grantRole', roles: ['admin'] },
  {
    fn: 'account',
    action: 'setCertStatus',
    roles: ['admin', ...SUP],
    scopes: { admin: { ownCounty: 'ok', otherCounty: 'ok', city: 'ok' }, ...bySupervisor('ok', 'FORBIDDEN') },
  },
  {
    fn: 'account',
    action: 'gateCode',
    roles: ['admin', 'enterprise'],
    scopes: { admin: { ownCompany: 'ok', otherCompany: 'ok' }, enterprise: { ownCompany: 'ok', otherCompany: 'FORBIDDEN' } },
  },
  { fn: 'account', action: 'departments', roles: 'bound' },
  {
    fn: 'account',
    action: 'companies',
    roles: ['admin', 'deptAdmin', ...SUP],
    scopes: { admin: { ownCounty: 'ok', otherCounty: 'ok' }, deptAdmin: { ownCounty: 'ok', otherCounty: 'ok' }, ...bySupervisor('ok', 'FORBIDDEN') },
  },
  {
    fn: 'account',
    action: 'officers',
    roles: ['admin', 'deptAdmin', ...SUP],
    scopes: { admin: { ownDept: 'ok', otherDept: 'ok' }, deptAdmin: { ownDept: 'ok', otherDept: 'FORBIDDEN' }, ...bySupervisor('ok', 'FORBIDDEN') },
  },
  { fn: 'account', action: 'messages', roles: 'bound' },
  { fn: 'account', action: 'markRead', roles: 'bound' },
  // inspection (officer)
  { fn: 'inspection', action: 'preview', roles: ['officer'] },
  { fn: 'inspection', action: 'checkIn', roles: ['officer'] },
  { fn: 'inspection', action: 'recordResult', roles: ['officer'], scopes: { officer: { ownDept: 'ok', otherDept: 'FORBIDDEN' } } },
  { fn: 'inspection', action: 'ratingCode', roles: ['officer'], scopes: { officer: { ownDept: 'ok', otherDept: 'FORBIDDEN' } } },
  { fn: 'inspection', action: 'list', roles: ['officer'], scopes: { officer: { otherDept: 'hidden' } } },
  { fn: 'inspection', action: 'certCard', roles: ['officer'] },
  { fn: 'inspection', action: 'detail', roles: ['officer'], scopes: { officer: { ownDept: 'ok', otherDept: 'FORBIDDEN' } } },
  { fn: 'inspection', action: 'withdraw', roles: ['officer'], scopes: { officer: { ownDept: 'ok', otherDept: 'FORBIDDEN' } } },
  { fn: 'inspection', action: 'backfill', roles: ['officer'] },
  { fn: 'inspection', action: 'serviceVisit', roles: ['officer'] },
  { fn: 'inspection', action: 'leniency', roles: ['officer', 'deptAdmin', 'supervisorCity', 'supervisorCounty', 'admin'] },
  { fn: 'inspection', action: 'plans', roles: ['officer'] },
  // enterprise (company user)
  { fn: 'enterprise', action: 'verifyOfficer', roles: ['enterprise'] },
  { fn: 'enterprise', action: 'inspectionForRating', roles: ['enterprise'], scopes: { enterprise: { ownCompany: 'ok', otherCompany: 'FORBIDDEN' } } },
  { fn: 'enterprise', action: 'rate', roles: ['enterprise'], scopes: { enterprise: { ownCompany: 'ok', otherCompany: 'FORBIDDEN' } } },
  { fn: 'enterprise', action: 'inspections', roles: ['enterprise'], scopes: { enterprise: { otherCompany: 'hidden' } } },
  { fn: 'enterprise', action: 'serviceVisits', roles: ['enterprise'], scopes: { enterprise: { otherCompany: 'hidden' } } },
  { fn: 'enterprise', action: 'complain', roles: ['enterprise'], scopes: { enterprise: { none: 'ok', ownCompany: 'ok', otherCompany: 'FORBIDDEN' } } },
  { fn: 'enterprise', action: 'complaints', roles: ['enterprise'], scopes: { enterprise: { otherCompany: 'hidden' } } },
  { fn: 'enterprise', action: 'ledger', roles: ['enterprise'], scopes: { enterprise: { otherCompany: 'hidden' } } },
  { fn: 'enterprise', action: 'addLedgerEntry', roles: ['enterprise'] },
  { fn: 'enterprise', action: 'exportLedger', roles: ['enterprise'] },
  { fn: 'enterprise', action: 'inspection', roles: ['enterprise'], scopes: { enterprise: { ownCompany: 'ok', otherCompany: 'FORBIDDEN' } } },
  { fn: 'enterprise', action: 'overview', roles: ['enterprise'] },
  { fn: 'enterprise', action: 'rateReply', roles: ['enterprise'], scopes: { enterprise: { ownCompany: 'ok', otherCompany: 'FORBIDDEN' } } },
  // supervision
  { fn: 'supervision', action: 'submitPlan', roles: ['deptAdmin'], scopes: { deptAdmin: { ownDept: 'ok', otherDept: 'FORBIDDEN' } } },
  { fn: 'supervision', action: 'reviewPlan', roles: [...SUP], scopes: bySupervisor('ok', 'FORBIDDEN') },
  {
    fn: 'supervision',
    action: 'plans',
    roles: ['deptAdmin', ...SUP],
    scopes: { deptAdmin: { ownDept: 'ok', otherDept: 'FORBIDDEN' }, supervisorCity: { otherCounty: 'ok' }, supervisorCounty: { otherCounty: 'hidden' } },
  },
  { fn: 'supervision', action: 'exceptions', roles: [...SUP], scopes: { supervisorCity: { otherCounty: 'ok' }, supervisorCounty: { otherCounty: 'hidden' } } },
  { fn: 'supervision', action: 'reviewException', roles: [...SUP], scopes: bySupervisor('ok', 'FORBIDDEN', false) },
  { fn: 'supervision', action: 'complaints', roles: [...SUP], scopes: { supervisorCity: { otherCounty: 'ok' }, supervisorCounty: { otherCounty: 'hidden' } } },
  { fn: 'supervision', action: 'handleComplaint', roles: [...SUP], scopes: bySupervisor('ok', 'FORBIDDEN', false) },
  {
    fn: 'supervision',
    action: 'dashboard',
    roles: ['deptAdmin', ...SUP],
    scopes: {
      deptAdmin: { none: 'ok', otherCounty: 'FORBIDDEN' },
      supervisorCity: { none: 'ok', ownCounty: 'ok', otherCounty: 'ok' },
      supervisorCounty: { none: 'ok', ownCounty: 'ok', otherCounty: 'FORBIDDEN', city: 'FORBIDDEN' },
    },
  },
  {
    fn: 'supervision',
    action: 'alerts',
    roles: [...SUP],
    scopes: {
      supervisorCity: { none: 'ok', otherCounty: 'ok' },
      supervisorCounty: { none: 'hidden', ownCounty: 'ok', otherCounty: 'FORBIDDEN', city: 'FORBIDDEN' },
    },
  },
  {
    fn: 'supervision',
    action: 'inspections',
    roles: ['deptAdmin', ...SUP],
    scopes: SEARCH_SCOPES,
  },
  {
    fn: 'supervision',
    action: 'serviceVisits',
    roles: ['deptAdmin', ...SUP],
    scopes: SEARCH_SCOPES,
  },
  {
    fn: 'supervision',
    action: 'inspection',
    roles: ['deptAdmin', ...SUP],
    scopes: { deptAdmin: { ownDept: 'ok', otherDept: 'FORBIDDEN' }, ...bySupervisor('ok', 'FORBIDDEN', false) },
  },
  { fn: 'supervision', action: 'handleAlert', roles: [...SUP], scopes: bySupervisor('ok', 'FORBIDDEN', false) },
  { fn: 'supervision', action: 'ledger', roles: [...SUP], scopes: bySupervisor('ok', 'FORBIDDEN', false) },
  { fn: 'supervision', action: 'monthlyReport', roles: [...SUP] },
  {
    fn: 'supervision',
    action: 'auditVerify',
    roles: ['admin', ...SUP],
    scopes: {
      admin: { ownCounty: 'ok', otherCounty: 'ok' },
      supervisorCity: { ownCounty: 'ok', otherCounty: 'ok' },
      supervisorCounty: { ownCounty: 'ok', otherCounty: 'FORBIDDEN' },
    },
  },
  // scheduler
  { fn: 'scheduler', action: 'run', roles: ['admin'] },
]

export interface MatrixCell {
  fn: string
  action: string
  role: MatrixRole
  scope: MatrixScope
  expect: Expect
}

/** Every cell: each role on each action; allowed roles on each declared scope. */
export function matrixCells(rows: MatrixRow[] = MATRIX): MatrixCell[] {
  const cells: MatrixCell[] = []
  for (const row of rows) {
    for (const role of MATRIX_ROLES) {
      const unbound = role === 'anonymous' || role === 'unbound'
      const allowed = row.roles === 'anyone' || (row.roles === 'bound' ? !unbound : row.roles.includes(role))
      if (!allowed) {
        cells.push({ fn: row.fn, action: row.action, role, scope: 'none', expect: unbound ? 'UNAUTHENTICATED' : 'FORBIDDEN' })
        continue
      }
      const scopes = row.scopes?.[role] ?? { none: 'ok' }
      for (const [scope, expect] of Object.entries(scopes))
        cells.push({ fn: row.fn, action: row.action, role, scope: scope as MatrixScope, expect: expect as Expect })
    }
  }
  return cells
}
