import { isNotFound, type Database } from '../../server/platform/db'
import { COUNTERS, counterId, deptFigures, type CounterFigures, type CounterRecord } from '../../server/store/counters'

/**
 * A department's kept figures of a month: its entry `depts.<deptId>` of the counters
 * document `<region>_<month>` (region = the department's), zeros for whatever is absent
 * (no document, no entry, a partial entry).
 */
export async function deptCounter(db: Database, deptId: string, region: string, month: string): Promise<CounterFigures> {
  try {
    const got = await db.collection(COUNTERS).doc(counterId(region, month)).get()
    return deptFigures(got.data as unknown as CounterRecord, deptId)
  } catch (err) {
    if (isNotFound(err)) return deptFigures(null, deptId)
    throw err
  }
}
