import { action } from '../../platform/handler'
import type { DepartmentRecord } from '../../domain/records'
import { regionCondition } from '../../store/roster-query'
import { toDepartmentView } from '../../views/account'
import { findAll } from '../../store/docs'

/**
 * Every department (any bound user: officers, companies and supervisors all need the
 * names). `region` narrows to a county, or with a city code to the whole city.
 * City-level departments first, then by county and name.
 */
export const departments = action('account', 'departments', {
  access: 'bound',
  async handle(input, ctx) {
    const { items } = await findAll<DepartmentRecord>(ctx.db, 'departments', regionCondition(input.region ?? null))
    items.sort((a, b) => a.region.length - b.region.length || a.region.localeCompare(b.region) || a.name.localeCompare(b.name, 'zh-CN'))
    return { items: items.map(toDepartmentView) }
  },
})
