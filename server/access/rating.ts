import type { Ctx } from '../platform/context'
import type { Writer } from '../store/docs'
import { fail } from '../platform/errors'
import type { InspectionRecord, RatingTokenRecord, ServiceVisitRecord } from '../domain/inspection-records'
import { tokenExpired } from '../domain/ratings'
import { visitRateUntil } from '../domain/service-visit'
import { readDoc } from '../store/docs'
import { readTokenRecord } from '../store/tokens'
import { SERVICE_VISITS } from '../store/service-visits'
import { ruleWords } from '@rule-words'

/**
 * A rating token the caller may use (SPEC §2.9), checked in this order: forged or unknown
 * → TOKEN_INVALID; another company's inspection → FORBIDDEN (nothing more is said about
 * it); already used or the inspection already rated → ALREADY_RATED; past its validity →
 * TOKEN_EXPIRED. Inside a transaction pass `tx` so the checks hold at commit.
 */
export async function usableRatingToken(ctx: Ctx, token: string, r: Writer = ctx.db): Promise<{ record: RatingTokenRecord; inspection: InspectionRecord }> {
  const record = await readTokenRecord(r, 'r', token, ctx.secret)
  if (!record) return fail('TOKEN_INVALID', '评价码无效：请扫描执法人员出示的评价码')
  const companyId = ctx.caller.user?.companyId
  if (!companyId || record.companyId !== companyId) return fail('FORBIDDEN', '该评价码不属于贵企业的检查，只有被检查企业可以评价')
  const inspection = await readDoc<InspectionRecord>(r, 'inspections', record.inspectionId)
  if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
  if (record.usedAt !== null || inspection.rating.state === 'rated') return fail('ALREADY_RATED', '该次检查已评价，每次检查只能评价一次')
  if (tokenExpired(record.expiresAt, ctx.now)) return fail('TOKEN_EXPIRED', ruleWords(ctx.settings).ratingTokenExpired)
  return { record: record as RatingTokenRecord, inspection }
}

/** The end of the window for rating from the list, or null before a result. */
export const rateFromListUntil = (inspection: InspectionRecord, settings: Ctx['settings']): number | null =>
  inspection.result ? inspection.result.recordedAt + settings.ratingFromList.days * 86_400_000 : null

/**
 * An inspection the caller may rate from the company's own list (SPEC §2.22): its own
 * company's (FORBIDDEN), with a result (CONFLICT), not rated (ALREADY_RATED), within the
 * window after the result (CONFLICT).
 */
export async function ratableFromList(ctx: Ctx, inspectionId: string, r: Writer = ctx.db): Promise<{ record: null; inspection: InspectionRecord }> {
  const inspection = await readDoc<InspectionRecord>(r, 'inspections', inspectionId)
  if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
  if (inspection.companyId !== ctx.caller.user?.companyId) return fail('FORBIDDEN', '只能评价贵企业接受的检查')
  if (inspection.rating.state === 'rated') return fail('ALREADY_RATED', '该次检查已评价，每次检查只能评价一次')
  const until = rateFromListUntil(inspection, ctx.settings)
  if (until === null) return fail('CONFLICT', '该次检查尚未记录结果，记录结果后才能评价')
  if (ctx.now > until) return fail('CONFLICT', `检查结果已记录超过 ${ctx.settings.ratingFromList.days} 天，不能再评价；如有意见，可以投诉`)
  return { record: null, inspection }
}

/**
 * A service visit the caller may rate from the company's own list (rule 19): its own
 * company's (FORBIDDEN), not rated (ALREADY_RATED), within `ratingFromList.days` of the
 * visit (CONFLICT).
 */
export async function ratableVisit(ctx: Ctx, visitId: string, r: Writer = ctx.db): Promise<ServiceVisitRecord> {
  const visit = await readDoc<ServiceVisitRecord>(r, SERVICE_VISITS, visitId)
  if (!visit) return fail('NOT_FOUND', '没有找到该次入企服务')
  if (visit.companyId !== ctx.caller.user?.companyId) return fail('FORBIDDEN', '只能评价到贵企业的入企服务')
  if (visit.rating.state === 'rated') return fail('ALREADY_RATED', '该次入企服务已评价，每次只能评价一次')
  if (ctx.now > visitRateUntil(visit, ctx.settings))
    return fail('CONFLICT', `入企服务已超过 ${ctx.settings.ratingFromList.days} 天，不能再评价；如有意见，可以投诉`)
  return visit
}
