import type { AlertKind, CertStatus, ComplaintCategory, ComplaintStatus, ExceptionVerdict, PlanKind, PlanStatus } from '@contract'

/** Display words for the contract's keys (supervisor and roster pages). */

export const ALERT_LABELS: Record<AlertKind, { chip: string; tone: 'bad' | 'warn' }> = {
  overdue: { chip: '红灯逾期', tone: 'bad' },
  unjustified_exception: { chip: '例外不合理', tone: 'bad' },
  pending_exception: { chip: '例外待审', tone: 'warn' },
  bad_rating: { chip: '差评', tone: 'bad' },
  unscanned: { chip: '未扫码入企', tone: 'bad' },
  repeated: { chip: '重复检查', tone: 'warn' },
  complaint_overdue: { chip: '投诉逾期', tone: 'bad' },
}

export const ALERT_ORDER: AlertKind[] = ['overdue', 'bad_rating', 'unjustified_exception', 'pending_exception', 'complaint_overdue', 'unscanned', 'repeated']

/** What a supervisor does about each kind (shown when the alert is opened). */
export const ALERT_ACTIONS: Record<AlertKind, string> = {
  overdue: '入企检查超过3日未录入结果，计入该部门红灯。请督促该部门立即录入结果。',
  unjustified_exception: '安静生产期入企的特殊情形经审核不成立，已计入该部门不合理例外。',
  pending_exception: '安静生产期以特殊情形入企，待您审核特殊情形是否成立。',
  bad_rating: '企业给出差评（1–2星），须在15个工作日内回访核实、督促整改。评价人身份不向执法部门公开。',
  unscanned: '监测点企业登记了一次无人扫码的入企检查，请核实该部门是否未扫码入企。',
  repeated: '该企业60日内被多次检查，请核实是否重复检查，建议组织联合检查。',
  complaint_overdue: '投诉超过15个工作日办理期限仍未办结，请尽快办理。',
}

export const EXCEPTION_CATEGORY_LABELS: Record<string, string> = {
  emergency: '突发事故、疫情等需要处置',
  mandated_campaign: '国家、省统一部署的专项整治/双随机/抽检',
  hazard_followup: '较大安全隐患整改督促',
  high_risk: '重点监管领域安全问题',
  complaint_case: '投诉举报、案件调查取证',
  tax: '偷逃抗骗税等税务检查',
  other: '其他确需到现场检查的情形',
}

export const VERDICT_LABELS: Record<ExceptionVerdict, { text: string; tone: 'warn' | 'ok' | 'bad' }> = {
  pending: { text: '待审核', tone: 'warn' },
  justified: { text: '情形成立', tone: 'ok' },
  unjustified: { text: '不合理', tone: 'bad' },
}

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '待受理',
  accepted: '办理中',
  replied: '已答复',
  closed: '已办结',
}

export const COMPLAINT_CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  quiet_period_violation: '安静生产期违规入企',
  no_certificate: '未出示执法证件',
  repeated_inspection: '重复检查、多头检查',
  unrelated_demands: '提出与检查无关的要求',
  attitude: '执法态度问题',
  fine_quota: '趋利性执法、罚款指标',
  other: '其他',
}

export const TIMELINE_LABELS: Record<'received' | 'accept' | 'reply' | 'close', string> = {
  received: '收到投诉',
  accept: '受理',
  reply: '答复',
  close: '办结',
}

export const PLAN_KIND_LABELS: Record<PlanKind, string> = {
  routine: '日常检查',
  campaign: '专项检查',
  random: '双随机抽查',
}

export const PLAN_STATUS_LABELS: Record<PlanStatus, { text: string; tone: 'warn' | 'ok' | 'bad' }> = {
  pending: { text: '待审核', tone: 'warn' },
  approved: { text: '已批准', tone: 'ok' },
  rejected: { text: '已退回', tone: 'bad' },
}

export const CERT_STATUS_LABELS: Record<CertStatus, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  valid: { text: '有效', tone: 'ok' },
  suspended: { text: '暂停执法', tone: 'warn' },
  revoked: { text: '已吊销', tone: 'bad' },
}

export const SCALE_LABELS: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' }

/** Ganzhou's county-level divisions (GB/T 2260), for the region picker and labels. */
export const REGIONS: { code: string; name: string }[] = [
  { code: '3607', name: '赣州市（全市）' },
  { code: '360702', name: '章贡区' },
  { code: '360703', name: '南康区' },
  { code: '360704', name: '赣县区' },
  { code: '360722', name: '信丰县' },
  { code: '360723', name: '大余县' },
  { code: '360724', name: '上犹县' },
  { code: '360725', name: '崇义县' },
  { code: '360726', name: '安远县' },
  { code: '360728', name: '定南县' },
  { code: '360729', name: '全南县' },
  { code: '360730', name: '宁都县' },
  { code: '360731', name: '于都县' },
  { code: '360732', name: '兴国县' },
  { code: '360733', name: '会昌县' },
  { code: '360734', name: '寻乌县' },
  { code: '360735', name: '石城县' },
  { code: '360781', name: '瑞金市' },
  { code: '360783', name: '龙南市' },
]

export const regionName = (code?: string) => (code ? (REGIONS.find((r) => r.code === code)?.name ?? code) : '')

/** Department names are long (赣州市市场监督管理局): drop the city prefix on charts. */
export const shortDeptName = (name: string) => name.replace(/^赣州市/, '')
