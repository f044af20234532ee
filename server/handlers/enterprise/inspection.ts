import type { z } from 'zod'
import type { InspectionNotice } from '@contract'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { Ctx } from '../../platform/context'
import type { InspectionRecord, PlanRecord } from '../../domain/inspection-records'
import type { OfficerRecord } from '../../domain/records'
import { findCategory } from '../../domain/special-case'
import { readDoc } from '../../store/docs'
import { readByIds } from '../../store/paging'
import { rateFromListUntil } from '../../access/rating'
import { OUTCOME_LABELS, SOURCE_LABELS } from '../../views/inspection-summary'

/**
 * 检查告知 (SPEC §2.22): one inspection of the caller's company in full — who came (names
 * and certificate numbers), on what basis (the plan's title, basis and items, the case
 * source, the special case), the result and rectification date, whether and until when it
 * can be rated, and the company's rights with their channels (settings).
 */
export const inspection = action('enterprise', 'inspection', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const found = await readDoc<InspectionRecord>(ctx.db, 'inspections', input.inspectionId)
    if (!found) return fail('NOT_FOUND', '没有找到该次检查')
    if (found.companyId !== ctx.caller.user?.companyId) return fail('FORBIDDEN', '只能查看贵企业接受的检查')
    return { inspection: await toInspectionNotice(ctx, found) }
  },
})

export async function toInspectionNotice(ctx: Ctx, r: InspectionRecord): Promise<z.input<typeof InspectionNotice>> {
  const [officers, plan] = await Promise.all([
    readByIds<OfficerRecord>(ctx.db, 'officers', r.officerIds),
    r.planId ? readDoc<PlanRecord>(ctx.db, 'plans', r.planId) : Promise.resolve(null),
  ])
  const certOf = new Map(officers.map((o) => [o._id, o.certNo]))
  const until = rateFromListUntil(r, ctx.settings)
  const extra = r as InspectionRecord & { sourceRef?: string; deptIds?: string[]; deptNames?: string[] }
  const departments =
    extra.deptIds && extra.deptNames
      ? extra.deptIds.map((deptId, i) => ({ deptId, name: extra.deptNames![i] ?? '' }))
      : [{ deptId: r.deptId, name: r.deptName }]
  return {
    id: r._id,
    companyName: r.companyName,
    departments,
    officers: r.officerIds.map((id, i) => ({ name: r.officerNames[i] ?? '', certNo: certOf.get(id) ?? '' })),
    source: r.source,
    sourceLabel: r.source === 'plan' && !plan && r.exception ? '特殊情形' : (SOURCE_LABELS[r.source] ?? r.source),
    ...(plan ? { plan: { title: plan.title, basis: plan.basis, items: [...plan.items] } } : {}),
    ...(extra.sourceRef ? { sourceRef: extra.sourceRef } : {}),
    ...(r.exception
      ? {
          specialCase: {
            label: findCategory(r.exception.category, ctx.settings)?.label ?? r.exception.category,
            ...(r.exception.reason ? { reason: r.exception.reason } : {}),
          },
        }
      : {}),
    checkInAt: r.checkInAt,
    date: r.date,
    status: r.status,
    ...(r.result
      ? {
          result: {
            outcome: r.result.outcome,
            outcomeLabel: OUTCOME_LABELS[r.result.outcome] ?? r.result.outcome,
            findings: r.result.findings,
            ...(r.result.rectifyBy ? { rectifyBy: r.result.rectifyBy } : {}),
            recordedAt: r.result.recordedAt,
          },
        }
      : {}),
    rating: {
      state: r.rating.state,
      ...(r.rating.score ? { score: r.rating.score } : {}),
      canRate: r.rating.state !== 'rated' && until !== null && ctx.now <= until,
      ...(until !== null ? { rateUntil: until } : {}),
    },
    rights: ctx.settings.companyRights.map((x) => ({ ...x })),
  }
}
