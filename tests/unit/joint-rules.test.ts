import { defaultSettings } from '@contract'
import { backfillTimeProblem } from '@server/domain/backfill'
import { isAfterCap, prunedRefusals, sourceRefProblem } from '@server/domain/case-source'
import { casesWith, pickCase, reviewCases, type CaseHolder } from '@server/domain/case-review'
import { countInspection, countRating, type Tally } from '@server/domain/counter-recount'
import { movedGate, type CompanyGate } from '@server/domain/gate'
import { departmentsWithoutResult, deptResultProblem, jointJoinProblem, overdueDepartments, sameDeptJoin } from '@server/domain/joint'
import { findLeniencyItem, listsForField } from '@server/domain/leniency'
import { ratedDepartments } from '@server/domain/ratings'
import { rectifyByProblem } from '@server/domain/rectify-by'
import { serviceVisitFlags } from '@server/domain/service-visit'
import { timelineOf } from '@server/domain/timeline'
import { withdrawProblem } from '@server/domain/withdraw'

/** SPEC §2 rules 14–20 as plain functions, with their edges in Asia/Shanghai. */

const settings = defaultSettings()
const Z = (iso: string) => Date.parse(iso)
const MIN = 60_000
const DAY = 86_400_000

describe('rule 15: case sources carry a reference; after_cap', () => {
  it('a case source without a reference is refused in words; a plan needs none', () => {
    expect(sourceRefProblem('complaint', undefined)).toMatch(/来源编号/)
    expect(sourceRefProblem('referral', '   ')).toMatch(/来源编号/)
    expect(sourceRefProblem('monitoring', 'YJ-2026-17')).toBeNull()
    expect(sourceRefProblem('plan', undefined)).toBeNull()
  })
  it('flags a case-sourced check-in within 30 days of the department’s cap refusal, not after, not another department', () => {
    const refusedAt = Z('2026-11-01T02:00:00Z')
    const refusals = { d1: refusedAt }
    expect(isAfterCap(refusals, { deptId: 'd1', source: 'complaint', now: refusedAt + 30 * DAY }, settings)).toBe(true)
    expect(isAfterCap(refusals, { deptId: 'd1', source: 'complaint', now: refusedAt + 30 * DAY + 1 }, settings)).toBe(false)
    expect(isAfterCap(refusals, { deptId: 'd2', source: 'complaint', now: refusedAt + DAY }, settings)).toBe(false)
    expect(isAfterCap(refusals, { deptId: 'd1', source: 'plan', now: refusedAt + DAY }, settings)).toBe(false)
    expect(isAfterCap({ ['__proto__' as string]: 1 } as never, { deptId: 'constructor', source: 'complaint', now: refusedAt }, settings)).toBe(false)
  })
  it('the gate keeps refusals only 30 days', () => {
    const now = Z('2026-12-10T00:00:00Z')
    expect(prunedRefusals({ old: now - 31 * DAY, fresh: now - DAY }, now, settings, 'd9')).toEqual({ fresh: now - DAY, d9: now })
    const gate = movedGate({ capRefusals: { old: now - 31 * DAY } }, { kind: 'capRefused', deptId: 'd1' }, { now, today: '2026-12-10' }, settings)
    expect(gate.capRefusals).toEqual({ d1: now })
  })
})

