import { createHash } from 'node:crypto'

/**
 * The monitoring-point ledger's hash chain (rule 11): each entry stores the previous
 * entry's hash, and its own hash covers its content and that link. Changing any stored
 * entry breaks every hash from there on.
 */

export const GENESIS_HASH = '0'.repeat(64)

/** The fields an entry's hash covers, in a fixed order. */
export interface ChainedContent {
  companyId: string
  seq: number
  date: string
  source: string
  inspectionId?: string | null
  deptId?: string | null
  deptName: string
  officerNames: string[]
  purpose: string
  note?: string | null
  unscanned: boolean
  createdAt: number
}

/** Canonical JSON: keys sorted, undefined → null, so the same content always hashes the same. */
export function canonical(value: unknown): string {
  if (value === undefined || value === null) return 'null'
  if (Array.isArray(value)) return '[' + value.map(canonical).join(',') + ']'
  if (typeof value === 'object') {
    const obj = value as Record<string, unknown>
    return (
      '{' +
      Object.keys(obj)
        .sort()
        .map((k) => JSON.stringify(k) + ':' + canonical(obj[k]))
        .join(',') +
      '}'
    )
  }
  return JSON.stringify(value)
}

export function entryHash(prevHash: string, content: ChainedContent): string {
  const fields: ChainedContent = {
    companyId: content.companyId,
    seq: content.seq,
    date: content.date,
    source: content.source,
    inspectionId: content.inspectionId ?? null,
    deptId: content.deptId ?? null,
    deptName: content.deptName,
    officerNames: content.officerNames,
    purpose: content.purpose,
    note: content.note ?? null,
    unscanned: content.unscanned,
    createdAt: content.createdAt,
  }
  return createHash('sha256')
    .update(prevHash + '\n' + canonical(fields))
    .digest('hex')
}

/**
 * Verifies entries in seq order starting at `startSeq` after `prevHash`.
 * Answers the first broken seq, or null when the chain holds.
 */
export function verifyChain(
  entries: Array<ChainedContent & { prevHash: string; hash: string }>,
  prevHash = GENESIS_HASH,
  startSeq = 1,
): { ok: boolean; brokenAt: number | null; lastHash: string } {
  let expectedPrev = prevHash
  let expectedSeq = startSeq
  for (const e of entries) {
    if (e.seq !== expectedSeq || e.prevHash !== expectedPrev || entryHash(e.prevHash, e) !== e.hash) {
      return { ok: false, brokenAt: e.seq, lastHash: expectedPrev }
    }
    expectedPrev = e.hash
    expectedSeq++
  }
  return { ok: true, brokenAt: null, lastHash: expectedPrev }
}
