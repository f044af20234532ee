import type { Ctx } from '../platform/context'
import type { OpenFigure } from '../store/recount'
import { checkCounters, type ConsistencySummary } from './counter-consistency'
import { createCountersAhead } from './counters-ahead'
import { markOverdueComplaints } from './overdue-complaints'
import { markOverdueInspections } from './overdue-inspections'
import { raiseOverdueFollowUps } from './overdue-follow-ups'

/** What a job reports; the run adds them up. */
export interface JobResult {
  overdueInspections?: number
  overdueComplaints?: number
  /** follow_up_overdue alerts raised for bad ratings not followed up in time. */
  overdueFollowUps?: number
  reminders?: number
  /** Counters documents created ahead (this month's and next month's). */
  countersCreated?: number
  /** The counter consistency check's report (only that job sets it). */
  consistency?: ConsistencySummary
  /** The open-now check (store/open-now.ts): differences found, and repaired (only that job sets it). */
  openNow?: { differences: OpenFigure[]; differenceCount: number; repaired: number }
}

export interface Job {
  name: string
  run(ctx: Ctx): Promise<JobResult>
}

/** The hourly jobs, in order. Add a job here (e.g. overdue complaints) to have it run. */
export const JOBS: Job[] = [
  // First: the counters documents the jobs below and the hour's writes bump.
  { name: 'countersAhead', run: createCountersAhead },
  { name: 'overdueInspections', run: markOverdueInspections },
  { name: 'overdueComplaints', run: markOverdueComplaints },
  { name: 'overdueFollowUps', run: raiseOverdueFollowUps },
  // Last: checks the counters after the jobs above have moved them.
  { name: 'counterConsistency', run: checkCounters },
]
