import type { LedgerEntry } from '@contract'
import type { Ctx } from '../platform/context'
import { MAX_GET } from '../platform/db'
import { verifyChain } from '../domain/hash-chain'
import type { InspectionRecord } from '../domain/inspection-records'
import { LEDGER, storedLedgerHead, type LedgerEntryRecord } from './ledger'
import { readByIds } from './paging'

/**
 * A company's ledger entries in seq order, a page of the cloud's 100 at a time; `visit`
 * answers false to stop. Answers the seq of the last entry visited (0: none).
 */
export async function forEachLedgerPage(ctx: Ctx, companyId: string, visit: (page: LedgerEntryRecord[]) => boolean | void): Promise<number> {
  const _ = ctx.db.command
  let lastSeq = 0
  for (;;) {
    const got = await ctx.db
      .collection(LEDGER)
      .where({ companyId, seq: _.gt(lastSeq) })
      .orderBy('seq', 'asc')
      .limit(MAX_GET)
      .get()
    const page = got.data as unknown as LedgerEntryRecord[]
    if (page.length > 0) lastSeq = page[page.length - 1].seq
    if (visit(page) === false || page.length < MAX_GET) return lastSeq
  }
}

/**
 * Reading a company's ledger: the WHOLE chain, in seq order, so `chainOk` covers every
 * entry, not just the requested range. The chain must also end where the head says it
 * does (a removed last entry breaks it too).
 */
export async function readWholeChain(ctx: Ctx, companyId: string): Promise<{ entries: LedgerEntryRecord[]; chainOk: boolean; brokenAt: number | null }> {
  const entries: LedgerEntryRecord[] = []
  await forEachLedgerPage(ctx, companyId, (page) => {
    entries.push(...page)
  })
  const verdict = verifyChain(entries)
  const head = await storedLedgerHead(ctx.db, companyId)
  const last = entries[entries.length - 1]
  const headOk = head ? !!last && head.seq === last.seq && head.hash === last.hash : entries.length === 0
  const brokenAt = verdict.brokenAt ?? (headOk ? null : (last?.seq ?? 0) + 1)
  return { entries, chainOk: verdict.ok && headOk, brokenAt }
}

/** The inspections entries point at (scan: inspectionId; manual: matchedInspectionId), by id. */
export async function inspectionsOf(ctx: Ctx, entries: LedgerEntryRecord[]): Promise<Map<string, InspectionRecord>> {
  const ids = entries.map((e) => e.inspectionId ?? e.matchedInspectionId).filter((x): x is string => !!x)
  return new Map((await readByIds<InspectionRecord>(ctx.db, 'inspections', ids)).map((r) => [r._id, r]))
}

export function toLedgerEntryView(e: LedgerEntryRecord): LedgerEntry {
  return {
    id: e._id,
    companyId: e.companyId,
    seq: e.seq,
    date: e.date,
    source: e.source,
    ...(e.inspectionId ? { inspectionId: e.inspectionId } : {}),
    ...(e.matchedInspectionId !== undefined ? { matchedInspectionId: e.matchedInspectionId } : {}),
    ...(e.deptId ? { deptId: e.deptId } : {}),
    deptName: e.deptName,
    officerNames: [...e.officerNames],
    purpose: e.purpose,
    ...(e.note ? { note: e.note } : {}),
    unscanned: e.unscanned,
    createdAt: e.createdAt,
    prevHash: e.prevHash,
    hash: e.hash,
  }
}

export const inRange = (date: string, from?: string, to?: string): boolean => (from === undefined || date >= from) && (to === undefined || date <= to)
