import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { contract, FN_NAMES } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { MATRIX, matrixCells, type MatrixCell, type MatrixRole, type MatrixScope } from '../authz/matrix'
import { buildDemoRoster, DEMO_BIND_CODES } from '../../emulator/seed/demo'
import { userIdFor } from '../../server/platform/ids'

/**
 * The authorization matrix (tests/authz/matrix.ts), cell by cell, on real records:
 * another company's inspection and rating code, another department's inspection, plan and
 * officers, another county's complaint, exception, plan, alert, company and officer. Each
 * cell checks the outcome and that no id or text of the foreign record is in the answer.
 * AUTHZ_REPORT=<file> writes the figures as JSON.
 */

jest.setTimeout(180_000)

const roster = buildDemoRoster()
const company = (id: string) => roster.companies.find((c) => c.id === id)!
const near = (id: string) => ({ lat: company(id).location.lat + 0.0002, lng: company(id).location.lng, accuracy: 10 })

const PERSONA: Record<Exclude<MatrixRole, 'anonymous'>, string> = {
  unbound: 'mx-unbound',
  officer: 'demo-officer-1',
  enterprise: 'demo-enterprise-1',
  deptAdmin: 'demo-deptadmin-1',
  supervisorCity: 'demo-supervisor-city',
  supervisorCounty: 'demo-supervisor-county',
  admin: 'demo-admin',
}

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))
async function call(openid: string | null, fn: string, action: string, fields: object = {}) {
  return emu.call(fn, action, fields, openid ? await as(openid) : undefined)
}
async function must(openid: string, fn: string, action: string, fields: object = {}) {
  const res = await call(openid, fn, action, fields)
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${JSON.stringify(res.error)}`)
  return res.data
}

// The clock: 2026-12-12 10:00 in China (quiet period on). Each fresh inspection moves it
// 3 hours on, past the 2-hour join window, so a new scan opens a new inspection.
let t = Date.parse('2026-12-12T02:00:00Z')
const advance = async () => {
  t += 3 * 3_600_000
  await emu.setClock(new Date(t).toISOString())
}
let n = 0
const rid = () => `mx-req-${++n}-${Date.now()}`

/** A check-in by two officers; with a result when asked. */
async function inspect(companyId: string, officers: [string, string], opts: { exception?: boolean; result?: string } = {}) {
  await advance()
  const fields = {
    scene: `c=${companyId}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: near(companyId),
    ...(opts.exception ? { exception: { category: 'emergency' } } : {}),
  }
  const open = await must(officers[0], 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  await must(officers[1], 'inspection', 'checkIn', { ...fields, clientRequestId: rid() })
  const id = open.inspection.id as string
  if (opts.result === undefined) return { id, token: '' }
  const r = await must(officers[0], 'inspection', 'recordResult', { inspectionId: id, outcome: 'rectify', findings: opts.result, rectifyBy: '2027-01-31' })
  return { id, token: r.rating.token as string }
}

