import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { InspectionRecord } from '../../domain/inspection-records'
import { toInspectionView } from './views'

const PAGE = 20

/**
 * The caller's inspections, newest first, 20 a page. `overdue` includes open ones past
 * their deadline that the scheduler has not marked yet; `open` excludes them.
 * The cursor is opaque: base64url of `<checkInAt>:<id>` of the last item (keyset paging).
 */
export const list = action('inspection', 'list', {
  access: ['officer'],
  async handle(input, ctx) {
    const officerId = ctx.caller.user?.officerId ?? fail('FORBIDDEN', '您的账号未绑定执法证')
    const _ = ctx.db.command
    const conditions: DocData[] = [{ officerIds: officerId }]
    if (input.status === 'closed') conditions.push({ status: 'closed' })
    if (input.status === 'open') conditions.push({ status: 'open', dueAt: _.gte(ctx.now) })
    if (input.status === 'overdue') conditions.push(_.or({ status: 'overdue' }, { status: 'open', dueAt: _.lt(ctx.now) }))
    if (input.cursor) {
      const after = decodeCursor(input.cursor)
      conditions.push(_.or({ checkInAt: _.lt(after.at) }, { checkInAt: after.at, _id: _.lt(after.id) }))
    }
    const where = conditions.length === 1 ? conditions[0] : _.and(...conditions)
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

const encodeCursor = (at: number, id: string): string => Buffer.from(`${at}:${id}`).toString('base64url')

function decodeCursor(cursor: string): { at: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const m = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(text)
  if (!m) {
    const message = '分页游标无效，请从第一页重新加载'
    return fail('INVALID_INPUT', `输入有误：cursor — ${message}`, { issues: [{ path: ['cursor'], code: 'custom', message }] })
  }
  return { at: Number(m[1]), id: m[2] }
}
