import type { Alert } from '@contract'
import type { Ctx } from '../../platform/context'
import type { DocData } from '../../platform/db'
import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { casesWith } from '../../domain/case-review'
import type { InspectionRecord } from '../../domain/inspection-records'
import { findCategory } from '../../domain/special-case'
import { ALERTS, caseAlertId, type AlertRecord } from '../../store/alerts'
import { readByIds } from '../../store/paging'
import { RATINGS, SERVICE_RATINGS, type RatingRecord, type ServiceRatingRecord } from '../../store/ratings'
import { supervisorScope } from '../../access/supervisor-scope'

/**
 * What needs a supervisor (SPEC §3 alerts, rule 21): the open alerts of the region (or,
 * with `status: 'handled'`, the handled ones with how), newest first, at most 100, each
 * with `ref` naming its record (`inspections/<id>`, …). A bad rating's alert carries the
 * rating (score, tags, comment) and when its follow-up is due.
 *
 * Pending special cases are listed too. Check-in does not raise a `pending_exception`
 * alert, so they are read from the inspections themselves (the same query as
 * `exceptions`) and shown as alerts with the id such an alert would have; a stored one
 * with that id is not listed twice. An `overdue` alert whose inspection has got its result
 * since (record-result does not resolve it) is left out: one extra read of ≤ 100 docs.
 */
export const alerts = action('supervision', 'alerts', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const scope = supervisorScope(ctx, input.region)
    const handled = input.status === 'handled'
    const stored = await ctx.db
      .collection(ALERTS)
      .where({ ...scope.where, resolved: handled })
      .orderBy('at', 'desc')
      .limit(MAX_GET)
      .get()
    const records = stored.data as unknown as AlertRecord[]
    if (handled) return { items: await withRatings(ctx, records.map(toAlertView)) }
    const live = await withoutSettled(ctx, records)
    const pending = await pendingExceptionAlerts(ctx, scope.where)
    const ids = new Set(live.map((a) => a._id))
    const merged = [...live, ...pending.filter((p) => !ids.has(p._id))]
    merged.sort((a, b) => b.at - a.at || (a._id < b._id ? -1 : 1))
    return { items: await withRatings(ctx, merged.slice(0, MAX_GET).map(toAlertView)) }
  },
})

/** Rule 21: the rating itself on the alerts about it (supervisors only reach this action): an inspection's (`ratings/`) or a service visit's (`serviceRatings/`). */
export async function withRatings(ctx: Ctx, items: Alert[]): Promise<Alert[]> {
  const found = new Map<string, RatingRecord | ServiceRatingRecord>()
  for (const collection of [RATINGS, SERVICE_RATINGS]) {
    const ids = items.map((a) => idIn(a.ref, collection)).filter((id): id is string => !!id)
    if (ids.length) for (const r of await readByIds<RatingRecord | ServiceRatingRecord>(ctx.db, collection, ids)) found.set(`${collection}/${r._id}`, r)
  }
  if (found.size === 0) return items
  return items.map((a) => {
    const r = found.get(a.ref)
    return r
      ? {
          ...a,
          rating: { score: r.score, tags: [...r.tags], ...(r.comment ? { comment: r.comment } : {}), ratedAt: r.ratedAt },
          ...(a.dueAt === undefined && r.followUpDueAt !== undefined ? { dueAt: r.followUpDueAt } : {}),
        }
      : a
  })
}

/** The id in `<collection>/<id>`, or null for a ref to another collection. */
const idIn = (ref: string, collection: string): string | null => (ref.startsWith(`${collection}/`) ? ref.slice(collection.length + 1) : null)

export function toAlertView(a: AlertRecord): Alert {
  return {
    id: a._id,
    kind: a.kind,
    ref: a.ref,
    at: a.at,
    region: a.region,
    ...(a.deptId ? { deptId: a.deptId } : {}),
    ...(a.deptIds ? { deptIds: [...a.deptIds] } : {}),
    ...(a.companyId ? { companyId: a.companyId } : {}),
    summary: a.summary ?? '',
    resolved: a.resolved,
    status: a.resolved ? 'handled' : 'open',
    ...(a.handling ? { handling: { ...a.handling, ...(a.handling.followUp ? { followUp: { ...a.handling.followUp } } : {}) } } : {}),
    ...(a.dueAt !== undefined ? { dueAt: a.dueAt } : {}),
  }
}

const inspectionIdOf = (ref: string): string | null => idIn(ref, 'inspections')

/** Drops overdue alerts whose inspection now has a result, and pending-exception alerts already reviewed. */
async function withoutSettled(ctx: Ctx, records: AlertRecord[]): Promise<AlertRecord[]> {
  const about = records.filter((a) => a.kind === 'overdue' || a.kind === 'pending_exception')
  const ids = about.map((a) => inspectionIdOf(a.ref)).filter((id): id is string => !!id)
  if (ids.length === 0) return records
  const inspections = new Map((await readByIds<InspectionRecord>(ctx.db, 'inspections', ids)).map((r) => [r._id, r]))
  return records.filter((a) => {
    const id = inspectionIdOf(a.ref)
    const r = id ? inspections.get(id) : undefined
    if (!r) return true
    if (a.kind === 'overdue') return !r.result
    if (a.kind === 'pending_exception') return r.exception?.review === 'pending'
    return true
  })
}

/** One pending-exception alert per department's pending special case (domain/case-review.ts), the joined departments' included. */
async function pendingExceptionAlerts(ctx: Ctx, scopeWhere: DocData): Promise<AlertRecord[]> {
  const lists = await Promise.all(
    ['exception.review', 'joins.exception.review'].map(
      async (field) =>
        (
          await ctx.db
            .collection('inspections')
            .where({ ...scopeWhere, [field]: 'pending' })
            .orderBy('checkInAt', 'desc')
            .limit(MAX_GET)
            .get()
        ).data as unknown as InspectionRecord[],
    ),
  )
  const byId = new Map(lists.flat().map((r) => [r._id, r]))
  return [...byId.values()].flatMap((r) =>
    casesWith(r, 'pending')
      .filter((c) => c.exception?.review === 'pending')
      .map((c) => {
        const ref = `inspections/${r._id}`
        const label = findCategory(c.exception!.category, ctx.settings)?.label ?? c.exception!.category
        return {
          _id: caseAlertId('pending_exception', r, c),
          kind: 'pending_exception' as const,
          ref,
          at: r.checkInAt,
          region: r.region,
          city: r.city,
          deptId: c.deptId,
          companyId: r.companyId,
          summary: `${c.deptName} 于 ${r.date} 以特殊情形“${label}”在安静生产期进入 ${r.companyName}${c.lead ? '' : '（联合检查）'}，待审核`,
          resolved: false,
        }
      }),
  )
}
