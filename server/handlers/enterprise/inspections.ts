import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { newestInspectionsPage } from '../../store/inspection-pages'

/** Every inspection of the caller's company, newest first, 20 a page, with its rating state. */
export const inspections = action('enterprise', 'inspections', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const companyId = ctx.caller.user?.companyId ?? fail('FORBIDDEN', '您的账号未绑定企业，请先绑定')
    // The company sees its own ratings' scores.
    return newestInspectionsPage(ctx, [{ companyId }], input.cursor, { score: true })
  },
})
