import type { InspectionSource, PlanKind, Settings } from '@contract'
import { prunedRefusals, type CapRefusals } from './case-source'

/**
 * The gate state of a company (`companies/<id>.gate`): everything a check-in must read
 * and move to stay lawful, kept on the company document so that one read inside the
 * check-in's transaction serialises the scans of a company and answers every rule.
 * Before, each part was a document of its own (join locks, cap counts, ledger heads,
 * idempotency keys) and a query (recent check-ins): 13–22 calls a check-in, now 6
 * (docs/PERFORMANCE.md). Only the check-in, a ledger append and a plan approval write it.
 */
export interface CompanyGate {
  /** The join lock (rule 4): per department, the latest inspection it opened here. */
  open?: Record<string, GateOpen>
  /** Check-ins of the repeated window (rule 6), oldest first, with the request keys that made or joined them (idempotency). */
  recent?: GateCheckIn[]
  /** Planned check-ins counted toward the yearly cap (rule 5), for `year` only. */
  caps?: { year: number; used: Record<string, number> }
  /** The head of the company's hash-chained ledger (rule 11). */
  ledger?: { seq: number; hash: string }
  /** Approved plans naming this company (rule 2): plan id → what the rule needs. Written when a plan is approved. */
  plans?: Record<string, GatePlan>
  /** Ledger entries the company added by hand on `date` (China date), for the daily limit (SPEC §6). */
  manual?: { date: string; count: number }
  /** FREQUENCY_CAP refusals (rule 15): department → the latest refusal, kept `caseSource.afterCapDays`. */
  capRefusals?: CapRefusals
}

export interface GateOpen {
  inspectionId: string
  checkInAt: number
}

export interface GateCheckIn {
  inspectionId: string
  deptId: string
  checkInAt: number
  source: InspectionSource
  /** `checkinKeyId`s of the requests that opened (first) or joined this inspection. */
  keys: string[]
}

export interface GatePlan {
  deptId: string
  kind: PlanKind
  title: string
  from: string
  to: string
}

/** What a check-in needs from the settings. */
type GateSettings = Pick<Settings, 'repeated' | 'team'> & Partial<Pick<Settings, 'caseSource'>>

const DAY_MS = 86_400_000

/** The check-in a request key already made or joined, and whether it joined (not the first key). */
export function checkInOfKey(gate: CompanyGate | undefined, keyId: string): { inspectionId: string; joined: boolean } | null {
  for (const entry of gate?.recent ?? []) {
    const at = entry.keys.indexOf(keyId)
    if (at >= 0) return { inspectionId: entry.inspectionId, joined: at > 0 }
  }
  return null
}

/**
 * The department's latest inspection here, whatever its age (kept as long as the repeated
 * window): a second officer may join it late until its result is recorded (rule 16).
 */
export function lockOf(gate: CompanyGate | undefined, deptId: string): GateOpen | null {
  const open = gate?.open
  return open && Object.prototype.hasOwnProperty.call(open, deptId) ? open[deptId] : null
}

/**
 * How much later than a request's own time a concurrent scan's check-in may be and still
 * count as simultaneous with it (function instances' clocks, a request held up by
 * retries): well above both, far below any rule's window.
 */
export const CONCURRENT_SCAN_MS = 60_000

/**
 * The time a check-in attempt decides at: the request's time, or the latest check-in on
 * the gate when a concurrent scan committed one up to `CONCURRENT_SCAN_MS` later. So the
 * order in which racing scans commit (and retry) cannot turn a rule that compares times:
 * a scan that lost the race to a check-in a moment "after" it still falls in that
 * check-in's join window (instead of opening a second inspection and dropping the
 * first's join lock), and its year, day and quiet period are never earlier than what
 * the gate already holds.
 */
export function decisionTime(gate: CompanyGate | undefined, now: number): number {
  let at = now
  const times = [...(gate?.recent ?? []).map((r) => r.checkInAt), ...Object.values(gate?.open ?? {}).map((l) => l.checkInAt)]
  for (const t of times) if (t > at && t - now <= CONCURRENT_SCAN_MS) at = t
  return at
}

/** The department's join lock when it is still inside the join window, else null. */
export function openLockOf(gate: CompanyGate | undefined, deptId: string, now: number, settings: Pick<Settings, 'team'>): GateOpen | null {
  const lock = gate?.open?.[deptId]
  if (!lock) return null
  return now >= lock.checkInAt && now <= lock.checkInAt + settings.team.joinWindowMinutes * 60_000 ? lock : null
}

/** Planned check-ins of `deptId` counted toward the cap in `year`. */
export const capUsedOf = (gate: CompanyGate | undefined, deptId: string, year: number): number =>
  gate?.caps?.year === year ? (gate.caps.used[deptId] ?? 0) : 0

/** Hand-added ledger entries of the company on `today` (a count from an earlier day is spent). */
export const manualEntriesOn = (gate: CompanyGate | undefined, today: string): number => (gate?.manual?.date === today ? gate.manual.count : 0)

