import { action } from '../../platform/handler'
import { quietPeriodStatus } from '../../domain/quiet-period'
import { toUserView } from './views'

/** Who the caller is, and today's quiet-period banner. Open to unbound callers. */
export const whoami = action('account', 'whoami', {
  access: 'anyone',
  async handle(_input, ctx) {
    const { date, ...quiet } = quietPeriodStatus(ctx.now, ctx.settings)
    return {
      openid: ctx.caller.openid,
      user: ctx.caller.user ? toUserView(ctx.caller.user) : null,
      today: { date, quiet },
    }
  },
})
