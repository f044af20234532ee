import type { Ctx } from '../platform/context'
import { fail } from '../platform/errors'
import type { InspectionRecord } from '../domain/inspection-records'
import { readDoc } from '../store/docs'

/** An inspection the calling officer took part in: NOT_FOUND when unknown, FORBIDDEN when not theirs. */
export async function ownInspection(ctx: Ctx, inspectionId: string): Promise<{ inspection: InspectionRecord; officerId: string }> {
  const officerId = ctx.caller.user?.officerId ?? fail('FORBIDDEN', '您的账号未绑定执法证')
  const inspection = await readDoc<InspectionRecord>(ctx.db, 'inspections', inspectionId)
  if (!inspection) return fail('NOT_FOUND', '没有找到该次检查')
  if (!inspection.officerIds.includes(officerId)) return fail('FORBIDDEN', '只有参加该次检查的执法人员可以操作')
  return { inspection, officerId }
}
