import type { Inspection } from '@contract'
import type { Ctx } from '../platform/context'
import type { DocData } from '../platform/db'
import type { InspectionRecord } from '../domain/inspection-records'
import { toInspectionView } from '../views/inspection'
import { invalidField } from '../platform/field-labels'

/**
 * Inspections (and service visits) newest first, 20 a page, with keyset paging: the cursor
 * (opaque to the client) is base64url of `<time>:<id>` of the last item. Used by the
 * officer's and the company's lists.
 */
export const INSPECTION_PAGE = 20

export async function newestInspectionsPage(
  ctx: Ctx,
  conditions: DocData[],
  cursor: string | undefined,
  view: { score?: boolean } = {},
): Promise<{ items: Inspection[]; cursor?: string }> {
  const page = await newestPage<InspectionRecord>(ctx, 'inspections', 'checkInAt', conditions, cursor, (r) => r.checkInAt)
  return { items: page.rows.map((r) => toInspectionView(r, ctx.now, view)), ...(page.cursor ? { cursor: page.cursor } : {}) }
}

/** Records of a collection newest first by `timeField` (then `_id`), 20 a page, after the cursor. */
export async function newestPage<T extends { _id: string }>(
  ctx: Ctx,
  collection: string,
  timeField: string,
  conditions: DocData[],
  cursor: string | undefined,
  timeOf: (r: T) => number,
): Promise<{ rows: T[]; cursor?: string }> {
  const _ = ctx.db.command
  const all = [...conditions]
  if (cursor) {
    const after = decodeCursor(cursor)
    all.push(_.or({ [timeField]: _.lt(after.at) }, { [timeField]: after.at, _id: _.lt(after.id) }))
  }
  const where = all.length === 1 ? all[0] : _.and(...all)
  const got = await ctx.db
    .collection(collection)
    .where(where)
    .orderBy(timeField, 'desc')
    .orderBy('_id', 'desc')
    .limit(INSPECTION_PAGE + 1)
    .get()
  const rows = got.data as unknown as T[]
  const page = rows.slice(0, INSPECTION_PAGE)
  const last = page[page.length - 1]
  return { rows: page, ...(rows.length > INSPECTION_PAGE && last ? { cursor: encodeCursor(timeOf(last), last._id) } : {}) }
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