const W: Record<string, string> = {}
const FOREIGN_CO = 'co_0069' // 360703, outside any park
const FOREIGN_PARK_CO = 'co_0070' // 360703, in a park
let planSeq = 0
const planFields = (deptId: string, companyId: string) => ({
  deptId,
  title: `矩阵测试计划 ${++planSeq}`,
  kind: 'routine',
  items: ['证照检查'],
  basis: '《市场监督管理行政处罚程序规定》',
  companyIds: [companyId],
  from: '2026-12-26',
  to: '2026-12-31',
})
let complaintSeq = 0
const complaint = async (openid: string, marker: string) =>
  (await must(openid, 'enterprise', 'complain', { category: 'attitude', content: `${marker} 第${++complaintSeq}次：检查人员态度恶劣` })).complaint.id as string

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: new Date(t).toISOString(), env: { ADMIN_OPENIDS: 'demo-admin' } })
  // Second officer of 应急管理局 (other department), a user of a company in 360703,
  // department admins in 360702 and 360703.
  await must('mx-em2', 'account', 'bindOfficer', {
    certNo: DEMO_BIND_CODES.officers[1].certNo,
    name: DEMO_BIND_CODES.officers[1].name,
    code: DEMO_BIND_CODES.officers[1].code,
  })
  const code = (await must('demo-admin', 'account', 'issueEnterpriseCode', { companyId: FOREIGN_CO })).bindCode
  await must('mx-ent-f', 'account', 'bindEnterprise', { uscc: company(FOREIGN_CO).uscc, code })
  await must('demo-admin', 'account', 'grantRole', { openid: 'mx-da-702', role: 'deptAdmin', deptId: 'dept_360702_amr', name: '章贡管理员' })
  await must('demo-admin', 'account', 'grantRole', { openid: 'mx-da-703', role: 'deptAdmin', deptId: 'dept_360703_amr', name: '南康管理员' })
  // Officers and department admins hold the whole city as their region, so a refusal in the
  // matrix comes from their role, never from a region they lack.
  for (const openid of [PERSONA.officer, PERSONA.deptAdmin, 'demo-officer-2', 'demo-officer-3', 'mx-em2', 'mx-da-702', 'mx-da-703']) {
    await emu.emulator.db
      .collection('users')
      .doc(userIdFor(openid))
      .update({ data: { region: '3607' } })
  }

  W.otherDeptInspection = (await inspect('co_0002', ['demo-officer-3', 'mx-em2'], { result: 'MX-OTHERDEPT-FINDINGS 灭火器过期' })).id
  const foreign = await inspect(FOREIGN_CO, ['demo-officer-1', 'demo-officer-2'], { result: 'MX-FOREIGNCO-FINDINGS 台账缺失' })
  W.foreignCoInspection = foreign.id
  W.foreignCoToken = foreign.token
  const own = await inspect('co_0001', ['demo-officer-1', 'demo-officer-2'], { exception: true, result: '消防通道畅通' })
  W.ownCoInspection = own.id
  W.ownCoToken = own.token
  W.foreignException = (await inspect(FOREIGN_PARK_CO, ['demo-officer-1', 'demo-officer-2'], { exception: true })).id
  // A bad rating in 360703 raises an alert there.
  const bad = await inspect(FOREIGN_CO, ['demo-officer-1', 'demo-officer-2'], { result: '已整改' })
  await must('mx-ent-f', 'enterprise', 'rate', { token: bad.token, score: 1, comment: 'MX-FOREIGN-RATING 态度差' })
  const alerts = emu.emulator.db.raw.prepare(`SELECT id FROM c_alerts WHERE doc ->> '$.region' = '360703'`).all() as Array<{ id: string }>
  expect(alerts.length).toBeGreaterThan(0)
  W.foreignAlert = alerts[0].id
  W.foreignComplaint = await complaint('mx-ent-f', 'MX-FOREIGN-COMPLAINT')
  W.foreignServiceVisit = (
    await must('demo-officer-1', 'inspection', 'serviceVisit', {
      scene: `c=${FOREIGN_CO}`,
      clientRequestId: rid(),
      purpose: 'survey',
      note: 'MX-FOREIGN-SERVICE 调研',
      location: near(FOREIGN_CO),
    })
  ).visit.id
  W.otherDeptServiceVisit = (
    await must('demo-officer-3', 'inspection', 'serviceVisit', {
      scene: 'c=co_0002',
      clientRequestId: rid(),
      purpose: 'policy',
      note: 'MX-OTHERDEPT-SERVICE 宣讲',
      location: near('co_0002'),
    })
  ).visit.id
  W.foreignPlan = (await must('mx-da-703', 'supervision', 'submitPlan', planFields('dept_360703_amr', FOREIGN_CO))).plan.id
  const ledger = emu.emulator.db.raw.prepare(`SELECT id FROM c_ledger WHERE doc ->> '$.companyId' != 'co_0001' LIMIT 1`).get() as { id: string }
  W.foreignLedger = ledger.id
})

afterAll(async () => {
  await emu?.close()
})

interface Request {
  fields: object
  /** Call as this openid instead of the role's persona. */
  as?: string
  /** Strings of foreign records that must not appear in the answer. */
  foreign?: string[]
}
type Builder = (role: MatrixRole, scope: MatrixScope) => Promise<Request> | Request

const bySupervisorCounty = (scope: MatrixScope, own: string, other: string, city: string) => (scope === 'otherCounty' ? other : scope === 'city' ? city : own)
let fresh = 0

