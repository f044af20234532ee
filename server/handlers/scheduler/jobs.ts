import type { Ctx } from '../../platform/context'
import { markOverdueInspections } from './overdue-inspections'

/** What a job reports; the run adds them up. */
export interface JobResult {
  overdueInspections?: number
  overdueComplaints?: number
  reminders?: number
}

export interface Job {
  name: string
  run(ctx: Ctx): Promise<JobResult>
}

/** The hourly jobs, in order. Add a job here (e.g. overdue complaints) to have it run. */
export const JOBS: Job[] = [{ name: 'overdueInspections', run: markOverdueInspections }]
