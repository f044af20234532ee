import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { visitRateUntil } from '../../domain/service-visit'
import { newestServiceVisitsPage } from '../../store/service-visits'
import { toCompanyServiceVisitView } from '../../views/service-visit'

/** The service visits 入企服务 to the caller's company (rule 19), newest first, 20 a page, each with its rating state and until when it can be rated. */
export const serviceVisits = action('enterprise', 'serviceVisits', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const companyId = ctx.caller.user?.companyId ?? fail('FORBIDDEN', '您的账号未绑定企业，请先绑定')
    const page = await newestServiceVisitsPage(ctx, [{ companyId }], input.cursor)
    return {
      items: page.rows.map((r) => toCompanyServiceVisitView(r, { now: ctx.now, rateUntil: visitRateUntil(r, ctx.settings) })),
      ...(page.cursor ? { cursor: page.cursor } : {}),
    }
  },
})
