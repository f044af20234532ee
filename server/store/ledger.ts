import type { Transaction } from '../platform/db'
import { entryHash, GENESIS_HASH, type ChainedContent } from '../domain/hash-chain'
import type { CompanyRecord } from '../domain/records'
import { fieldsOf, readDoc, type Writer } from './docs'

/**
 * The monitoring-point ledger 监测点台账 (SPEC §2.11): append-only and hash-chained per
 * company. The head { seq, hash } lives on the company's gate (`companies/<id>.gate.ledger`),
 * read and moved in the same transaction that writes the entry, so two writers can never
 * take the same seq. Nothing ever updates or removes an entry.
 */

export const LEDGER = 'ledger'
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

export interface ChainHead {
  seq: number
  hash: string
}

/** The head of a company's chain, from its gate; no entries yet: seq 0 and the genesis hash. */
export const ledgerHeadOf = (company: CompanyRecord): ChainHead => company.gate?.ledger ?? { seq: 0, hash: GENESIS_HASH }

/** The stored head of a company's chain for the readers that check it, or null when it has none. */
export async function storedLedgerHead(r: Writer, companyId: string): Promise<ChainHead | null> {
  const company = await readDoc<CompanyRecord>(r, 'companies', companyId)
  return company?.gate?.ledger ?? null
}

/**
 * A monitoring point's ledger entry for a scanned visit (rule 11), after the head on the
 * company's gate, inside `tx`; null for any other company (it keeps no ledger).
 */
export async function ledgerEntryOfVisit(
  tx: Transaction,
  ctx: { now: number },
  company: CompanyRecord,
  visit: { inspectionId: string; date: string; dept: { _id: string; name: string }; officerName: string; purpose: string },
): Promise<LedgerEntryRecord | null> {
  if (!company.monitoringPoint) return null
  return appendLedgerEntry(tx, ctx, ledgerHeadOf(company), {
    companyId: company._id,
    date: visit.date,
    source: 'scan',
    inspectionId: visit.inspectionId,
    deptId: visit.dept._id,
    deptName: visit.dept.name,
    officerNames: [visit.officerName],
    purpose: visit.purpose,
    unscanned: false,
  })
}

/**
 * Appends one entry after `head` inside `tx` and answers it; the caller moves the head
 * (`{ seq: entry.seq, hash: entry.hash }`) onto the company's gate in the same transaction.
 * `ctx.now` is the entry's createdAt (part of the hash). The caller writes the audit event
 * (and raises the `unscanned` alert and counter when `unscanned`), in the same transaction.
 */
export async function appendLedgerEntry(tx: Transaction, ctx: { now: number }, head: ChainHead, entry: LedgerAppend): Promise<LedgerEntryRecord> {
  const seq = head.seq + 1
  const prevHash = head.hash
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
  await tx
    .collection(LEDGER)
    .doc(record._id)
    .set({ data: fieldsOf(record) })
  return record
}
