import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { newId } from '../../platform/ids'
import type { DepartmentRecord } from '../../domain/records'
import { cityOf } from '../../domain/scope'
import { fieldsOf, txGetOrNull } from './store'
import { toDepartmentView } from './views'

/** Creates a department, or corrects one (`id` given: it must exist). */
export const upsertDepartment = action('account', 'upsertDepartment', {
  access: ['admin'],
  async handle(input, ctx) {
    const department = await ctx.db.runTransaction(async (tx) => {
      const existing = input.id ? await txGetOrNull<DepartmentRecord>(tx, 'departments', input.id) : null
      if (input.id && !existing) fail('NOT_FOUND', '没有找到该执法单位')
      const record: DepartmentRecord = {
        _id: existing?._id ?? newId('dept'),
        name: input.name,
        region: input.region,
        city: cityOf(input.region),
        field: input.field,
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }
      await tx.collection('departments').doc(record._id).set({ data: fieldsOf(record) })
      await audit(ctx, { action: 'account.upsertDepartment', target: `departments/${record._id}`, details: { created: !existing, name: record.name, region: record.region, field: record.field } }, tx)
      return record
    })
    return { department: toDepartmentView(department) }
  },
})
