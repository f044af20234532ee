import type { AlertHandling } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { alertIdFor, ALERTS, closeAlert, type AlertRecord } from '../../store/alerts'
import { bumpCounters } from '../../store/counters'
import { readDoc } from '../../store/docs'
import { LEDGER, type LedgerEntryRecord } from '../../store/ledger'
import { toAlertView, withRatings } from './alerts'
import { inScope } from '../../access/supervisor-scope'

/** A bad rating and its overdue follow-up are one piece of work: handling one handles the other. */
const FOLLOW_UP_KINDS = ['bad_rating', 'follow_up_overdue'] as const
const needsFollowUp = (kind: string) => (FOLLOW_UP_KINDS as readonly string[]).includes(kind)

function invalid(path: string, message: string): never {
  return fail('INVALID_INPUT', message, { issues: [{ path: [path], code: 'custom', message }] })
}

/**
 * Rule 21: a supervisor of the alert's region handles it, once, with a note. A bad
 * rating (or its follow_up_overdue) needs the follow-up: whether the company was
 * contacted, and the outcome; handling either closes both. An unscanned visit needs a
 * verdict: `confirmed: true` puts it into the department's figures and the 通报 (SPEC §6:
 * only a confirmed one counts), booked to the month of the visit where the company is;
 * the counter is bumped after the commit (ARCHITECTURE rule 5) and the alert keeps what it
 * added (`counted`) for the hourly recount. A pending special case is handled by its
 * review (reviewException), not here.
 */
export const handleAlert = action('supervision', 'handleAlert', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const found = await readDoc<AlertRecord>(ctx.db, ALERTS, input.alertId)
    if (input.alertId.startsWith('pending_exception_') || found?.kind === 'pending_exception') {
      fail('CONFLICT', '安静生产期特殊情形请在“特殊情形审核”中审核，审核后提醒自动办结')
    }
    if (!found) return fail('NOT_FOUND', '没有找到该提醒，可能已被删除')
    if (!inScope(ctx, found.region)) fail('FORBIDDEN', '该提醒不在您的监督辖区内')
    if (needsFollowUp(found.kind) && !input.followUp) invalid('followUp', '差评须记录回访情况：是否已联系企业，以及回访结果')
    if (found.kind === 'unscanned' && input.confirmed === undefined) invalid('confirmed', '请选择核实结论：确属未扫码入企，或不属实')

    // An unscanned visit confirmed: counted for the department it names, in the visit's month, where the company is.
    let counted: AlertRecord['counted']
    if (found.kind === 'unscanned' && input.confirmed && found.deptId) {
      const entry = found.ref.startsWith('ledger/') ? await readDoc<LedgerEntryRecord>(ctx.db, LEDGER, found.ref.slice('ledger/'.length)) : null
      if (entry) counted = { deptId: found.deptId, region: found.region, month: entry.date.slice(0, 7) }
    }
    const handling: AlertHandling = {
      by: user._id,
      ...(user.name ? { byName: user.name } : {}),
      at: ctx.now,
      note: input.note,
      ...(needsFollowUp(found.kind) && input.followUp ? { followUp: { ...input.followUp } } : {}),
      ...(found.kind === 'unscanned' ? { confirmed: input.confirmed } : {}),
    }
    const handled = await ctx.db.runTransaction(async (tx) => {
      const current = (await readDoc<AlertRecord>(tx, ALERTS, found._id)) ?? fail('NOT_FOUND', '没有找到该提醒，可能已被删除')
      if (current.resolved) {
        return fail('CONFLICT', `该提醒已由${current.handling?.byName ?? '其他监督人员'}处理，无需重复处理`, { status: 'handled' })
      }
      await closeAlert(tx, current, { handling, ...(counted ? { counted } : {}) })
      if (needsFollowUp(current.kind)) {
        const twinKind = current.kind === 'bad_rating' ? 'follow_up_overdue' : 'bad_rating'
        const twin = await readDoc<AlertRecord>(tx, ALERTS, alertIdFor(twinKind, current.ref))
        if (twin && !twin.resolved) await closeAlert(tx, twin, { handling })
      }
      await audit(
        ctx,
        {
          action: 'supervision.handleAlert',
          target: `alerts/${current._id}`,
          details: {
            kind: current.kind,
            ref: current.ref,
            note: input.note,
            ...(handling.followUp ? { followUp: handling.followUp } : {}),
            ...(current.kind === 'unscanned' ? { confirmed: !!input.confirmed } : {}),
          },
        },
        tx,
      )
      return { ...current, resolved: true, handling, ...(counted ? { counted } : {}) }
    })
    if (counted) await bumpCounters(ctx.db, counted, { unscanned: 1 })
    const [alert] = await withRatings(ctx, [toAlertView(handled)])
    return { alert }
  },
})
