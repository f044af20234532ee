import type { DocData } from '../../platform/db'
import { MAX_GET } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { isCityRegion, normalizeRegion } from '../../domain/scope'
import { COMPLAINTS, toComplaintView, withVisits, type ComplaintRecord } from '../../store/complaints'

/**
 * Complaints in the supervisor's region, newest first (at most 100): a county supervisor
 * sees their county's, a city supervisor the whole city's. Supervisors only: the
 * complained-about department and its officers never see a complaint (SPEC §2.10), and an
 * anonymous one shows no complainant even here.
 */
export const complaints = action('supervision', 'complaints', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const region = ctx.caller.user!.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')
    const scope = normalizeRegion(region)
    const where: DocData = isCityRegion(scope) ? { city: scope } : { region: scope }
    if (input.status) where.status = input.status
    const got = await ctx.db.collection(COMPLAINTS).where(where).orderBy('receivedAt', 'desc').limit(MAX_GET).get()
    return {
      items: await withVisits(
        ctx.db,
        (got.data as unknown as ComplaintRecord[]).map((c) => toComplaintView(c, ctx.now, 'supervisor')),
      ),
    }
  },
})
