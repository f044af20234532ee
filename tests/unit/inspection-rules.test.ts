import { defaultSettings, type InspectionSource } from '@contract'
import { capReached, capYear, countsTowardCap } from '@server/domain/frequency-cap'
import { certificateState } from '@server/domain/certificate'
import { isCaseSource, legitimateSource, planCovers } from '@server/domain/legitimate-source'
import { quietPeriodBlocks } from '@server/domain/quiet-period'
import { isRepeated, priorCountInWindow } from '@server/domain/repeated'
import { effectiveStatus, isPastDue, latenessMs, resultDueAt } from '@server/domain/result-deadline'
import { specialCaseProblem } from '@server/domain/special-case'
import { canJoin, enoughOfficers, joinWindowEnd } from '@server/domain/team'

/** The inspection rules of SPEC §2 (1–6, 8) as plain functions, with their edges. */

const settings = defaultSettings()
const Z = (iso: string) => Date.parse(iso)
const DAY = 86_400_000

describe('rule 1: quiet period and its special cases', () => {
  const park = { inPark: true }
  it('23:59:59 on the 25th in Beijing (15:59:59Z) is still quiet; 16:00:00Z is the 26th', () => {
    expect(quietPeriodBlocks(Z('2026-03-25T15:59:59Z'), park, settings)).toBe(true)
    expect(quietPeriodBlocks(Z('2026-03-25T16:00:00Z'), park, settings)).toBe(false)
  })
  it('the 1st at 00:00 Beijing is the previous day in UTC and already quiet', () => {
    expect(quietPeriodBlocks(Z('2026-02-28T16:00:00Z'), park, settings)).toBe(true)
    expect(quietPeriodBlocks(Z('2026-02-28T15:59:59Z'), park, settings)).toBe(false)
  })
  it('does not cover companies outside parks', () => {
    expect(quietPeriodBlocks(Z('2026-03-12T02:00:00Z'), { inPark: false }, settings)).toBe(false)
  })
  it('knows the 7 categories; `other` needs a reason of 10 characters', () => {
    expect(specialCaseProblem({ category: 'emergency' }, settings)).toBeNull()
    expect(specialCaseProblem({ category: 'holiday' }, settings)?.path).toEqual(['exception', 'category'])
    expect(specialCaseProblem({ category: 'other' }, settings)?.path).toEqual(['exception', 'reason'])
    expect(specialCaseProblem({ category: 'other', reason: '  一二三四五六七八九  ' }, settings)?.path).toEqual(['exception', 'reason'])
    expect(specialCaseProblem({ category: 'other', reason: '一二三四五六七八九十' }, settings)).toBeNull()
  })
})

describe('rule 2: legitimate source', () => {
  const plan = { deptId: 'd1', status: 'approved', companyIds: ['c1'], from: '2026-02-01', to: '2026-02-28' }
  const at = { deptId: 'd1', companyId: 'c1', date: '2026-02-28' }
  it('an approved plan covers its companies on every date of its window, inclusive', () => {
    expect(planCovers(plan, 'd1', 'c1', '2026-02-01')).toBe(true)
    expect(planCovers(plan, 'd1', 'c1', '2026-02-28')).toBe(true)
    expect(planCovers(plan, 'd1', 'c1', '2026-03-01')).toBe(false)
    expect(planCovers(plan, 'd2', 'c1', '2026-02-10')).toBe(false)
    expect(planCovers(plan, 'd1', 'c2', '2026-02-10')).toBe(false)
    expect(planCovers({ ...plan, status: 'pending' }, 'd1', 'c1', '2026-02-10')).toBe(false)
  })
  it('passes a covering plan, a case source, or a special case; refuses anything else', () => {
    expect(legitimateSource({ source: 'plan', hasSpecialCase: false, planNamed: true }, plan, at)).toEqual({ ok: true, basis: 'plan' })
    expect(legitimateSource({ source: 'complaint', hasSpecialCase: false, planNamed: false }, null, at)).toEqual({ ok: true, basis: 'case' })
    expect(legitimateSource({ source: 'plan', hasSpecialCase: true, planNamed: false }, null, at)).toEqual({ ok: true, basis: 'special_case' })
    expect(legitimateSource({ source: 'plan', hasSpecialCase: false, planNamed: false }, null, at)).toEqual({ ok: false, reason: 'no_plan' })
    expect(legitimateSource({ source: 'plan', hasSpecialCase: false, planNamed: true }, plan, { ...at, date: '2026-03-01' })).toEqual({
      ok: false,
      reason: 'plan_not_covering',
    })
  })
  it('knows the four case sources', () => {
    expect((['complaint', 'referral', 'monitoring', 'enterprise_request', 'plan'] as InspectionSource[]).map(isCaseSource)).toEqual([
      true,
      true,
      true,
      true,
      false,
    ])
  })
})

describe('rule 3: certificates', () => {
  const now = Z('2026-06-01T00:00:00Z')
  it('is valid until the expiry instant, then expired; suspended and revoked are never usable', () => {
    expect(certificateState({ certStatus: 'valid', certExpiresAt: now }, now)).toBe('valid')
    expect(certificateState({ certStatus: 'valid', certExpiresAt: now - 1 }, now)).toBe('expired')
    expect(certificateState({ certStatus: 'suspended', certExpiresAt: now + DAY }, now)).toBe('suspended')
    expect(certificateState({ certStatus: 'revoked', certExpiresAt: now + DAY }, now)).toBe('revoked')
  })
})

