import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { decodeCursor, encodeCursor } from '../../store/inspection-pages'
import { inboxKeyFor, MESSAGES, toMessageView, type MessageRecord } from '../../store/messages'

/** Messages a page: newest first, keyset-paged like the inspection lists. */
const PAGE = 20

/** The caller's own inbox (SPEC §2.22), newest first, with the number still unread. */
export const messages = action('account', 'messages', {
  access: 'bound',
  async handle(input, ctx) {
    const _ = ctx.db.command
    const to = inboxKeyFor(ctx.sealingKey, ctx.caller.user!._id)
    let where: DocData = { to }
    if (input.cursor) {
      const after = decodeCursor(input.cursor)
      where = _.and({ to }, _.or({ at: _.lt(after.at) }, { at: after.at, _id: _.lt(after.id) }))
    }
    const [got, unread] = await Promise.all([
      ctx.db
        .collection(MESSAGES)
        .where(where)
        .orderBy('at', 'desc')
        .orderBy('_id', 'desc')
        .limit(PAGE + 1)
        .get(),
      ctx.db.collection(MESSAGES).where({ to, read: false }).count(),
    ])
    const rows = got.data as unknown as MessageRecord[]
    const page = rows.slice(0, PAGE)
    const last = page[page.length - 1]
    return {
      items: page.map(toMessageView),
      unread: unread.total,
      ...(rows.length > PAGE && last ? { cursor: encodeCursor(last.at, last._id) } : {}),
    }
  },
})

/** Marks the caller's own messages read; ids of others' messages change nothing. */
export const markRead = action('account', 'markRead', {
  access: 'bound',
  async handle(input, ctx) {
    const _ = ctx.db.command
    const to = inboxKeyFor(ctx.sealingKey, ctx.caller.user!._id)
    const res = await ctx.db
      .collection(MESSAGES)
      .where({ to, read: false, _id: _.in([...new Set(input.ids)]) })
      .update({ data: { read: true, readAt: ctx.now } })
    return { updated: res.stats.updated }
  },
})
