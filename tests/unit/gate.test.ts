import { defaultSettings } from '@contract'
import { capUsedOf, checkInOfKey, CONCURRENT_SCAN_MS, decisionTime, gatePlansCovering, movedGate, openLockOf, type CompanyGate } from '@server/domain/gate'

/** The company gate: what a check-in reads and moves, and how it stays small. */

const settings = defaultSettings()
const HOUR = 3_600_000
const DAY = 24 * HOUR
const NOW = Date.parse('2026-12-26T10:00:00+08:00')
const at = { now: NOW, today: '2026-12-26' }

const gate: CompanyGate = {
  recent: [
    { inspectionId: 'old', deptId: 'd1', checkInAt: NOW - 61 * DAY, source: 'plan', keys: ['k-old'] },
    { inspectionId: 'i1', deptId: 'd1', checkInAt: NOW - 3 * HOUR, source: 'plan', keys: ['k1', 'k2'] },
    { inspectionId: 'i2', deptId: 'd2', checkInAt: NOW - HOUR, source: 'complaint', keys: ['k3'] },
  ],
  open: { d1: { inspectionId: 'i1', checkInAt: NOW - 3 * HOUR }, d2: { inspectionId: 'i2', checkInAt: NOW - HOUR } },
  caps: { year: 2026, used: { d1: 2 } },
  ledger: { seq: 4, hash: 'h4' },
  plans: {
    p_old: { deptId: 'd1', kind: 'routine', title: '十一月计划', from: '2026-11-01', to: '2026-11-30' },
    p_a: { deptId: 'd1', kind: 'routine', title: '年度计划', from: '2026-01-01', to: '2026-12-31' },
    p_b: { deptId: 'd1', kind: 'campaign', title: '十二月专项', from: '2026-12-20', to: '2026-12-31' },
    p_c: { deptId: 'd2', kind: 'routine', title: '他局计划', from: '2026-12-01', to: '2026-12-31' },
  },
}

test('a request key finds the check-in it made (first key) or joined (a later key)', () => {
  expect(checkInOfKey(gate, 'k1')).toEqual({ inspectionId: 'i1', joined: false })
  expect(checkInOfKey(gate, 'k2')).toEqual({ inspectionId: 'i1', joined: true })
  expect(checkInOfKey(gate, 'nope')).toBeNull()
  expect(checkInOfKey(undefined, 'k1')).toBeNull()
})

test('a join lock holds for the join window only (2 hours, inclusive)', () => {
  expect(openLockOf(gate, 'd2', NOW, settings)).toEqual({ inspectionId: 'i2', checkInAt: NOW - HOUR })
  expect(openLockOf(gate, 'd1', NOW, settings)).toBeNull()
  expect(openLockOf(gate, 'd2', NOW - HOUR + 2 * HOUR, settings)).not.toBeNull()
  expect(openLockOf(gate, 'd2', NOW + HOUR + 1, settings)).toBeNull()
})

test('a scan that lost the race to a check-in a moment later decides at that check-in: it joins, and drops no lock', () => {
  // Officer B's request read its clock first; A's, a second later, committed first.
  const won = movedGate(
    gate,
    { kind: 'open', inspectionId: 'i3', deptId: 'd3', checkInAt: NOW + 1000, source: 'complaint', keyId: 'kA' },
    { now: NOW + 1000, today: '2026-12-26' },
    settings,
  )
  expect(openLockOf(won, 'd3', NOW, settings)).toBeNull() // at B's own time the lock is "in the future"
  const at = decisionTime(won, NOW)
  expect(at).toBe(NOW + 1000)
  expect(openLockOf(won, 'd3', at, settings)).toEqual({ inspectionId: 'i3', checkInAt: NOW + 1000 })
  expect(movedGate(won, { kind: 'join', inspectionId: 'i3', keyId: 'kB' }, { now: at, today: '2026-12-26' }, settings).open?.d3).toEqual({
    inspectionId: 'i3',
    checkInAt: NOW + 1000,
  })
  // Later than the request's own time by more than a concurrent scan can be (a clock set back): its own time.
  expect(decisionTime(won, NOW + 1000 - CONCURRENT_SCAN_MS - 1)).toBe(NOW + 1000 - CONCURRENT_SCAN_MS - 1)
  // Nothing later on the gate: its own time.
  expect(decisionTime(gate, NOW)).toBe(NOW)
  expect(decisionTime(undefined, NOW)).toBe(NOW)
})

