import type { Ctx } from './context'
import type { Transaction } from './db'

/**
 * The audit trail (SPEC §2.13): every write leaves an event — who, what, when. Events
 * are only ever added. Inside a transaction the event commits with the write it records.
 */

export interface AuditEntry {
  /** `<function>.<action>`, e.g. 'account.bindOfficer'. */
  action: string
  /** The record written, `<collection>/<id>`, e.g. 'officers/off_001'. */
  target: string
  details?: Record<string, unknown>
}

export async function audit(ctx: Ctx, entry: AuditEntry, tx?: Transaction): Promise<void> {
  const data = {
    at: ctx.now,
    actor: ctx.caller.user?._id ?? ctx.caller.openid,
    action: entry.action,
    target: entry.target,
    requestId: ctx.requestId,
    ...(entry.details === undefined ? {} : { details: entry.details }),
  }
  if (tx) await tx.collection('audit').add({ data })
  else await ctx.db.collection('audit').add({ data })
}
