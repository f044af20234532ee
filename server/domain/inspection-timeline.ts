import type { InspectionEvent } from '@contract'
import type { InspectionRecord } from './inspection-records'

/**
 * An inspection's life as the detail pages show it, from the record itself (and its
 * rating, for those allowed to see it): check-in, the special case's review, the red light
 * (the result deadline passed without a result), the result, the rating. Oldest first.
 */
export function inspectionTimeline(r: InspectionRecord, now: number, rating?: { score: number; ratedAt: number } | null): InspectionEvent[] {
  const events: InspectionEvent[] = [{ at: r.checkInAt, kind: 'check_in', text: `${r.deptName} ${r.officerNames.join('、')} 扫码进入 ${r.companyName}` }]
  // The leading department's special case, then each joined department's (rule 14).
  for (const [ex, whose] of [[r.exception, ''], ...(r.joins ?? []).map((j) => [j.exception, `${j.deptName}的`] as const)] as const) {
    if (ex?.reviewedAt === undefined || ex.review === 'pending') continue
    events.push({
      at: ex.reviewedAt,
      kind: 'exception_review',
      text: `监督审核${whose}特殊情形：${ex.review === 'justified' ? '成立' : '不成立'}${ex.reviewComment ? `（${ex.reviewComment}）` : ''}`,
    })
  }
  const late = r.result ? r.result.lateByMs > 0 : r.dueAt < now
  if (late) events.push({ at: r.dueAt, kind: 'overdue', text: '超过结果录入期限，亮红灯' })
  if (r.result) events.push({ at: r.result.recordedAt, kind: 'result', text: r.result.lateByMs > 0 ? '录入检查结果（逾期）' : '录入检查结果' })
  if (rating) events.push({ at: rating.ratedAt, kind: 'rating', text: `企业评价 ${rating.score} 星` })
  return events.sort((a, b) => a.at - b.at)
}
