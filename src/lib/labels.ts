import type {
  AlertKind,
  CertStatus,
  ComplaintCategory,
  ComplaintStatus,
  ExceptionVerdict,
  InspectionSource,
  Outcome,
  PlanKind,
  PlanStatus,
  Role,
  ServicePurpose,
} from '@contract'

/**
 * The Chinese words on screen for the contract's keys, in one place for every role's pages
 * (docs/glossary.md lists the terms). Where one key reads differently by audience (the
 * company that complained vs the supervisor handling it), both wordings stand here side
 * by side. Words that carry a rule's number (windows, deadlines, caps, special cases) are
 * made from the settings by `types/rule-words.ts` (pages: `useRuleWords`).
 */

export type Tone = 'ok' | 'warn' | 'bad' | 'info' | 'muted'

/** Role keys → the Chinese names people know them by. */
export const ROLE_LABELS: Record<Role, string> = {
  officer: '执法人员',
  enterprise: '企业联系人',
  deptAdmin: '执法单位管理员',
  supervisor: '监督人员',
  admin: '系统管理员',
}

// ── Inspections ─────────────────────────────────────────────────────────────

export const SOURCE_LABELS: Record<InspectionSource, string> = {
  plan: '检查计划',
  complaint: '投诉举报',
  referral: '上级交办',
  monitoring: '监测预警',
  enterprise_request: '企业申请',
}

/** The case sources an officer may pick instead of a plan. */
export const CASE_SOURCES: InspectionSource[] = ['complaint', 'referral', 'monitoring', 'enterprise_request']

/** How an inspection's source reads: a quiet-period special case that stood in for a plan reads as such. */
export function sourceLabel(i: { source: InspectionSource; planId?: string; exception?: unknown }): string {
  return i.source === 'plan' && !i.planId && i.exception ? '特殊情形' : SOURCE_LABELS[i.source]
}

export const OUTCOME_LABELS: Record<Outcome, { title: string; detail: string }> = {
  compliant: { title: '未发现问题', detail: '企业符合检查事项要求' },
  rectify: { title: '责令整改', detail: '须填写整改期限' },
  no_penalty: { title: '轻微违法不予处罚', detail: '须引用不予处罚清单中的一项' },
  case: { title: '立案查处', detail: '发现违法行为，依法立案' },
  transfer: { title: '移送处理', detail: '移送其他部门或司法机关处理' },
}

/** A supervisor's review of a special case, as the supervisor reads it… */
export const VERDICT_LABELS: Record<ExceptionVerdict, { text: string; tone: 'warn' | 'ok' | 'bad' }> = {
  pending: { text: '待审核', tone: 'warn' },
  justified: { text: '情形成立', tone: 'ok' },
  unjustified: { text: '不合理', tone: 'bad' },
}

/** …and as the inspected company reads it. */
export const VERDICT_FOR_COMPANY: Record<ExceptionVerdict, string> = {
  pending: '监督部门审核中',
  justified: '监督部门认定理由成立',
  unjustified: '监督部门认定理由不成立',
}

/** A service visit's 入企服务 purpose (rule 19). */
export const SERVICE_PURPOSE_LABELS: Record<ServicePurpose, string> = {
  policy: '政策宣讲',
  survey: '调研走访',
  assistance: '帮扶解难',
  other: '其他服务',
}

// ── Certificates ────────────────────────────────────────────────────────────

/** A certificate's state as its card and the company's check show it (expired is derived from the date). */
export const CERT_STATUS_LABELS: Record<CertStatus | 'expired', { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  valid: { text: '有效', tone: 'ok' },
  suspended: { text: '已暂扣', tone: 'warn' },
  revoked: { text: '已吊销', tone: 'bad' },
  expired: { text: '已过期', tone: 'bad' },
}

/** The roster names a suspension by the supervisor's action on it (暂停执法). */
export const ROSTER_CERT_STATUS_LABELS: typeof CERT_STATUS_LABELS = { ...CERT_STATUS_LABELS, suspended: { text: '暂停执法', tone: 'warn' } }

