import { action } from '../../platform/handler'
import { listsForField } from '../../domain/leniency'

/** The leniency lists and discretion standards from the settings (SPEC §2 rule 20): of one field, or all. Reads nothing else. */
export const leniency = action('inspection', 'leniency', {
  access: ['officer', 'deptAdmin', 'supervisor', 'admin'],
  async handle(input, ctx) {
    return { lists: listsForField(ctx.settings, input.field), standards: ctx.settings.leniency.standards }
  },
})