describe('rule 4: two officers and the join window', () => {
  const open = { deptId: 'd1', companyId: 'c1', checkInAt: Z('2026-06-01T02:00:00Z'), status: 'open', hasResult: false }
  it('joins within 2 hours inclusive, same department and company, while open', () => {
    expect(joinWindowEnd(open.checkInAt, settings)).toBe(open.checkInAt + 2 * 3_600_000)
    expect(canJoin(open, { deptId: 'd1', companyId: 'c1', now: open.checkInAt + 2 * 3_600_000 }, settings)).toBe(true)
    expect(canJoin(open, { deptId: 'd1', companyId: 'c1', now: open.checkInAt + 2 * 3_600_000 + 1 }, settings)).toBe(false)
    expect(canJoin(open, { deptId: 'd2', companyId: 'c1', now: open.checkInAt + 60_000 }, settings)).toBe(false)
    expect(canJoin({ ...open, hasResult: true }, { deptId: 'd1', companyId: 'c1', now: open.checkInAt + 60_000 }, settings)).toBe(false)
    expect(canJoin({ ...open, status: 'closed' }, { deptId: 'd1', companyId: 'c1', now: open.checkInAt + 60_000 }, settings)).toBe(false)
  })
  it('needs two distinct officers for a result', () => {
    expect(enoughOfficers(['o1'], settings)).toBe(false)
    expect(enoughOfficers(['o1', 'o1'], settings)).toBe(false)
    expect(enoughOfficers(['o1', 'o2'], settings)).toBe(true)
  })
})

describe('rule 5: frequency cap', () => {
  it('counts planned routine and campaign checks only, not random, case sources or special cases', () => {
    expect(countsTowardCap({ source: 'plan', planKind: 'routine', hasSpecialCase: false }, settings)).toBe(true)
    expect(countsTowardCap({ source: 'plan', planKind: 'campaign', hasSpecialCase: false }, settings)).toBe(true)
    expect(countsTowardCap({ source: 'plan', planKind: 'random', hasSpecialCase: false }, settings)).toBe(false)
    expect(countsTowardCap({ source: 'plan', planKind: 'routine', hasSpecialCase: true }, settings)).toBe(false)
    expect(countsTowardCap({ source: 'complaint', planKind: 'routine', hasSpecialCase: false }, settings)).toBe(false)
  })
  it('refuses the third in a year', () => {
    expect(capReached(1, settings)).toBe(false)
    expect(capReached(2, settings)).toBe(true)
  })
  it('counts in the China year: 2026-12-31T16:30Z is 2027, 15:59:59Z still 2026', () => {
    expect(capYear(Z('2026-12-31T16:30:00Z'), settings)).toBe(2027)
    expect(capYear(Z('2026-12-31T15:59:59Z'), settings)).toBe(2026)
  })
})

describe('rule 6: repeated inspections', () => {
  const now = Z('2026-06-30T02:00:00Z')
  it('a second non-case check-in within 60 days (any department) is repeated', () => {
    expect(isRepeated([{ checkInAt: now - 59 * DAY, source: 'plan' }], { now, source: 'plan' }, settings)).toBe(true)
    expect(isRepeated([{ checkInAt: now - 60 * DAY, source: 'plan' }], { now, source: 'plan' }, settings)).toBe(true)
    expect(isRepeated([{ checkInAt: now - 60 * DAY - 1, source: 'plan' }], { now, source: 'plan' }, settings)).toBe(false)
    expect(isRepeated([], { now, source: 'plan' }, settings)).toBe(false)
  })
  it('leaves case-sourced check-ins out on both sides', () => {
    expect(isRepeated([{ checkInAt: now - DAY, source: 'complaint' }], { now, source: 'plan' }, settings)).toBe(false)
    expect(isRepeated([{ checkInAt: now - DAY, source: 'plan' }], { now, source: 'referral' }, settings)).toBe(false)
    expect(
      priorCountInWindow(
        [
          { checkInAt: now - DAY, source: 'plan' },
          { checkInAt: now - DAY, source: 'monitoring' },
        ],
        now,
        settings,
      ),
    ).toBe(1)
  })
})

describe('rule 8: result deadline', () => {
  it('is due 3 days after check-in, overdue strictly after, lateness kept', () => {
    const checkInAt = Z('2026-01-30T17:00:00Z') // 01:00 on the 31st in Beijing
    const dueAt = resultDueAt(checkInAt, settings)
    expect(dueAt).toBe(Z('2026-02-02T17:00:00Z'))
    expect(isPastDue(dueAt, dueAt)).toBe(false)
    expect(isPastDue(dueAt, dueAt + 1)).toBe(true)
    expect(latenessMs(dueAt, dueAt - 5)).toBe(0)
    expect(latenessMs(dueAt, dueAt + DAY)).toBe(DAY)
  })
  it('crosses short and long months alike (28-, 29-, 30-, 31-day months)', () => {
    for (const [start, due] of [
      ['2026-02-27T02:00:00Z', '2026-03-02T02:00:00Z'],
      ['2028-02-27T02:00:00Z', '2028-03-01T02:00:00Z'],
      ['2026-04-29T02:00:00Z', '2026-05-02T02:00:00Z'],
      ['2026-12-30T02:00:00Z', '2027-01-02T02:00:00Z'],
    ]) {
      expect(resultDueAt(Z(start), settings)).toBe(Z(due))
    }
  })
  it('reads an open inspection past due as overdue', () => {
    expect(effectiveStatus({ status: 'open', dueAt: 10 }, 11)).toBe('overdue')
    expect(effectiveStatus({ status: 'open', dueAt: 10 }, 10)).toBe('open')
    expect(effectiveStatus({ status: 'closed', dueAt: 10 }, 11)).toBe('closed')
  })
})
