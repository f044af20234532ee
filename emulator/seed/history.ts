import type { Database } from '../../server/platform/db'
import type { DemoRoster } from './demo-roster'

/**
 * The hook for demo history (plans, inspections, ratings, complaints, ledger entries).
 * It stays empty until those handlers exist; then it should write history for the demo
 * companies and officers (DEMO_IDS) the same way the handlers would, so the dashboard's
 * counters agree with the records. It runs after the roster is written.
 */
export async function seedDemoHistory(_db: Database, _roster: DemoRoster, _options: { now: number }): Promise<void> {
  // Intentionally empty for now.
}
