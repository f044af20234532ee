import type { Inspection } from '@contract'
import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import type { InspectionRecord } from '../domain/inspection-records'
import { toInspectionView } from '../views/inspection'
import { invalidField } from '../platform/field-labels'

/**
 * Inspections newest first, 20 a page, with keyset paging: the cursor (opaque to the
 * client) is base64url of `<checkInAt>:<id>` of the last item. Used by the officer's and
 * the company's lists.
 */
export const INSPECTION_PAGE = 20

export async function newestInspectionsPage(
  ctx: Ctx,
  conditions: DocData[],
  cursor: string | undefined,
  view: { score?: boolean } = {},
): Promise<{ items: Inspection[]; cursor?: string }> {
  const _ = ctx.db.command
  const all = [...conditions]
  if (cursor) {
    const after = decodeCursor(cursor)
    all.push(_.or({ checkInAt: _.lt(after.at) }, { checkInAt: after.at, _id: _.lt(after.id) }))
  }
  const where = all.length === 1 ? all[0] : _.and(...all)
  const got = await ctx.db
    .collection('inspections')
    .where(where)
    .orderBy('checkInAt', 'desc')
    .orderBy('_id', 'desc')
    .limit(INSPECTION_PAGE + 1)
    .get()
  const rows = got.data as unknown as InspectionRecord[]
  const page = rows.slice(0, INSPECTION_PAGE)
  const last = page[page.length - 1]
  return {
    items: page.map((r) => toInspectionView(r, ctx.now, view)),
    ...(rows.length > INSPECTION_PAGE && last ? { cursor: encodeCursor(last.checkInAt, last._id) } : {}),
  }
}

export const encodeCursor = (at: number, id: string): string => Buffer.from(`${at}:${id}`).toString('base64url')

export function decodeCursor(cursor: string): { at: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const m = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(text)
  if (!m) {
    const message = '分页游标无效，请从第一页重新加载'
    return invalidField(['cursor'], message)
  }
  return { at: Number(m[1]), id: m[2] }
}
