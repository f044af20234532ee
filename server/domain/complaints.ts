import type { ComplaintStatus, Settings } from '@contract'
import { chinaDate, endOfChinaDay } from './china-time'
import { addWorkingDays } from './working-days'

/**
 * Complaints 投诉举报 (SPEC §2.10): the due date in Chinese working days and the order a
 * supervisor handles them in. Plain functions of data and a clock.
 */

/**
 * Due at the end of the China day that is `complaint.dueWorkingDays` working days after
 * the China date of receipt (the day of receipt not counted; holidays and make-up working
 * days from chinese-days and the settings' calendar).
 */
export function complaintDueAt(receivedAt: number, settings: Pick<Settings, 'complaint' | 'timezone'> & Partial<Pick<Settings, 'calendar'>>): number {
  const due = addWorkingDays(chinaDate(receivedAt, settings.timezone), settings.complaint.dueWorkingDays, settings.calendar)
  return endOfChinaDay(due, settings.timezone)
}

export type ComplaintAction = 'accept' | 'reply' | 'close'

/**
 * received → accepted → replied → closed. A supervisor may reply more than once (each
 * reply is a new timeline event); nothing leaves `closed`.
 */
const ALLOWED: Record<ComplaintAction, { from: ComplaintStatus[]; to: ComplaintStatus }> = {
  accept: { from: ['received'], to: 'accepted' },
  reply: { from: ['accepted', 'replied'], to: 'replied' },
  close: { from: ['replied'], to: 'closed' },
}

/** The status after `action`, or null when the action is out of order. */
export function nextComplaintStatus(current: ComplaintStatus, action: ComplaintAction): ComplaintStatus | null {
  const rule = ALLOWED[action]
  return rule.from.includes(current) ? rule.to : null
}

/** Open (not closed) past its due date. */
export const isComplaintOverdue = (c: { status: ComplaintStatus; dueAt: number }, now: number): boolean => c.status !== 'closed' && now > c.dueAt

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: '已收到',
  accepted: '已受理',
  replied: '已答复',
  closed: '已办结',
}

export const COMPLAINT_CATEGORY_LABELS: Record<string, string> = {
  quiet_period_violation: '安静生产期违规入企',
  no_certificate: '未出示执法证件',
  repeated_inspection: '重复检查、多头检查',
  unrelated_demands: '提出与检查无关的要求',
  attitude: '执法态度问题',
  fine_quota: '逐利执法、罚款指标',
  other: '其他',
}
