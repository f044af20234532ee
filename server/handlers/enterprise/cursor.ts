import { fail } from '../../platform/errors'

/** Keyset paging cursors, opaque to the client: base64url of `<checkInAt>:<id>` of the last item. */

export const encodeCursor = (at: number, id: string): string => Buffer.from(`${at}:${id}`).toString('base64url')

export function decodeCursor(cursor: string): { at: number; id: string } {
  const text = Buffer.from(cursor, 'base64url').toString('utf8')
  const m = /^(\d{1,16}):([A-Za-z0-9_-]{1,64})$/.exec(text)
  if (!m) {
    const message = '分页游标无效，请从第一页重新加载'
    return fail('INVALID_INPUT', `输入有误：cursor — ${message}`, { issues: [{ path: ['cursor'], code: 'custom', message }] })
  }
  return { at: Number(m[1]), id: m[2] }
}
