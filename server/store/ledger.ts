import type { Transaction } from '../platform/db'
import { entryHash, GENESIS_HASH, type ChainedContent } from '../domain/hash-chain'
import { fieldsOf, readDoc } from './docs'

/**
 * The monitoring-point ledger 监测点台账 (SPEC §2.11): append-only and hash-chained per
 * company. The head `ledgerHeads/<companyId>` { seq, hash } is read and moved in the
 * same transaction that writes the entry, so two writers can never take the same seq.
 * Nothing ever updates or removes an entry.
 */

export const LEDGER = 'ledger'
export const LEDGER_HEADS = 'ledgerHeads'

export interface LedgerHead {
  _id: string
  seq: number
  hash: string
  updatedAt: number
}

/** What a writer supplies; seq, hashes and createdAt are the store's. */
export interface LedgerAppend {
  companyId: string
  /** China date of the visit, 'YYYY-MM-DD'. */
  date: string
  source: 'scan' | 'manual'
  inspectionId?: string
  deptId?: string
  deptName: string
  officerNames: string[]
  purpose: string
  note?: string
  unscanned: boolean
  /** For a manual entry: the check-in it matched, or null when none did. Not hashed. */
  matchedInspectionId?: string | null
}

/** A stored entry (`ledger/<id>`); `_id` is `ledgerEntryId(companyId, seq)`. */
export interface LedgerEntryRecord extends LedgerAppend {
  _id: string
  seq: number
  createdAt: number
  prevHash: string
  hash: string
}

/** `<companyId>_<seq, 8 digits>`: sorts in chain order. */
export const ledgerEntryId = (companyId: string, seq: number): string => `${companyId}_${String(seq).padStart(8, '0')}`

/**
 * Appends one entry to the company's chain inside `tx` and answers it. `ctx.now` is the
 * entry's createdAt (part of the hash). The caller writes the audit event (and raises the
 * `unscanned` alert and counter when `unscanned`), in the same transaction.
 */
export async function appendLedgerEntry(tx: Transaction, ctx: { now: number }, entry: LedgerAppend): Promise<LedgerEntryRecord> {
  const head = await readDoc<LedgerHead>(tx, LEDGER_HEADS, entry.companyId)
  const seq = (head?.seq ?? 0) + 1
  const prevHash = head?.hash ?? GENESIS_HASH
  const content: ChainedContent = {
    companyId: entry.companyId,
    seq,
    date: entry.date,
    source: entry.source,
    inspectionId: entry.inspectionId,
    deptId: entry.deptId,
    deptName: entry.deptName,
    officerNames: [...entry.officerNames],
    purpose: entry.purpose,
    note: entry.note,
    unscanned: entry.unscanned,
    createdAt: ctx.now,
  }
  const record: LedgerEntryRecord = {
    ...entry,
    officerNames: [...entry.officerNames],
    _id: ledgerEntryId(entry.companyId, seq),
    seq,
    createdAt: ctx.now,
    prevHash,
    hash: entryHash(prevHash, content),
  }
  await tx.collection(LEDGER).doc(record._id).set({ data: fieldsOf(record) })
  await tx.collection(LEDGER_HEADS).doc(entry.companyId).set({ data: { seq, hash: record.hash, updatedAt: ctx.now } })
  return record
}
