import { z } from 'zod'

/** `scheduler`: the hourly timer (SPEC §3 scheduler). */

export const scheduler = {
  run: {
    input: z.object({}),
    output: z.object({ overdueInspections: z.number().int(), overdueComplaints: z.number().int(), reminders: z.number().int() }),
  },
} as const
