import { action } from '../../platform/handler'
import { listsForField } from '../../domain/leniency'
import { callerOfficerRecords } from '../../access/officer'

/**
 * The leniency lists and discretion standards from the settings (SPEC §2 rule 20): of the
 * field asked for; for an officer who names none, of their department's field (the list
 * at hand while recording a result); otherwise all.
 */
export const leniency = action('inspection', 'leniency', {
  access: ['officer', 'deptAdmin', 'supervisor', 'admin'],
  async handle(input, ctx) {
    const field = input.field ?? (ctx.caller.user?.officerId ? (await callerOfficerRecords(ctx)).dept.field : undefined)
    return { lists: listsForField(ctx.settings, field), standards: ctx.settings.leniency.standards }
  },
})
