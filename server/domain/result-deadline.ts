import type { InspectionStatus, Settings } from '@contract'

/**
 * The result deadline / red light 红灯 (SPEC §2.8, measure 3): a result is due `dueDays`
 * (Ganzhou: 3) × 24 h after check-in; an open inspection past that is overdue until the
 * result is recorded, and a late result keeps its lateness.
 */

export const resultDueAt = (checkInAt: number, settings: Pick<Settings, 'result'>): number => checkInAt + settings.result.dueDays * 86_400_000

/** Overdue strictly after the due instant. */
export const isPastDue = (dueAt: number, now: number): boolean => now > dueAt

/** Milliseconds past the deadline (0 when on time). */
export const latenessMs = (dueAt: number, recordedAt: number): number => Math.max(0, recordedAt - dueAt)

/** The status a reader should see: an open inspection past due is overdue even before the scheduler marks it. */
export function effectiveStatus(inspection: { status: InspectionStatus; dueAt: number }, now: number): InspectionStatus {
  return inspection.status === 'open' && isPastDue(inspection.dueAt, now) ? 'overdue' : inspection.status
}
