import type { InspectionSummary } from '@contract'
import type { z } from 'zod'
import type { Ctx } from '../platform/context'
import type { InspectionRecord, PlanRecord } from '../domain/inspection-records'
import { findCategory } from '../domain/special-case'
import { readDoc } from '../store/docs'

/** What a company sees of an inspection before rating it (SPEC §5 rate page). */

export const SOURCE_LABELS: Record<string, string> = {
  plan: '检查计划',
  complaint: '投诉举报',
  referral: '上级交办或部门移送',
  monitoring: '监测预警',
  enterprise_request: '企业申请',
}

export const OUTCOME_LABELS: Record<string, string> = {
  compliant: '未发现问题',
  rectify: '责令整改',
  no_penalty: '轻微违法不予处罚',
  case: '立案查处',
  transfer: '移送处理',
}

/** The legal basis in words: the plan and its basis, the special case, or the case source. */
export async function basisInWords(ctx: Ctx, r: InspectionRecord): Promise<string> {
  const parts: string[] = []
  if (r.planId) {
    const plan = await readDoc<PlanRecord>(ctx.db, 'plans', r.planId)
    parts.push(plan ? `检查计划“${plan.title}”（依据：${plan.basis}）` : '检查计划')
  } else {
    parts.push(`案件来源：${SOURCE_LABELS[r.source] ?? r.source}`)
  }
  if (r.exception) {
    const label = findCategory(r.exception.category, ctx.settings)?.label ?? r.exception.category
    parts.push(`安静生产期特殊情形：${label}${r.exception.reason ? `（${r.exception.reason}）` : ''}`)
  }
  return parts.join('；')
}

export async function toInspectionSummary(ctx: Ctx, r: InspectionRecord): Promise<z.input<typeof InspectionSummary> & Record<string, unknown>> {
  // A joint inspection: the leading department's result, else the first recorded (each department's is in `results`).
  const shown = r.result ?? r.joins?.find((j) => j.result)?.result
  return {
    inspectionId: r._id,
    companyName: r.companyName,
    department: [r.deptName, ...(r.joins ?? []).map((j) => j.deptName)].join('、'),
    officerNames: [...r.officerNames],
    time: r.checkInAt,
    source: r.source,
    sourceLabel: SOURCE_LABELS[r.source] ?? r.source,
    basis: await basisInWords(ctx, r),
    ...(shown
      ? {
          result: { outcome: shown.outcome, findings: shown.findings, ...(shown.rectifyBy ? { rectifyBy: shown.rectifyBy } : {}) },
          outcomeLabel: OUTCOME_LABELS[shown.outcome],
        }
      : {}),
    rated: r.rating.state === 'rated',
  }
}
