import type { ComplaintCategory, ComplaintStatus, InspectionSource, Outcome } from '@contract'

/** Display words for the contract's keys (enterprise pages). */

export const SOURCE_LABELS: Record<InspectionSource, string> = {
  plan: '检查计划',
  complaint: '投诉举报',
  referral: '上级交办',
  monitoring: '监测预警',
  enterprise_request: '企业申请',
}

/** How an inspection's source reads: a quiet-period special case that stood in for a plan reads as such. */
export function sourceLabel(i: { source: InspectionSource; planId?: string; exception?: unknown }): string {
  return i.source === 'plan' && !i.planId && i.exception ? '特殊情形' : SOURCE_LABELS[i.source]
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  compliant: '未发现问题',
  rectify: '责令整改',
  case: '立案查处',
  transfer: '移送处理',
}

/** The categories in the order a company owner thinks of them. */
export const COMPLAINT_CATEGORIES: { key: ComplaintCategory; title: string; detail: string }[] = [
  { key: 'quiet_period_violation', title: '安静生产期违规入企', detail: '每月1–25日无特殊情形入园区企业检查' },
  { key: 'no_certificate', title: '未出示执法证件', detail: '检查时未亮证或证件无效' },
  { key: 'repeated_inspection', title: '重复检查', detail: '短期内多次检查同一事项' },
  { key: 'unrelated_demands', title: '提出与检查无关的要求', detail: '如指定服务、索要财物、推销等' },
  { key: 'attitude', title: '态度问题', detail: '态度生硬、言行不文明' },
  { key: 'fine_quota', title: '罚款指标/趋利执法', detail: '为完成罚款任务而检查或处罚' },
  { key: 'other', title: '其他', detail: '其他不规范执法行为' },
]

export const CATEGORY_LABELS = Object.fromEntries(COMPLAINT_CATEGORIES.map((c) => [c.key, c.title])) as Record<ComplaintCategory, string>

export const COMPLAINT_STATUS: Record<ComplaintStatus, { text: string; tone: 'ok' | 'warn' | 'info' | 'muted' }> = {
  received: { text: '已提交', tone: 'info' },
  accepted: { text: '已受理', tone: 'warn' },
  replied: { text: '已答复', tone: 'ok' },
  closed: { text: '已办结', tone: 'muted' },
}

export const TIMELINE_LABELS: Record<'received' | 'accept' | 'reply' | 'close', string> = {
  received: '提交投诉',
  accept: '监督部门受理',
  reply: '监督部门答复',
  close: '办结',
}

/** The 5 levels of 好差评, best first as on the government service scale. */
export const SCORES: { score: 1 | 2 | 3 | 4 | 5; label: string }[] = [
  { score: 5, label: '非常满意' },
  { score: 4, label: '满意' },
  { score: 3, label: '基本满意' },
  { score: 2, label: '不满意' },
  { score: 1, label: '非常不满意' },
]

export const SCORE_LABELS: Record<number, string> = Object.fromEntries(SCORES.map((s) => [s.score, s.label]))

/** Optional rating tags: what went well first, then what did not. */
export const RATING_TAGS = { good: ['文明执法', '程序规范', '耐心解答', '主动亮证'], bad: ['态度生硬', '与检查无关的要求', '未亮证', '检查时间过长'] }

export const CERT_STATUS_LABELS = { valid: '有效', suspended: '已暂扣', revoked: '已吊销', expired: '已过期' } as const