const BUILDERS: Record<string, Builder> = {
  'account.whoami': () => ({ fields: {} }),
  // Every bound role has an inbox; another user's message ids change nothing (updated: 0).
  'account.messages': () => ({ fields: {} }),
  'account.markRead': () => ({ fields: { ids: ['msg_notmine000001'] } }),
  'account.bindOfficer': (role) => {
    const c = role === 'officer' ? DEMO_BIND_CODES.officers[2] : DEMO_BIND_CODES.officers[0]
    return { fields: { certNo: c.certNo, name: c.name, code: c.code }, as: role === 'unbound' ? 'mx-bind-officer' : undefined }
  },
  'account.bindEnterprise': (role) => {
    const c = role === 'enterprise' ? DEMO_BIND_CODES.companies[1] : DEMO_BIND_CODES.companies[0]
    return { fields: { uscc: c.uscc, code: c.code }, as: role === 'unbound' ? 'mx-bind-company' : undefined }
  },
  'account.upsertDepartment': () => ({ fields: { name: `矩阵测试局${++fresh}`, region: '360703', field: '市场监管' } }),
  'account.upsertCompany': () => {
    const { id: _id, ...c } = company('co_0299')
    return { fields: { id: 'co_0299', ...c } }
  },
  'account.upsertOfficer': (_role, scope) => ({
    fields: {
      deptId: scope === 'otherDept' ? 'dept_3607_em' : 'dept_3607_amr',
      name: '矩阵测试',
      certNo: `36079${String(++fresh).padStart(6, '0')}`,
      certExpiresAt: '2028-12-31',
    },
  }),
  'account.issueEnterpriseCode': () => ({ fields: { companyId: 'co_0299' } }),
  'account.grantRole': () => ({ fields: { openid: `mx-granted-${++fresh}`, role: 'supervisor', region: '360703', name: '矩阵监督' } }),
  'account.setCertStatus': (_role, scope) => ({
    fields: { officerId: bySupervisorCounty(scope, 'off_031', 'off_041', 'off_003'), status: 'valid', reason: '矩阵测试：维持有效' },
  }),
  'account.gateCode': (_role, scope) => ({ fields: { companyId: scope === 'otherCompany' ? 'co_0002' : 'co_0001' } }),
  'account.departments': () => ({ fields: {} }),
  'account.companies': (_role, scope) => ({
    fields: { region: bySupervisorCounty(scope, '360702', '360703', '3607') },
    foreign: scope === 'otherCounty' ? [FOREIGN_CO] : [],
  }),
  'account.officers': (role, scope) => {
    if (role === 'supervisorCity' || role === 'supervisorCounty')
      return {
        fields: { deptId: bySupervisorCounty(scope, 'dept_360702_amr', 'dept_360703_amr', 'dept_3607_amr') },
        foreign: scope === 'otherCounty' ? ['off_041'] : scope === 'city' ? ['off_003'] : [],
      }
    return { fields: { deptId: scope === 'otherDept' ? 'dept_3607_em' : 'dept_3607_amr' }, foreign: scope === 'otherDept' ? ['off_005', 'off_004'] : [] }
  },
  'inspection.preview': () => ({ fields: { scene: 'c=co_0002' } }),
  'inspection.checkIn': async () => {
    await advance()
    return { fields: { scene: 'c=co_0002', clientRequestId: rid(), source: 'complaint', sourceRef: 'REF-2026-0001', location: near('co_0002') } }
  },
  'inspection.recordResult': async (_role, scope) => {
    if (scope === 'otherDept') return { fields: { inspectionId: W.otherDeptInspection, outcome: 'compliant', findings: '无问题' }, foreign: ['MX-OTHERDEPT'] }
    const { id } = await inspect('co_0002', ['demo-officer-1', 'demo-officer-2'])
    return { fields: { inspectionId: id, outcome: 'compliant', findings: '未发现问题' } }
  },
  'inspection.ratingCode': (_role, scope) =>
    scope === 'otherDept'
      ? { fields: { inspectionId: W.otherDeptInspection }, foreign: ['MX-OTHERDEPT'] }
      : { fields: { inspectionId: W.foreignCoInspection } },
  'inspection.list': () => ({ fields: {}, foreign: [W.otherDeptInspection, 'MX-OTHERDEPT'] }),
  'inspection.certCard': () => ({ fields: {} }),
  'inspection.detail': (_role, scope) =>
    scope === 'otherDept'
      ? { fields: { inspectionId: W.otherDeptInspection }, foreign: ['MX-OTHERDEPT'] }
      : { fields: { inspectionId: W.foreignCoInspection } },
  'inspection.withdraw': async (_role, scope) => {
    if (scope === 'otherDept') return { fields: { inspectionId: W.otherDeptInspection, reason: '矩阵测试：扫错了企业的码' }, foreign: ['MX-OTHERDEPT'] }
    const { id } = await inspect('co_0002', ['demo-officer-1', 'demo-officer-2'])
    return { fields: { inspectionId: id, reason: '矩阵测试：扫错了企业的码' } }
  },
  'inspection.backfill': async () => {
    await advance()
    return {
      fields: {
        companyId: 'co_0002',
        clientRequestId: rid(),
        checkInAt: new Date(t - 3_600_000).toISOString(),
        reason: '矩阵测试：现场没有网络无法扫码',
        source: 'complaint',
        sourceRef: 'REF-2026-0002',
      },
    }
  },
  'inspection.serviceVisit': () => ({ fields: { scene: 'c=co_0002', clientRequestId: rid(), purpose: 'policy', location: near('co_0002') } }),
  'inspection.leniency': () => ({ fields: {} }),
  'inspection.plans': () => ({ fields: {} }),
  // Any company may verify any officer; the card lives 5 minutes, so show a fresh one.
  'enterprise.verifyOfficer': async () => ({ fields: { token: (await must('demo-officer-3', 'inspection', 'certCard')).token } }),
  'enterprise.inspectionForRating': (_role, scope) =>
    scope === 'otherCompany'
      ? { fields: { token: W.foreignCoToken }, foreign: [W.foreignCoInspection, 'MX-FOREIGNCO', company(FOREIGN_CO).name] }
      : { fields: { token: W.ownCoToken } },
  'enterprise.rate': async (_role, scope) => {
    if (scope === 'otherCompany') return { fields: { token: W.foreignCoToken, score: 5 }, foreign: [W.foreignCoInspection, 'MX-FOREIGNCO'] }
    const { token } = await inspect('co_0001', ['demo-officer-1', 'demo-officer-2'], { exception: true, result: '合格' })
    return { fields: { token, score: 4, tags: ['规范'] } }
  },
  'enterprise.inspections': () => ({ fields: {}, foreign: [W.foreignCoInspection, W.otherDeptInspection, 'MX-FOREIGNCO', 'MX-OTHERDEPT'] }),
  'enterprise.serviceVisits': () => ({ fields: {}, foreign: [W.foreignServiceVisit, 'MX-FOREIGN-SERVICE'] }),
  'enterprise.complain': (_role, scope) => ({
    fields: {
      category: 'attitude',
      content: '矩阵测试：态度问题',
      ...(scope === 'ownCompany' ? { inspectionId: W.ownCoInspection } : scope === 'otherCompany' ? { inspectionId: W.foreignCoInspection } : {}),
    },
    foreign: scope === 'otherCompany' ? ['MX-FOREIGNCO', company(FOREIGN_CO).name] : [],
  }),
  'enterprise.complaints': () => ({ fields: {}, foreign: [W.foreignComplaint, 'MX-FOREIGN-COMPLAINT'] }),
  'enterprise.ledger': () => ({ fields: {}, foreign: [W.foreignLedger] }),
  'enterprise.addLedgerEntry': () => ({
    fields: { date: '2026-12-10', deptName: '赣州市市场监督管理局', officerNames: ['张伟', '李娜'], purpose: '矩阵测试：日常检查' },
  }),
  'enterprise.exportLedger': () => ({ fields: { from: '2026-12-01', to: '2026-12-31' } }),
  'enterprise.inspection': (_role, scope) =>
    scope === 'otherCompany'
      ? { fields: { inspectionId: W.foreignCoInspection }, foreign: ['MX-FOREIGNCO', company(FOREIGN_CO).name] }
      : { fields: { inspectionId: W.ownCoInspection } },
  'enterprise.overview': () => ({ fields: {}, foreign: [company(FOREIGN_CO).name] }),
  'enterprise.rateReply': async (_role, scope) => {
    if (scope === 'otherCompany') return { fields: { complaintId: W.foreignComplaint, satisfied: true }, foreign: ['MX-FOREIGN-COMPLAINT'] }
    const id = await complaint('demo-enterprise-1', '答复评价')
    await must('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: id, step: 'accept', text: '已受理' })
    await must('demo-supervisor-city', 'supervision', 'handleComplaint', { complaintId: id, step: 'reply', text: '已答复' })
    return { fields: { complaintId: id, satisfied: true } }
  },
  'supervision.submitPlan': (_role, scope) => ({ fields: planFields(scope === 'otherDept' ? 'dept_3607_em' : 'dept_3607_amr', 'co_0002') }),
  'supervision.reviewPlan': async (_role, scope) => {
    const [who, dept, co] =
      scope === 'otherCounty'
        ? ['mx-da-703', 'dept_360703_amr', FOREIGN_CO]
        : scope === 'city'
          ? ['demo-deptadmin-1', 'dept_3607_amr', 'co_0002']
          : ['mx-da-702', 'dept_360702_amr', 'co_0002']
    const plan = (await must(who, 'supervision', 'submitPlan', planFields(dept, co))).plan
    return { fields: { planId: plan.id, decision: 'approve', comment: '同意' }, foreign: scope === 'ownCounty' ? [] : [plan.title] }
  },
  'supervision.plans': (role, scope) =>
    role === 'deptAdmin'
      ? { fields: scope === 'otherDept' ? { deptId: 'dept_3607_em' } : {}, foreign: [W.foreignPlan] }
      : { fields: {}, foreign: [W.foreignPlan] },
  'supervision.exceptions': () => ({ fields: {}, foreign: [W.foreignException] }),
  'supervision.reviewException': async (_role, scope) => {
    const { id } = await inspect(scope === 'otherCounty' ? FOREIGN_PARK_CO : 'co_0001', ['demo-officer-1', 'demo-officer-2'], { exception: true })
    return {
      fields: { inspectionId: id, verdict: 'justified', comment: '确属突发事故' },
      foreign: scope === 'otherCounty' ? [company(FOREIGN_PARK_CO).name] : [],
    }
  },
  'supervision.complaints': () => ({ fields: {}, foreign: [W.foreignComplaint, 'MX-FOREIGN-COMPLAINT'] }),
  'supervision.handleComplaint': async (_role, scope) => {
    const id = await complaint(scope === 'otherCounty' ? 'mx-ent-f' : 'demo-enterprise-2', scope === 'otherCounty' ? 'MX-FOREIGN-COMPLAINT' : '本县投诉')
    return { fields: { complaintId: id, step: 'accept', text: '已受理' }, foreign: scope === 'otherCounty' ? ['MX-FOREIGN-COMPLAINT'] : [] }
  },
  'supervision.dashboard': (_role, scope) => ({
    fields: { month: '2026-12', ...(scope === 'none' ? {} : { region: bySupervisorCounty(scope, '360702', '360703', '3607') }) },
  }),
  'supervision.alerts': (_role, scope) => ({
    fields: scope === 'none' ? {} : { region: bySupervisorCounty(scope, '360702', '360703', '3607') },
    foreign: [W.foreignAlert, 'MX-FOREIGN'],
  }),
  'supervision.inspections': (role, scope) =>
    role === 'deptAdmin'
      ? { fields: scope === 'otherDept' ? { deptId: 'dept_3607_em' } : {}, foreign: [W.otherDeptInspection, 'MX-OTHERDEPT'] }
      : { fields: scope === 'city' ? { region: '3607' } : {}, foreign: [W.foreignCoInspection, W.foreignException, 'MX-FOREIGNCO'] },
  'supervision.serviceVisits': (role, scope) =>
    role === 'deptAdmin'
      ? { fields: scope === 'otherDept' ? { deptId: 'dept_3607_em' } : {}, foreign: [W.otherDeptServiceVisit, 'MX-OTHERDEPT-SERVICE'] }
      : { fields: scope === 'city' ? { region: '3607' } : {}, foreign: [W.foreignServiceVisit, 'MX-FOREIGN-SERVICE'] },
  'supervision.inspection': (role, scope) => {
    const id =
      role === 'deptAdmin'
        ? scope === 'otherDept'
          ? W.otherDeptInspection
          : W.ownCoInspection
        : scope === 'otherCounty'
          ? W.foreignCoInspection
          : W.ownCoInspection
    return { fields: { inspectionId: id }, foreign: ['MX-FOREIGNCO', 'MX-OTHERDEPT'] }
  },
  'supervision.handleAlert': async (_role, scope) => {
    // A fresh repeated-inspection alert in the county (ours or the other), as check-in raises them.
    const region = scope === 'otherCounty' ? '360703' : '360702'
    const id = `mx_alert_${++fresh}`
    await emu.emulator.db
      .collection('alerts')
      .doc(id)
      .set({ data: { kind: 'repeated', ref: `inspections/mx_${fresh}`, at: t, region, city: '3607', summary: `MX-ALERT-${region}`, resolved: false } })
    return { fields: { alertId: id, note: '已提醒该部门组织联合检查' }, foreign: scope === 'otherCounty' ? ['MX-ALERT-360703'] : [] }
  },
  'supervision.ledger': (_role, scope) => {
    const other = roster.companies.find((c) => c.monitoringPoint && c.region === '360703')!
    return { fields: { companyId: scope === 'otherCounty' ? other.id : 'co_0001' }, foreign: scope === 'otherCounty' ? [other.name] : [] }
  },
  'supervision.monthlyReport': () => ({ fields: { month: '2026-12' } }),
  'supervision.auditVerify': (_role, scope) => ({ fields: { companyId: scope === 'otherCounty' ? FOREIGN_CO : 'co_0002' } }),
  'scheduler.run': () => ({ fields: {} }),
}

const cells = matrixCells()
const results: Array<MatrixCell & { got: string; leak?: string }> = []

test('the matrix names every action of the contract, and every action has a request builder', () => {
  const actions = FN_NAMES.flatMap((fn) => Object.keys(contract[fn]).map((a) => `${fn}.${a}`)).sort()
  expect(MATRIX.map((r) => `${r.fn}.${r.action}`).sort()).toEqual(actions)
  expect(Object.keys(BUILDERS).sort()).toEqual(actions)
})

test.each(cells.map((c) => [`${c.fn}.${c.action} as ${c.role} on ${c.scope} → ${c.expect}`, c] as const))('%s', async (_name, cell) => {
  const key = `${cell.fn}.${cell.action}`
  // A refused role gets the request an allowed role would send (scope from the row).
  const row = MATRIX.find((r) => r.fn === cell.fn && r.action === cell.action)!
  const scope =
    cell.expect === 'UNAUTHENTICATED' || (cell.expect === 'FORBIDDEN' && cell.scope === 'none')
      ? ((Object.values(row.scopes ?? {}).flatMap((s) => Object.keys(s ?? {}))[0] as MatrixScope | undefined) ?? 'none')
      : cell.scope
  const req = await BUILDERS[key](cell.role, scope)
  const openid = cell.role === 'anonymous' ? null : (req.as ?? PERSONA[cell.role])
  const res = await call(openid, cell.fn, cell.action, req.fields)
  const got = res.ok ? 'ok' : res.error!.code
  const text = JSON.stringify(res)
  const sent = JSON.stringify(req.fields)
  const leak = cell.expect === 'ok' ? undefined : (req.foreign ?? []).find((s) => s && text.includes(s) && !sent.includes(s))
  results.push({ ...cell, got, leak })
  expect({ got, leak }).toEqual({ got: cell.expect === 'hidden' ? 'ok' : cell.expect, leak: undefined })
  if (!res.ok) expect(res.data).toBeUndefined()
})

afterAll(() => {
  if (!process.env.AUTHZ_REPORT) return
  mkdirSync(path.dirname(path.resolve(process.env.AUTHZ_REPORT)), { recursive: true })
  const count = (f: (r: (typeof results)[number]) => boolean) => results.filter(f).length
  writeFileSync(
    process.env.AUTHZ_REPORT,
    JSON.stringify(
      {
        cells: cells.length,
        tried: results.length,
        allowed: count((r) => r.expect === 'ok' || r.expect === 'hidden'),
        hidden: count((r) => r.expect === 'hidden'),
        refused: count((r) => r.expect !== 'ok' && r.expect !== 'hidden'),
        byExpect: results.reduce<Record<string, number>>((m, r) => ((m[r.expect] = (m[r.expect] ?? 0) + 1), m), {}),
        mismatches: results.filter((r) => r.got !== (r.expect === 'hidden' ? 'ok' : r.expect)),
        leaks: results.filter((r) => r.leak),
      },
      null,
      2,
    ),
  )
})
