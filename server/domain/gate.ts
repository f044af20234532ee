import type { InspectionSource, PlanKind } from '@contract'

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
