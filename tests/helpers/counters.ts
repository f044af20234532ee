import { isNotFound, type Database } from '../../server/platform/db'
import { addFigures, zeroFigures } from '../../server/domain/dept-figures'
import { isCityRegion, normalizeRegion } from '../../server/domain/scope'
import { COUNTERS, counterId, deptFigures, type CounterFigures, type CounterRecord } from '../../server/store/counters'

/**
 * A department's kept figures of a month, zeros for whatever is absent (no document, no
 * entry, a partial entry). Figures are kept where the company is: for a county, the
 * department's entry `depts.<deptId>` of the document `<county>_<month>`; for the city
 * (4 digits), its entries of every county's document of the month, summed.
 */
export async function deptCounter(db: Database, deptId: string, region: string, month: string): Promise<CounterFigures> {
  if (isCityRegion(region)) {
    const got = await db
      .collection(COUNTERS)
      .where({ city: normalizeRegion(region), month })
      .limit(100)
      .get()
    return (got.data as unknown as CounterRecord[]).reduce((sum, doc) => addFigures(sum, deptFigures(doc, deptId)), zeroFigures())
  }
  try {
    const got = await db.collection(COUNTERS).doc(counterId(region, month)).get()
    return deptFigures(got.data as unknown as CounterRecord, deptId)
  } catch (err) {
    if (isNotFound(err)) return deptFigures(null, deptId)
    throw err
  }
}
