import type { Notifier } from '../server/platform/context'
import type { Database } from '../server/platform/db'

/** Subscription-message stand-in: each message becomes a document in `outbox`. */
export function createOutbox(db: Database, clock: () => number): Notifier {
  return {
    async send(message) {
      await db.collection('outbox').add({
        data: { touser: message.touser, template: message.template, page: message.page, data: message.data, createdAt: clock() },
      })
    },
  }
}
