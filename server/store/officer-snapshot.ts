import type { Ctx, OfficerSnapshot, UserRecord } from '../platform/context'
import type { DocData, Transaction } from '../platform/db'
import type { DepartmentRecord, OfficerRecord } from '../domain/records'
import { readDoc } from './docs'

/**
 * The copy of a bound officer's certificate and department on their user document
 * (`users/<id>.officer`, see OfficerSnapshot). The officer and department documents stay
 * the source of truth; every handler that changes a copied field rewrites the copy in the
 * same transaction (upsertDepartment: right after it, one multi-document update).
 * Certificate expiry needs no write: `certExpiresAt` is copied and the state is computed
 * when the certificate is looked at.
 */

export function officerSnapshot(
  officer: Pick<OfficerRecord, '_id' | 'name' | 'certNo' | 'certStatus' | 'certExpiresAt' | 'deptId'>,
  dept: Pick<DepartmentRecord, '_id' | 'name' | 'region'>,
): OfficerSnapshot {
  return {
    officerId: officer._id,
    name: officer.name,
    certNo: officer.certNo,
    certStatus: officer.certStatus,
    certExpiresAt: officer.certExpiresAt,
    deptId: dept._id,
    deptName: dept.name,
    deptRegion: dept.region,
  }
}

/**
 * Rewrites the whole copy on the user `officer.userId` is bound to, from `officer` as it
 * will be stored and its department, both read inside `tx` (so a rename committing beside
 * this write cannot leave the old name behind). `also` adds fields to the same update
 * (name, deptId, …), given the user as stored. A user bound before the copy existed gets
 * one here. Without the department the copy is dropped, and the gate falls back to
 * reading the documents. Nothing is written for an unbound officer, a missing user, or a
 * user that names another officer.
 */
export async function rewriteOfficerSnapshot(
  ctx: Ctx,
  tx: Transaction,
  officer: OfficerRecord,
  also: (user: UserRecord) => DocData = () => ({}),
): Promise<void> {
  if (!officer.userId) return
  const user = await readDoc<UserRecord>(tx, 'users', officer.userId)
  if (!user || user.officerId !== officer._id) return
  const dept = await readDoc<DepartmentRecord>(tx, 'departments', officer.deptId)
  const officerField = dept ? officerSnapshot(officer, dept) : ctx.db.command.remove()
  await tx
    .collection('users')
    .doc(user._id)
    .update({ data: { ...also(user), officer: officerField, updatedAt: ctx.now } })
}