describe('rules 4, 14, 16: joining', () => {
  const t0 = Z('2026-12-27T02:00:00Z')
  const open = { deptId: 'd1', deptIds: ['d1'], officerIds: ['o1'], officerDeptIds: ['d1'], companyId: 'c1', checkInAt: t0, status: 'open' }
  it('a second officer joins inside the 2-hour window, late after it (flagged), never after the result', () => {
    expect(sameDeptJoin(open, { deptId: 'd1', companyId: 'c1', now: t0 + 120 * MIN, officerId: 'o2' }, settings)).toBe('join')
    expect(sameDeptJoin(open, { deptId: 'd1', companyId: 'c1', now: t0 + 120 * MIN + 1, officerId: 'o2' }, settings)).toBe('late_join')
    expect(sameDeptJoin(open, { deptId: 'd1', companyId: 'c1', now: t0 + 9 * DAY, officerId: 'o2' }, settings)).toBe('late_join')
    expect(sameDeptJoin({ ...open, status: 'overdue' }, { deptId: 'd1', companyId: 'c1', now: t0 + 9 * DAY, officerId: 'o2' }, settings)).toBe('late_join')
    expect(sameDeptJoin({ ...open, result: {} }, { deptId: 'd1', companyId: 'c1', now: t0 + MIN, officerId: 'o2' }, settings)).toBeNull()
    expect(sameDeptJoin({ ...open, status: 'withdrawn' }, { deptId: 'd1', companyId: 'c1', now: t0 + MIN, officerId: 'o2' }, settings)).toBeNull()
  })
  it('the officer already on it re-scans inside the window (answered), and starts a new visit after it', () => {
    expect(sameDeptJoin(open, { deptId: 'd1', companyId: 'c1', now: t0 + MIN, officerId: 'o1' }, settings)).toBe('join')
    expect(sameDeptJoin(open, { deptId: 'd1', companyId: 'c1', now: t0 + 3 * 60 * MIN, officerId: 'o1' }, settings)).toBeNull()
  })
  it('another department joins only inside the window and before any result', () => {
    expect(jointJoinProblem(open, { deptId: 'd2', companyId: 'c1', now: t0 + 120 * MIN }, settings)).toBeNull()
    expect(jointJoinProblem(open, { deptId: 'd2', companyId: 'c1', now: t0 + 120 * MIN + 1 }, settings)).toMatch(/时限/)
    expect(jointJoinProblem({ ...open, result: {} }, { deptId: 'd2', companyId: 'c1', now: t0 + MIN }, settings)).toMatch(/结果/)
    expect(jointJoinProblem(open, { deptId: 'd2', companyId: 'c2', now: t0 + MIN }, settings)).toMatch(/企业/)
  })
  it('a department’s result needs two officers, one of its own; the inspection closes when every department has recorded', () => {
    const joint = { ...open, deptIds: ['d1', 'd2'], officerIds: ['o1', 'p1'], officerDeptIds: ['d1', 'd2'], joins: [{ deptId: 'd2' }] }
    expect(deptResultProblem(joint, 'd1', settings)).toBeNull()
    expect(deptResultProblem(joint, 'd2', settings)).toBeNull()
    expect(deptResultProblem({ ...joint, officerIds: ['o1'], officerDeptIds: ['d1'] }, 'd1', settings)).toBe('too_few')
    expect(deptResultProblem({ ...joint, officerIds: ['o1', 'o2'], officerDeptIds: ['d1', 'd1'] }, 'd2', settings)).toBe('none_own')
    expect(departmentsWithoutResult({ ...joint, result: {} })).toEqual(['d2'])
    expect(overdueDepartments({ ...joint, status: 'overdue', result: {} })).toEqual(['d2'])
    expect(departmentsWithoutResult({ ...joint, result: {}, joins: [{ deptId: 'd2', result: {} }] })).toEqual([])
  })
  it('a joint join counts the joining department’s cap and sets its lock, without a second repeated entry', () => {
    const gate: CompanyGate = {
      recent: [{ inspectionId: 'i1', deptId: 'd1', checkInAt: t0, source: 'plan', keys: ['k1'] }],
      open: { d1: { inspectionId: 'i1', checkInAt: t0 } },
    }
    const next = movedGate(
      gate,
      { kind: 'join', inspectionId: 'i1', keyId: 'k2', joint: { deptId: 'd2', checkInAt: t0 + MIN, capYear: 2026 } },
      { now: t0 + MIN, today: '2026-12-27' },
      settings,
    )
    expect(next.recent).toHaveLength(1)
    expect(next.recent![0].keys).toEqual(['k1', 'k2'])
    expect(next.open).toEqual({ d1: { inspectionId: 'i1', checkInAt: t0 }, d2: { inspectionId: 'i1', checkInAt: t0 + MIN } })
    expect(next.caps).toEqual({ year: 2026, used: { d2: 1 } })
  })
})

describe('rule 18: withdraw', () => {
  const t0 = Z('2026-12-27T02:00:00Z')
  it('within 30 minutes of the check-in, before any result', () => {
    expect(withdrawProblem({ checkInAt: t0, status: 'open' }, t0 + 30 * MIN, settings)).toBeNull()
    expect(withdrawProblem({ checkInAt: t0, status: 'open' }, t0 + 30 * MIN + 1, settings)).toBe('too_late')
    expect(withdrawProblem({ checkInAt: t0, status: 'open', joins: [{ result: {} }] }, t0 + MIN, settings)).toBe('has_result')
    expect(withdrawProblem({ checkInAt: t0, status: 'withdrawn' }, t0 + MIN, settings)).toBe('withdrawn')
    // A back-fill's window runs from when it was recorded.
    expect(withdrawProblem({ checkInAt: t0 - 2 * DAY, status: 'open', backfill: { recordedAt: t0 } }, t0 + 10 * MIN, settings)).toBeNull()
  })
  it('leaves the repeated window, the lock and the cap', () => {
    const gate: CompanyGate = {
      recent: [{ inspectionId: 'i1', deptId: 'd1', checkInAt: t0, source: 'plan', keys: ['k1'] }],
      open: { d1: { inspectionId: 'i1', checkInAt: t0 } },
      caps: { year: 2026, used: { d1: 2 } },
    }
    const next = movedGate(
      gate,
      { kind: 'withdraw', inspectionId: 'i1', caps: [{ deptId: 'd1', year: 2026 }] },
      { now: t0 + MIN, today: '2026-12-27' },
      settings,
    )
    expect(next.recent).toBeUndefined()
    expect(next.open).toBeUndefined()
    expect(next.caps).toEqual({ year: 2026, used: { d1: 1 } })
  })
})