test('the cap counts only the year it was kept for', () => {
  expect(capUsedOf(gate, 'd1', 2026)).toBe(2)
  expect(capUsedOf(gate, 'd2', 2026)).toBe(0)
  expect(capUsedOf(gate, 'd1', 2027)).toBe(0)
})

test('plans covering today: the department’s own, the latest-starting first', () => {
  expect(gatePlansCovering(gate, 'd1', '2026-12-26').map((p) => p.id)).toEqual(['p_b', 'p_a'])
  expect(gatePlansCovering(gate, 'd1', '2026-12-10').map((p) => p.id)).toEqual(['p_a'])
  expect(gatePlansCovering(gate, 'd3', '2026-12-26')).toEqual([])
})

test('opening moves the lock, counts the cap and the chain head, and prunes what no rule needs any more', () => {
  const next = movedGate(
    gate,
    { kind: 'open', inspectionId: 'i3', deptId: 'd1', checkInAt: NOW, source: 'plan', keyId: 'k4', capYear: 2026, ledger: { seq: 5, hash: 'h5' } },
    at,
    settings,
  )
  expect(next.recent!.map((r) => r.inspectionId)).toEqual(['i1', 'i2', 'i3'])
  expect(next.open).toEqual({ d1: { inspectionId: 'i3', checkInAt: NOW }, d2: { inspectionId: 'i2', checkInAt: NOW - HOUR } })
  expect(next.caps).toEqual({ year: 2026, used: { d1: 3 } })
  expect(next.ledger).toEqual({ seq: 5, hash: 'h5' })
  expect(Object.keys(next.plans!).sort()).toEqual(['p_a', 'p_b', 'p_c'])
  // The gate read is not changed in place.
  expect(gate.recent).toHaveLength(3)
  expect(gate.caps!.used.d1).toBe(2)
})

test('a new year starts the cap from zero; a case-sourced check-in leaves it alone', () => {
  const newYear = { now: Date.parse('2027-01-04T10:00:00+08:00'), today: '2027-01-04' }
  const planned = movedGate(
    gate,
    { kind: 'open', inspectionId: 'i9', deptId: 'd2', checkInAt: newYear.now, source: 'plan', keyId: 'k9', capYear: 2027 },
    newYear,
    settings,
  )
  expect(planned.caps).toEqual({ year: 2027, used: { d2: 1 } })
  expect(planned.plans).toBeUndefined()
  const cased = movedGate(gate, { kind: 'open', inspectionId: 'i8', deptId: 'd2', checkInAt: NOW, source: 'complaint', keyId: 'k8' }, at, settings)
  expect(cased.caps).toEqual(gate.caps)
  expect(cased.ledger).toEqual(gate.ledger)
})

test('joining adds the request key to the check-in once', () => {
  const joined = movedGate(gate, { kind: 'join', inspectionId: 'i2', keyId: 'k5' }, at, settings)
  expect(joined.recent!.find((r) => r.inspectionId === 'i2')!.keys).toEqual(['k3', 'k5'])
  const again = movedGate(joined, { kind: 'join', inspectionId: 'i2', keyId: 'k5' }, at, settings)
  expect(again.recent!.find((r) => r.inspectionId === 'i2')!.keys).toEqual(['k3', 'k5'])
  expect(checkInOfKey(again, 'k5')).toEqual({ inspectionId: 'i2', joined: true })
})

test('a busy company’s gate stays bounded: only the repeated window is kept', () => {
  let g: CompanyGate | undefined
  for (let i = 0; i < 400; i++) {
    const t = NOW - 399 * DAY + i * DAY
    g = movedGate(
      g,
      { kind: 'open', inspectionId: `x${i}`, deptId: `d${i % 5}`, checkInAt: t, source: 'plan', keyId: `key${i}` },
      { now: t, today: '2026-12-26' },
      settings,
    )
  }
  expect(g!.recent!.length).toBe(settings.repeated.windowDays + 1)
  expect(JSON.stringify(g).length).toBeLessThan(16_000)
})
