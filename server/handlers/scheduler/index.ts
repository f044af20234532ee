import type { FunctionHandlers } from '../../platform/handler'
import { run } from './run'

/** The `scheduler` cloud function: the hourly timer (SPEC §3 scheduler). Jobs are listed in ./jobs. */
export const schedulerHandlers: FunctionHandlers<'scheduler'> = { run }
