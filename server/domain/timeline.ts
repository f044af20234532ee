import type { TimelineStep } from '@contract'
import { joinTimes, officerDepartments, resultOf } from './joint'

/**
 * An inspection's timeline for the people on it (SPEC §5 release 2): check-in or back-fill,
 * each officer and department that came on, each department's result, a withdrawal, the
 * rating. Built from the record alone, in time order.
 */

export interface TimelineSource {
  deptId: string
  deptName: string
  checkInAt: number
  officerIds: string[]
  officerNames: string[]
  officerDeptIds?: string[]
  officerJoinedAt?: number[]
  joins?: Array<{ deptId: string; deptName: string; joinedAt: number; result?: { recordedAt: number; outcome: string } }>
  result?: { recordedAt: number; outcome: string }
  backfill?: { recordedAt: number; reason: string; review: string }
  withdrawal?: { at: number; byName: string; reason: string }
  rating: { state: string }
  flags: string[]
}

export function timelineOf(r: TimelineSource, words: { outcome: (o: string) => string }): TimelineStep[] {
  const steps: TimelineStep[] = []
  const names = new Map<string, string>([[r.deptId, r.deptName], ...(r.joins ?? []).map((j) => [j.deptId, j.deptName] as [string, string])])
  steps.push({ at: r.checkInAt, kind: 'check_in', text: `${r.officerNames[0] ?? ''}（${r.deptName}）入企检查`, deptId: r.deptId })
  if (r.backfill) steps.push({ at: r.backfill.recordedAt, kind: 'backfill', text: `事后补录：${r.backfill.reason}` })
  const times = joinTimes(r)
  const depts = officerDepartments(r)
  const jointAt = new Map((r.joins ?? []).map((j) => [j.deptId, j.joinedAt]))
  r.officerIds.forEach((_, k) => {
    if (k === 0) return
    const deptId = depts[k]
    const first = jointAt.get(deptId) === times[k] && depts.indexOf(deptId) === k
    steps.push({
      at: times[k],
      kind: first ? 'joint_join' : 'join',
      text: first ? `${names.get(deptId) ?? ''} 联合检查：${r.officerNames[k]} 加入` : `${r.officerNames[k]} 加入检查`,
      deptId,
    })
  })
  for (const deptId of [r.deptId, ...(r.joins ?? []).map((j) => j.deptId)]) {
    const res = resultOf<{ recordedAt: number; outcome: string }>(r, deptId)
    if (res) steps.push({ at: res.recordedAt, kind: 'result', text: `${names.get(deptId) ?? ''} 录入结果：${words.outcome(res.outcome)}`, deptId })
  }
  if (r.withdrawal) steps.push({ at: r.withdrawal.at, kind: 'withdraw', text: `${r.withdrawal.byName} 撤回：${r.withdrawal.reason}` })
  return steps.sort((a, b) => a.at - b.at)
}