describe('rule 17: back-fill time', () => {
  const now = Z('2026-12-14T01:00:00Z') // 09:00 on the 14th in Beijing
  it('not in the future; at most 3 China days back (the 11th from 00:00 Beijing = 10th 16:00Z)', () => {
    expect(backfillTimeProblem(now + 1, now, settings)).toBe('future')
    expect(backfillTimeProblem(now, now, settings)).toBeNull()
    expect(backfillTimeProblem(Z('2026-12-10T16:00:00Z'), now, settings)).toBeNull()
    expect(backfillTimeProblem(Z('2026-12-10T15:59:59Z'), now, settings)).toBe('too_old')
  })
})

describe('rule 20: rectifyBy and leniency', () => {
  it('rectifyBy is a China date after today and at most 180 days ahead', () => {
    const now = Z('2026-12-14T16:30:00Z') // already the 15th in Beijing
    expect(rectifyByProblem('2026-12-15', now, settings)).toBe('not_after_today')
    expect(rectifyByProblem('2026-12-16', now, settings)).toBeNull()
    expect(rectifyByProblem('2027-06-13', now, settings)).toBeNull()
    expect(rectifyByProblem('2027-06-14', now, settings)).toBe('too_far')
    expect(rectifyByProblem('2024-12-16', now, settings)).toBe('not_after_today')
  })
  it('the default lists are examples, each item with its legal basis written out', () => {
    for (const list of settings.leniency.lists) {
      expect(list.title).toMatch(/示例/)
      for (const item of list.items) expect(item.basis).toMatch(/行政处罚法》第三十三条/)
    }
    expect(listsForField(settings, '税务').map((l) => l.id)).toEqual(['tax'])
    expect(listsForField(settings, '不存在的领域')).toHaveLength(settings.leniency.lists.length)
    expect(findLeniencyItem(settings, 'market-1')).toMatchObject({ listId: 'market' })
    expect(findLeniencyItem(settings, 'nope')).toBeUndefined()
  })
})

describe('rule 19: service visits', () => {
  const company = { inPark: true, location: { lat: 25.8, lng: 114.9 } }
  const fix = { lat: 25.8, lng: 114.9, accuracy: 10 }
  it('flagged quiet_period in the window at a park company (25th 23:59 Beijing), not on the 26th', () => {
    expect(serviceVisitFlags(Z('2026-12-25T15:59:59Z'), company, fix, settings).flags).toEqual(['quiet_period'])
    expect(serviceVisitFlags(Z('2026-12-25T16:00:00Z'), company, fix, settings).flags).toEqual([])
    expect(serviceVisitFlags(Z('2026-12-10T02:00:00Z'), { ...company, inPark: false }, fix, settings).flags).toEqual([])
  })
})

describe('counting (rules 14, 17, 18, 20)', () => {
  it('a joint visit counts once per department; a withdrawn one as withdrawn; no_penalty and back-fills counted', () => {
    const tally: Tally = new Map()
    countInspection(tally, {
      region: '360702',
      deptId: 'd1',
      month: '2026-12',
      status: 'closed',
      flags: ['repeated'],
      result: { outcome: 'no_penalty' },
      joins: [{ deptId: 'd2', result: { outcome: 'compliant' }, exception: { review: 'pending' } }],
    })
    countInspection(tally, { region: '360702', deptId: 'd1', month: '2026-12', status: 'withdrawn', flags: ['repeated'], backfill: {} })
    const d1 = tally.get('360702_d1_2026-12')!.figures
    const d2 = tally.get('360702_d2_2026-12')!.figures
    expect(d1).toMatchObject({ inspections: 1, withdrawn: 1, repeated: 1, results: 1, noPenalty: 1, backfills: 1 })
    expect(d2).toMatchObject({ inspections: 1, results: 1, noPenalty: 0, repeated: 0, quietExceptions: { pending: 1 } })
  })
})

