import type { Message, MessageKind } from '@contract'
import type { Ctx } from '../platform/context'
import { newId, userIdFor } from '../platform/ids'
import { keyedHash } from '../domain/pseudonyms'
import type { CompanyContact, CompanyRecord } from '../domain/records'
import { readDoc } from './docs'

/**
 * The in-app inbox (SPEC §2.22): `messages/<id>`, one document per recipient. A message is
 * addressed to a keyed hash of the user id (`to`), never the user id itself, so a database
 * reader cannot tell who received what (an anonymous complainant's updates included).
 * In WeChat the same message also goes out as a subscription message (ctx.notify: the
 * cloud sends it to users who subscribed; the emulator writes it to its outbox).
 *
 * Delivery is best effort and runs after the write it reports has committed: a failed
 * inbox write or push is logged, never undoes or fails the call that caused it.
 */

export const MESSAGES = 'messages'

export interface MessageRecord {
  _id: string
  /** `inboxKeyFor(secret, userId)`. */
  to: string
  kind: MessageKind
  title: string
  body: string
  ref?: string
  page?: string
  at: number
  read: boolean
  readAt?: number
}

/** A user who gets a message: their id (the inbox) and openid (the subscription message). */
export interface Recipient {
  userId: string
  openid: string
}

/** The subscription message that goes with an inbox message: the template key and its data keys. */
export interface Push {
  template: MessageKind
  data: Record<string, string>
}

export const inboxKeyFor = (secret: string, userId: string): string => keyedHash(secret, 'inbox', userId)

export const toMessageView = (m: MessageRecord): Message => ({
  id: m._id,
  kind: m.kind,
  title: m.title,
  body: m.body,
  ...(m.ref ? { ref: m.ref } : {}),
  ...(m.page ? { page: m.page } : {}),
  at: m.at,
  read: m.read,
})

/**
 * Puts the message in each recipient's inbox and pushes it, all at once (one round trip
 * of latency, whatever the number of recipients). Answers how many inboxes got it.
 */
export async function deliver(
  ctx: Ctx,
  recipients: Recipient[],
  message: { kind: MessageKind; title: string; body: string; ref?: string; page?: string },
  push: Push,
): Promise<number> {
  const unique = [...new Map(recipients.map((r) => [r.userId, r])).values()]
  const outcomes = await Promise.allSettled(
    unique.flatMap((r) => [
      ctx.db
        .collection(MESSAGES)
        .doc(newId('msg'))
        .set({ data: { to: inboxKeyFor(ctx.sealingKey, r.userId), ...message, at: ctx.now, read: false } }),
      r.openid ? ctx.notify.send({ touser: r.openid, template: push.template, page: message.page, data: push.data }) : Promise.resolve(),
    ]),
  )
  let delivered = 0
  outcomes.forEach((o, i) => {
    if (o.status === 'fulfilled') {
      if (i % 2 === 0) delivered++
      return
    }
    const reason = o.reason instanceof Error ? o.reason.message : String(o.reason)
    ctx.log.error(i % 2 === 0 ? 'inbox_write_failed' : 'push_failed', { kind: message.kind, ref: message.ref, reason })
  })
  return delivered
}

/** The most contacts a company keeps (its notices go to each). */
export const MAX_CONTACTS = 20

/**
 * The bound users of a company (its contacts), from the company document (bindEnterprise
 * keeps them there): `company` when the caller has read it already (no call), else it is read.
 */
export async function companyRecipients(ctx: Ctx, company: string | Pick<CompanyRecord, 'contacts'>): Promise<Recipient[]> {
  const found = typeof company === 'string' ? await readDoc<CompanyRecord>(ctx.db, 'companies', company) : company
  return (found?.contacts ?? []).map((c) => ({ userId: c.userId, openid: c.openid }))
}

/** The contacts with `contact` added (once; the latest MAX_CONTACTS). */
export function withContact(contacts: CompanyContact[] | undefined, contact: CompanyContact): CompanyContact[] {
  const others = (contacts ?? []).filter((c) => c.userId !== contact.userId)
  return [...others, contact].slice(-MAX_CONTACTS)
}

/** The supervisors whose scope covers a county: the county's and the city's, at most 50. */
export async function supervisorRecipients(ctx: Ctx, county: string): Promise<Recipient[]> {
  const _ = ctx.db.command
  const regions = [...new Set([county, county.slice(0, 4)])]
  const got = await ctx.db
    .collection('users')
    .where({ roles: 'supervisor', region: _.in(regions) })
    .limit(50)
    .get()
  return (got.data as Array<{ _id: string; openid?: string }>).map((u) => ({ userId: u._id, openid: u.openid ?? '' }))
}

/** A user found by openid (the complainant, from the sealed openid of a complaint). */
export const recipientOfOpenid = (openid: string): Recipient => ({ userId: userIdFor(openid), openid })

/** The bound user of an officer, or null when the officer has not bound a WeChat account. */
export async function officerRecipient(ctx: Ctx, officerId: string): Promise<Recipient | null> {
  const officer = await readDoc<{ _id: string; userId?: string }>(ctx.db, 'officers', officerId)
  if (!officer?.userId) return null
  const user = await readDoc<{ _id: string; openid?: string }>(ctx.db, 'users', officer.userId)
  return user?.openid ? { userId: user._id, openid: user.openid } : null
}
