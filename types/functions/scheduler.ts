import { z } from 'zod'

/** `scheduler`: the hourly timer (SPEC §3 scheduler). */

export const scheduler = {
  run: {
    input: z.object({}),
    output: z.object({
      overdueInspections: z.number().int(),
      overdueComplaints: z.number().int(),
      reminders: z.number().int(),
      /** Counters documents created ahead (this month's and next month's). */
      countersCreated: z.number().int(),
      /** Bad ratings past their follow-up date that got their follow_up_overdue alert this run. */
      overdueFollowUps: z.number().int().optional(),
      /** The counter consistency check (the runs that do it). */
      consistency: z
        .object({
          months: z.union([z.array(z.string()), z.literal('all')]),
          checked: z.number().int(),
          ok: z.boolean(),
          differences: z.array(
            z.object({
              counterId: z.string(),
              region: z.string(),
              deptId: z.string(),
              month: z.string(),
              figure: z.string(),
              kept: z.number(),
              recounted: z.number(),
            }),
          ),
          differenceCount: z.number().int(),
          notCompared: z.array(z.string()),
        })
        .optional(),
      /** The open-now check (red lights, pending special cases, open alerts per county): differences found (the first 50), and how many repaired. */
      openNow: z
        .object({
          differences: z.array(z.object({ region: z.string(), figure: z.string(), kept: z.number(), recounted: z.number() })),
          differenceCount: z.number().int(),
          repaired: z.number().int(),
        })
        .optional(),
      /** Jobs that failed this run (logged). */
      failedJobs: z.array(z.string()).optional(),
    }),
  },
} as const
