import { action } from '../../platform/handler'
import { quietPeriodStatus } from '../../domain/quiet-period'
import { MessageKind, ruleSettingsOf } from '@contract'
import { toUserView } from '../../views/account'
import { chinaDateTime } from '../../domain/china-time'

/** The configured template id of each message kind (TEMPLATE_<KIND> in the environment, docs/deploy.md §12). */
export function subscriptionTemplates(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {}
  for (const kind of MessageKind.options) {
    const id = env[`TEMPLATE_${kind.toUpperCase()}`]
    if (id) out[kind] = id
  }
  return out
}

/** Who the caller is, today's date and time in China with the quiet-period banner, and the city with its counties (for pickers and labels). Open to unbound callers. */
export const whoami = action('account', 'whoami', {
  access: 'anyone',
  async handle(_input, ctx) {
    const { date, ...quiet } = quietPeriodStatus(ctx.now, ctx.settings)
    return {
      openid: ctx.caller.openid,
      user: ctx.caller.user ? toUserView(ctx.caller.user) : null,
      today: { date, time: chinaDateTime(ctx.now, ctx.settings.timezone).slice(11), quiet },
      city: { code: ctx.settings.city.code, name: ctx.settings.city.name, regions: ctx.settings.city.regions, basis: ctx.settings.city.basis },
      rules: ruleSettingsOf(ctx.settings),
      templates: subscriptionTemplates(ctx.env),
    }
  },
})