describe('rule 14: each department’s special case is its own review case', () => {
  const pending = { category: 'emergency', review: 'pending' as const }
  const joint = (lead: CaseHolder['exception'], joined: CaseHolder['exception'], extra: Partial<CaseHolder> = {}): CaseHolder => ({
    deptId: 'd1',
    deptName: '市场监管局',
    ...(lead ? { exception: lead } : {}),
    joins: [
      { deptId: 'd2', deptName: '应急管理局', ...(joined ? { exception: joined } : {}) },
      { deptId: 'd3', deptName: '税务局' },
    ],
    ...extra,
  })

  it('one case per department with a special case, the leading one first; a joined department without one has none', () => {
    expect(reviewCases(joint(pending, { ...pending, category: 'high_risk' })).map((c) => [c.deptId, c.lead, c.review])).toEqual([
      ['d1', true, 'pending'],
      ['d2', false, 'pending'],
    ])
    expect(reviewCases(joint(undefined, pending)).map((c) => c.deptId)).toEqual(['d2'])
    expect(reviewCases(joint(undefined, undefined))).toEqual([])
  })

  it('the leading case waits while its back-fill waits, whatever its special case’s verdict', () => {
    const r = joint({ ...pending, review: 'justified' }, undefined, { backfill: { review: 'pending' } })
    expect(reviewCases(r)).toEqual([expect.objectContaining({ deptId: 'd1', review: 'pending', backfillPending: true })])
    expect(reviewCases({ ...r, backfill: { review: 'unjustified' } })[0]).toMatchObject({ review: 'justified', backfillPending: false })
    expect(casesWith(joint({ ...pending, review: 'justified' }, pending), 'justified').map((c) => c.deptId)).toEqual(['d1'])
  })

  it('picks the named department’s case, or the only pending one; several pending and none named is ambiguous', () => {
    const both = joint(pending, pending)
    expect(pickCase(both)).toMatchObject({ ok: false, problem: 'several', pending: [{ deptId: 'd1' }, { deptId: 'd2' }] })
    expect(pickCase(both, 'd2')).toMatchObject({ ok: true, case: { deptId: 'd2', lead: false } })
    expect(pickCase(both, 'd3')).toMatchObject({ ok: false, problem: 'not_on' })
    expect(pickCase(both, 'd9')).toMatchObject({ ok: false, problem: 'not_on' })
    const one = joint({ ...pending, review: 'unjustified' }, pending)
    expect(pickCase(one)).toMatchObject({ ok: true, case: { deptId: 'd2' } })
    expect(pickCase(one, 'd1')).toMatchObject({ ok: false, problem: 'done', case: { deptId: 'd1', review: 'unjustified' } })
    expect(pickCase(joint({ ...pending, review: 'justified' }, { ...pending, review: 'justified' }))).toEqual({ ok: false, problem: 'done' })
    expect(pickCase(joint({ ...pending, review: 'justified' }, undefined))).toMatchObject({ ok: false, problem: 'done', case: { deptId: 'd1' } })
    expect(pickCase(joint(undefined, undefined))).toEqual({ ok: false, problem: 'none' })
  })
})

describe('rule 14 with rule 9: a rating counts for each department of the visit', () => {
  it('books the score, and a bad one, in every department’s figures; an older rating only its department’s', () => {
    expect(ratedDepartments({ deptId: 'd1', deptIds: ['d1', 'd2'] })).toEqual(['d1', 'd2'])
    expect(ratedDepartments({ deptId: 'd1' })).toEqual(['d1'])
    const tally: Tally = new Map()
    countRating(tally, { region: '360702', deptId: 'd1', deptIds: ['d1', 'd2'], month: '2026-12', score: 2 }, settings.rating.badAtMost)
    countRating(tally, { region: '360702', deptId: 'd1', month: '2026-12', score: 5 }, settings.rating.badAtMost)
    expect(tally.get('360702_d1_2026-12')!.figures.ratings).toEqual({ count: 2, sum: 7, bad: 1 })
    expect(tally.get('360702_d2_2026-12')!.figures.ratings).toEqual({ count: 1, sum: 2, bad: 1 })
  })
})

describe('timeline', () => {
  it('lists check-in, joins and results in time order', () => {
    const t0 = Z('2026-12-27T02:00:00Z')
    const steps = timelineOf(
      {
        deptId: 'd1',
        deptName: '市场监管局',
        checkInAt: t0,
        officerIds: ['o1', 'p1'],
        officerNames: ['张三', '李四'],
        officerDeptIds: ['d1', 'd2'],
        officerJoinedAt: [t0, t0 + 10 * MIN],
        joins: [{ deptId: 'd2', deptName: '应急管理局', joinedAt: t0 + 10 * MIN, result: { recordedAt: t0 + 90 * MIN, outcome: 'compliant' } }],
        result: { recordedAt: t0 + 60 * MIN, outcome: 'rectify' },
        rating: { state: 'issued' },
        flags: [],
      },
      { outcome: (o) => o },
    )
    expect(steps.map((s) => s.kind)).toEqual(['check_in', 'joint_join', 'result', 'result'])
    expect(steps[1].text).toContain('应急管理局')
  })
})