/** The approved plans of `deptId` on the gate whose window holds `date`, the latest-starting first. */
export function gatePlansCovering(gate: CompanyGate | undefined, deptId: string, date: string): Array<GatePlan & { id: string }> {
  return Object.entries(gate?.plans ?? {})
    .filter(([, p]) => p.deptId === deptId && p.from <= date && date <= p.to)
    .map(([id, p]) => ({ ...p, id }))
    .sort((a, b) => (a.from === b.from ? (a.id < b.id ? 1 : -1) : a.from < b.from ? 1 : -1))
}

/** What a new check-in or a join changes on the gate. */
export type GateMove =
  | {
      kind: 'open'
      inspectionId: string
      deptId: string
      checkInAt: number
      source: InspectionSource
      keyId: string
      capYear?: number
      ledger?: { seq: number; hash: string }
      backfill?: boolean
    }
  | {
      kind: 'join'
      inspectionId: string
      keyId: string
      joint?: { deptId: string; checkInAt: number; capYear?: number }
      ledger?: { seq: number; hash: string }
    }
  | { kind: 'capRefused'; deptId: string }
  | { kind: 'withdraw'; inspectionId: string; caps: Array<{ deptId: string; year: number }> }

/**
 * The gate after a move, pruned: recent check-ins outside the repeated window, join locks
 * past their window, caps of past years and plans that have ended are dropped, so the
 * document stays small whatever the company's history. `today` is the China date.
 */
export function movedGate(gate: CompanyGate | undefined, move: GateMove, at: { now: number; today: string }, settings: GateSettings): CompanyGate {
  const { now, today } = at
  const keepSince = now - Math.max(settings.repeated.windowDays * DAY_MS, settings.team.joinWindowMinutes * 60_000)
  let recent = (gate?.recent ?? []).filter((r) => r.checkInAt >= keepSince).map((r) => ({ ...r, keys: [...r.keys] }))
  const open: Record<string, GateOpen> = {}
  // Locks stay as long as the repeated window, so a late second officer still joins (rule 16).
  for (const [deptId, lock] of Object.entries(gate?.open ?? {})) if (lock.checkInAt >= keepSince) open[deptId] = { ...lock }
  let caps = gate?.caps
  const countCap = (deptId: string, year: number, by: number) => {
    const used = caps?.year === year ? { ...caps.used } : {}
    used[deptId] = Math.max(0, (used[deptId] ?? 0) + by)
    caps = { year, used }
  }
  const plans: Record<string, GatePlan> = {}
  for (const [id, p] of Object.entries(gate?.plans ?? {})) if (p.to >= today) plans[id] = { ...p }

  if (move.kind === 'open') {
    recent = [...recent, { inspectionId: move.inspectionId, deptId: move.deptId, checkInAt: move.checkInAt, source: move.source, keys: [move.keyId] }]
    // A back-filled visit never takes the lock of a later one.
    if (!(move.backfill && open[move.deptId]?.checkInAt > move.checkInAt)) open[move.deptId] = { inspectionId: move.inspectionId, checkInAt: move.checkInAt }
    if (move.capYear !== undefined) countCap(move.deptId, move.capYear, 1)
  } else if (move.kind === 'join') {
    recent = recent.map((r) => (r.inspectionId === move.inspectionId && !r.keys.includes(move.keyId) ? { ...r, keys: [...r.keys, move.keyId] } : r))
    if (move.joint) {
      open[move.joint.deptId] = { inspectionId: move.inspectionId, checkInAt: move.joint.checkInAt }
      if (move.joint.capYear !== undefined) countCap(move.joint.deptId, move.joint.capYear, 1)
    }
  } else if (move.kind === 'withdraw') {
    // A withdrawn visit leaves the repeated window, the join locks and the caps (rule 18).
    recent = recent.filter((r) => r.inspectionId !== move.inspectionId)
    for (const [deptId, lock] of Object.entries(open)) if (lock.inspectionId === move.inspectionId) delete open[deptId]
    for (const c of move.caps) countCap(c.deptId, c.year, -1)
  }
  const capRefusals = settings.caseSource
    ? prunedRefusals(gate?.capRefusals, now, settings as Pick<Settings, 'caseSource'>, move.kind === 'capRefused' ? move.deptId : undefined)
    : { ...(gate?.capRefusals ?? {}) }
  const ledger = (move.kind === 'open' || move.kind === 'join') && move.ledger ? move.ledger : gate?.ledger
  const manual = gate?.manual?.date === today ? gate.manual : undefined
  return {
    ...(manual ? { manual: { ...manual } } : {}),
    ...(recent.length ? { recent } : {}),
    ...(Object.keys(open).length ? { open } : {}),
    ...(caps && Object.keys(caps.used).length ? { caps } : {}),
    ...(ledger ? { ledger } : {}),
    ...(Object.keys(plans).length ? { plans } : {}),
    ...(Object.keys(capRefusals).length ? { capRefusals } : {}),
  }
}
