import { ruleWords } from '@rule-words'
import { audit } from '../platform/audit'
import type { Ctx } from '../platform/context'
import { afterCommit, type DocData, type Transaction } from '../platform/db'
import { chinaDate } from '../domain/china-time'
import { movedGate } from '../domain/gate'
import type { InspectionRecord } from '../domain/inspection-records'
import type { CompanyRecord } from '../domain/records'
import { raiseAlert } from './alerts'
import { bumpCounters } from './counters'
import { fieldsOf } from './docs'
import { saveGate } from './gates'
import { raiseAfterCapAlert } from './joint-join'
import { ledgerEntryOfVisit } from './ledger'

/** A new inspection that passed the rules (handlers/inspection/check-in.ts prepareNew), and what its writes need. */
export interface Opening {
  /** The inspection as it will be stored; gets its ledger entry's id at a monitoring point. */
  record: InspectionRecord
  /** The company as read in `tx`, with its gate. */
  company: CompanyRecord
  officer: { name: string }
  dept: { _id: string; name: string }
  /** The request's key on the gate (a retry answers this inspection). */
  keyId: string
  /** The cap's year, when the inspection counts toward the cap. */
  capYear: number
  /** What the ledger entry says the visit was for. */
  purpose: string
  /** Earlier check-ins of the company in the repeated window (for the alert's words). */
  inWindow: number
  /** The audit event: its action, and details beside the company, source, plan, special case and flags. */
  audit: { action: string; details?: DocData }
  /** A back-filled visit (rule 17): the gate knows, and the counters count it. */
  backfill?: boolean
}

/**
 * Writes a new inspection of the company in `tx` (SPEC §2; a check-in and a back-fill
 * alike): a monitoring point's ledger entry (rule 11), the inspection, the company's gate
 * moved on (the check-in, its key, the cap, the ledger head), the alerts its flags ask for
 * (`repeated`, rule 6; `after_cap`, rule 15) and the audit event. `ctx.now` is when it is
 * written (the gate's clock, the ledger entry, the alert, the audit event); the visit's
 * own time is `record.checkInAt`. After the commit, its department's figures of the visit's
 * month where the company is (store/counters.ts). Answers the stored record.
 */
export async function openInspection(tx: Transaction, ctx: Ctx, o: Opening): Promise<InspectionRecord> {
  const { company, dept, officer } = o
  const { settings } = ctx
  const record: InspectionRecord = { ...o.record }
  const ledger = await ledgerEntryOfVisit(tx, ctx, company, {
    inspectionId: record._id,
    date: record.date,
    dept,
    officerName: officer.name,
    purpose: o.purpose,
  })
  if (ledger) record.ledgerEntryId = ledger._id
  await tx
    .collection('inspections')
    .doc(record._id)
    .set({ data: fieldsOf(record) })
  const move = {
    kind: 'open' as const,
    inspectionId: record._id,
    deptId: dept._id,
    checkInAt: record.checkInAt,
    source: record.source,
    keyId: o.keyId,
    ...(o.backfill ? { backfill: true } : {}),
    ...(record.capCounted ? { capYear: o.capYear } : {}),
    ...(ledger ? { ledger: { seq: ledger.seq, hash: ledger.hash } } : {}),
  }
  await saveGate(tx, company, movedGate(company.gate, move, { now: ctx.now, today: chinaDate(ctx.now, settings.timezone) }, settings))
  const ref = `inspections/${record._id}`
  if (record.flags.includes('repeated')) {
    await raiseAlert(tx, {
      kind: 'repeated',
      ref,
      at: ctx.now,
      region: record.region,
      deptId: dept._id,
      companyId: company._id,
      summary: `${company.name} 在${ruleWords(settings).repeatedWindow}内被检查 ${o.inWindow + 1} 次（本次${o.backfill ? '为补录' : ''}：${dept.name}）`,
      // Counted open with the figures below, in one update of the region's open-now document.
      countedByCaller: true,
    })
  }
  if (record.flags.includes('after_cap')) await raiseAfterCapAlert(tx, ctx, record, dept, company)
  const details = {
    companyId: company._id,
    ...o.audit.details,
    source: record.source,
    planId: record.planId ?? null,
    exception: record.exception?.category ?? null,
    flags: record.flags,
  }
  await audit(ctx, { action: o.audit.action, target: ref, details }, tx)
  afterCommit(tx, (db) =>
    bumpCounters(
      db,
      { deptId: dept._id, region: record.region, month: record.month },
      {
        inspections: 1,
        backfills: o.backfill ? 1 : 0,
        quietExceptions: { pending: record.exception ? 1 : 0 },
        repeated: record.flags.includes('repeated') ? 1 : 0,
      },
      record.flags.includes('repeated') ? { repeated: 1 } : undefined,
    ),
  )
  return record
}
