/**
 * Harness preparation for the supervisor journey: what officers and a company do before a
 * supervisor looks, done through the emulator's HTTP API (the same calls the app makes).
 */
import ExcelJS from 'exceljs'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { CallAnswer, TestEmulator } from '../helpers/emulator'

export const PARK_MONITORING = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
export const MARKET_DEPT = buildDemoRoster().departments.find((d) => d.id === DEMO_IDS.cityMarketDept)!

/** Calls as a demo persona, failing loudly on an error answer. */
export function caller(app: TestEmulator) {
  const tokens = new Map<string, string>()
  const as = async (openid: string, fn: string, action: string, fields: object = {}): Promise<CallAnswer> => {
    if (!tokens.has(openid)) tokens.set(openid, await app.login(openid))
    return app.call(fn, action, fields, tokens.get(openid))
  }
  const must = async (openid: string, fn: string, action: string, fields: object = {}) => {
    const res = await as(openid, fn, action, fields)
    if (!res.ok) throw new Error(`${openid} ${fn}.${action} → ${JSON.stringify(res.error)}`)
    return res.data
  }
  return { as, must }
}

/**
 * A plan check-in at the company's gate (a GPS fix at its registered location) on the quiet-period
 * special case `category`, as `openid`; `extra` adds or replaces fields (a case source, the
 * inspection joined). Answers the data, failing loudly on an error.
 */
export function specialCaseCheckIn(
  api: ReturnType<typeof caller>,
  openid: string,
  company: { id: string; location: { lat: number; lng: number } },
  clientRequestId: string,
  category = 'emergency',
  extra: object = {},
) {
  const location = { lat: company.location.lat, lng: company.location.lng, accuracy: 20 }
  return api.must(openid, 'inspection', 'checkIn', { scene: `c=${company.id}`, clientRequestId, source: 'plan', exception: { category }, location, ...extra })
}

export interface Prepared {
  inspectionId: string
  ratingId: string
  complaintId: string
  anonymousComplaintId: string
}

let seq = 0
const crid = () => `sv-e2e-${Date.now().toString(36)}-${++seq}`

/**
 * In the quiet period: two market-department officers enter the park monitoring-point
 * company on a special case, record a result; the company rates it 1 star and complains
 * about it by name; a second, anonymous complaint about enforcement in general.
 */
export async function prepareJourney(app: TestEmulator): Promise<Prepared> {
  const api = caller(app)
  const { must } = api
  const first = await specialCaseCheckIn(api, 'demo-officer-1', PARK_MONITORING, crid())
  const inspectionId: string = first.inspection.id
  const joined = await specialCaseCheckIn(api, 'demo-officer-2', PARK_MONITORING, crid())
  if (joined.inspection.id !== inspectionId) throw new Error('the second officer did not join the first inspection')
  const recorded = await must('demo-officer-1', 'inspection', 'recordResult', {
    inspectionId,
    outcome: 'rectify',
    findings: '危化品仓库未按规定分区存放',
    rectifyBy: '2027-01-10',
  })
  const rated = await must('demo-enterprise-1', 'enterprise', 'rate', { token: recorded.rating.token, score: 1, comment: '安静生产期进厂，停产配合检查两小时' })
  const complaint = await must('demo-enterprise-1', 'enterprise', 'complain', {
    inspectionId,
    category: 'quiet_period_violation',
    content: '12月15日安静生产期内，市场监管局两名执法人员以“突发事故”为由进厂检查，但企业当天并无任何事故，生产线被迫停工两小时。',
    anonymous: false,
  })
  const anonymous = await must('demo-enterprise-1', 'enterprise', 'complain', {
    category: 'repeated_inspection',
    content: '本月已有三个部门先后来查消防和安全生产，内容基本相同，希望合并检查。',
    anonymous: true,
  })
  return { inspectionId, ratingId: rated.rating.id, complaintId: complaint.complaint.id, anonymousComplaintId: anonymous.complaint.id }
}

/** The workbook at `url` (relative to the emulator when it starts with `/`), read with exceljs as `openid` (files need a session). */
export async function fetchWorkbook(app: TestEmulator, url: string, openid: string): Promise<ExcelJS.Workbook> {
  const res = await fetch(url.startsWith('/') ? app.baseUrl + url : url, { headers: { authorization: `Bearer ${await app.login(openid)}` } })
  if (!res.ok) throw new Error(`GET ${url} → HTTP ${res.status}`)
  const wb = new ExcelJS.Workbook()
  await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer)
  return wb
}

/** A sheet's rows as objects keyed by the header row (the first row whose first cells name `firstHeader`). */
export function sheetRows(ws: ExcelJS.Worksheet, firstHeader: string): Record<string, unknown>[] {
  let headers: string[] | null = null
  const rows: Record<string, unknown>[] = []
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1).map((v) => (v && typeof v === 'object' && 'result' in v ? (v as { result: unknown }).result : v))
    if (!headers) {
      if (values.some((v) => v === firstHeader)) headers = values.map((v) => String(v ?? ''))
      return
    }
    rows.push(Object.fromEntries(headers.map((h, i) => [h, values[i]])))
  })
  return rows
}
