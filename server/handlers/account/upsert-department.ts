import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { newId } from '../../platform/ids'
import type { DepartmentRecord } from '../../domain/records'
import { cityOf } from '../../domain/scope'
import { toDepartmentView } from '../../views/account'
import { readOrFail, setDoc } from '../../store/docs'

/** Creates a department, or corrects one (`id` given: it must exist). */
export const upsertDepartment = action('account', 'upsertDepartment', {
  access: ['admin'],
  async handle(input, ctx) {
    const { department, corrected } = await ctx.db.runTransaction(async (tx) => {
      const existing = input.id ? await readOrFail<DepartmentRecord>(tx, 'departments', input.id, '没有找到该执法单位') : null
      const record: DepartmentRecord = {
        _id: existing?._id ?? newId('dept'),
        name: input.name,
        region: input.region,
        city: cityOf(input.region),
        field: input.field,
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }
      await setDoc(tx, 'departments', record)
      await audit(
        ctx,
        {
          action: 'account.upsertDepartment',
          target: `departments/${record._id}`,
          details: { created: !existing, name: record.name, region: record.region, field: record.field },
        },
        tx,
      )
      return { department: record, corrected: existing !== null }
    })
    // The copies on its officers' users (OfficerSnapshot) follow a rename or a move to
    // another region: one multi-document update, which the cloud allows only outside a
    // transaction, so it runs right after the commit. It runs on every correction and sets
    // only the copied fields (no updatedAt), so it changes nothing when they are current and
    // the admin's retry of a correction whose update failed writes them again.
    if (corrected) {
      await ctx.db
        .collection('users')
        .where({ 'officer.deptId': department._id })
        .update({ data: { officer: { deptName: department.name, deptRegion: department.region } } })
    }
    return { department: toDepartmentView(department) }
  },
})