// ── Complaints ──────────────────────────────────────────────────────────────

/** The categories in the order a company owner thinks of them, with what each covers. */
export const COMPLAINT_CATEGORIES: { key: ComplaintCategory; title: string; detail: string }[] = [
  { key: 'quiet_period_violation', title: '安静生产期违规入企', detail: '安静生产期内无特殊情形入企检查' },
  { key: 'no_certificate', title: '未出示执法证件', detail: '检查时未亮证或证件无效' },
  { key: 'repeated_inspection', title: '重复检查、多头检查', detail: '短期内多次检查同一事项' },
  { key: 'unrelated_demands', title: '提出与检查无关的要求', detail: '如指定服务、索要财物、推销等' },
  { key: 'attitude', title: '执法态度问题', detail: '态度生硬、言行不文明' },
  { key: 'fine_quota', title: '趋利性执法、罚款指标', detail: '为完成罚款任务而检查或处罚' },
  { key: 'other', title: '其他', detail: '其他不规范执法行为' },
]

export const COMPLAINT_CATEGORY_LABELS = Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c.key, c.title])) as Record<ComplaintCategory, string>

/** A complaint's status as the company that filed it reads it… */
export const COMPLAINT_STATUS_FOR_COMPANY: Record<ComplaintStatus, { text: string; tone: Tone }> = {
  received: { text: '已提交', tone: 'info' },
  accepted: { text: '已受理', tone: 'warn' },
  replied: { text: '已答复', tone: 'ok' },
  closed: { text: '已办结', tone: 'muted' },
}

/** …and as the supervisor handling it reads it. */
export const COMPLAINT_STATUS_FOR_SUPERVISOR: Record<ComplaintStatus, string> = {
  received: '待受理',
  accepted: '办理中',
  replied: '已答复',
  closed: '已办结',
}

type TimelineAction = 'received' | 'accept' | 'reply' | 'close'

/** The steps of a complaint's timeline, for the company… */
export const TIMELINE_FOR_COMPANY: Record<TimelineAction, string> = {
  received: '提交投诉',
  accept: '监督部门受理',
  reply: '监督部门答复',
  close: '办结',
}

/** …and for the supervisor. */
export const TIMELINE_FOR_SUPERVISOR: Record<TimelineAction, string> = {
  received: '收到投诉',
  accept: '受理',
  reply: '答复',
  close: '办结',
}

// ── Ratings ─────────────────────────────────────────────────────────────────

/** The 5 levels of 好差评, best first as on the government service scale. */
export const SCORES: { score: 1 | 2 | 3 | 4 | 5; label: string }[] = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
]

export const SCORE_LABELS: Record<number, string> = Object.fromEntries(SCORES.map((s) => [s.score, s.label]))

// ── Supervision ─────────────────────────────────────────────────────────────

export const ALERT_LABELS: Record<AlertKind, { chip: string; tone: 'bad' | 'warn' }> = {
  overdue: { chip: '红灯逾期', tone: 'bad' },
  unjustified_exception: { chip: '例外不合理', tone: 'bad' },
  pending_exception: { chip: '例外待审', tone: 'warn' },
  bad_rating: { chip: '差评', tone: 'bad' },
  unscanned: { chip: '未扫码入企', tone: 'bad' },
  repeated: { chip: '重复检查', tone: 'warn' },
  complaint_overdue: { chip: '投诉逾期', tone: 'bad' },
  follow_up_overdue: { chip: '回访逾期', tone: 'bad' },
  after_cap: { chip: '超限后案件入企', tone: 'warn' },
}

export const ALERT_ORDER: AlertKind[] = [
  'overdue',
  'follow_up_overdue',
  'bad_rating',
  'unjustified_exception',
  'pending_exception',
  'complaint_overdue',
  'unscanned',
  'after_cap',
  'repeated',
]

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

export const SCALE_LABELS: Record<string, string> = { large: '大型', medium: '中型', small: '小型', micro: '微型' }
