import type { InspectionFlag, InspectionSource, InspectionStatus, Outcome } from '@contract'

/** Display words for the contract's keys (officer pages). */

export const SOURCE_LABELS: Record<InspectionSource, string> = {
  plan: '检查计划',
  complaint: '投诉举报',
  referral: '上级交办',
  monitoring: '监测预警',
  enterprise_request: '企业申请',
}

/** How an inspection's source reads: a special case that stood in for a plan reads as such. */
export function sourceLabel(i: { source: InspectionSource; planId?: string; exception?: unknown }): string {
  return i.source === 'plan' && !i.planId && i.exception ? '特殊情形' : SOURCE_LABELS[i.source]
}

export const CASE_SOURCES: InspectionSource[] = ['complaint', 'referral', 'monitoring', 'enterprise_request']

export const FLAG_LABELS: Record<InspectionFlag, { title: string; detail: string }> = {
  quiet_exception: { title: '安静生产期例外入企', detail: '需监督审核的例外：监督部门将审核所选特殊情形是否成立' },
  off_site: { title: '不在企业现场（定位偏差）', detail: '定位距企业登记地址较远或精度不足，已记录备查' },
  repeated: { title: '60日内重复检查', detail: '该企业60日内已被检查，已提示监督部门，建议联合检查' },
  late_result: { title: '结果逾期录入', detail: '超过期限才录入检查结果' },
}

export const STATUS_LABELS: Record<InspectionStatus, string> = {
  open: '进行中',
  overdue: '红灯·逾期',
  closed: '已结束',
}

export const OUTCOME_LABELS: Record<Outcome, { title: string; detail: string }> = {
  compliant: { title: '未发现问题', detail: '企业符合检查事项要求' },
  rectify: { title: '责令整改', detail: '须填写整改期限' },
  case: { title: '立案查处', detail: '发现违法行为，依法立案' },
  transfer: { title: '移送', detail: '移送其他部门或司法机关处理' },
}
