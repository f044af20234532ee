import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { toInspectionView } from '../inspection/views'
import { decodeCursor, encodeCursor } from './cursor'

const PAGE = 20

/** Every inspection of the caller's company, newest first, 20 a page, with its rating state. */
export const inspections = action('enterprise', 'inspections', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const companyId = ctx.caller.user?.companyId ?? fail('FORBIDDEN', '您的账号未绑定企业，请先绑定')
    const _ = ctx.db.command
    let where: DocData = { companyId }
    if (input.cursor) {
      const after = decodeCursor(input.cursor)
      where = _.and({ companyId }, _.or({ checkInAt: _.lt(after.at) }, { checkInAt: after.at, _id: _.lt(after.id) }))
    }
    const got = await ctx.db.collection('inspections').where(where).orderBy('checkInAt', 'desc').orderBy('_id', 'desc').limit(PAGE + 1).get()
    const rows = got.data as unknown as InspectionRecord[]
    const page = rows.slice(0, PAGE)
    const last = page[page.length - 1]
    return {
      items: page.map((r) => toInspectionView(r, ctx.now)),
      ...(rows.length > PAGE && last ? { cursor: encodeCursor(last.checkInAt, last._id) } : {}),
    }
  },
})
