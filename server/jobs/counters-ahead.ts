import type { Ctx } from '../platform/context'
import { chinaMonth } from '../domain/china-time'
import { nextMonth } from '../domain/dept-figures'
import { COUNTERS, counterId, newCounterDoc, type CounterRecord } from '../store/counters'
import { readDoc } from '../store/docs'
import { readByIds } from '../store/paging'
import type { JobResult } from '.'

/**
 * The counters documents of this China month and the next, created ahead for every
 * county of the city's settings (`city.regions`: figures are kept where the company is,
 * store/counters.ts), so a write's counter bump is one `update` and almost never pays the
 * creation. Reads the wanted documents by id; creates only the missing ones, each in a small
 * transaction that first re-reads it (a check-in may have created it in between: it is
 * then left as it is). Idempotent: a second run in the hour creates nothing. Calls: ⌈regions × 2 / 100⌉, plus 2 per document created (≈ once a month per region).
 */
export async function createCountersAhead(ctx: Ctx): Promise<JobResult> {
  const month = chinaMonth(ctx.now, ctx.settings.timezone)
  const months = [month, nextMonth(month)]
  const regions = new Set(ctx.settings.city.regions.map((r) => r.code))
  const wanted = [...regions].sort().flatMap((region) => months.map((m) => ({ id: counterId(region, m), region, month: m })))
  const existing = new Set(
    (
      await readByIds<CounterRecord>(
        ctx.db,
        COUNTERS,
        wanted.map((w) => w.id),
      )
    ).map((d) => d._id),
  )
  let created = 0
  for (const w of wanted) {
    if (existing.has(w.id)) continue
    const made = await ctx.db.runTransaction(async (tx) => {
      if (await readDoc<CounterRecord>(tx, COUNTERS, w.id)) return false
      await tx
        .collection(COUNTERS)
        .doc(w.id)
        .set({ data: newCounterDoc(w.region, w.month, {}, ctx.now) })
      return true
    })
    if (made) created++
  }
  return { countersCreated: created }
}
