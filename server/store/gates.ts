import type { Transaction } from '../platform/db'
import type { CompanyGate } from '../domain/gate'
import type { CompanyRecord } from '../domain/records'
import { fieldsOf, readDoc } from './docs'

/**
 * Reading and writing a company's gate state (server/domain/gate.ts) inside a transaction.
 * The company document is read in the transaction and written back whole with the new
 * gate: `set`, not `update`, so pruned parts really go (an update would merge them back),
 * and the read–write pair serialises the writers of one company's gate.
 */

export const COMPANIES = 'companies'

/** The company as it stands inside `tx`, or null. */
export const companyInTx = (tx: Transaction, companyId: string): Promise<CompanyRecord | null> => readDoc<CompanyRecord>(tx, COMPANIES, companyId)

/** Writes `company` back with `gate` (the roster fields exactly as read in the same transaction). */
export async function saveGate(tx: Transaction, company: CompanyRecord, gate: CompanyGate): Promise<void> {
  const { gate: _old, ...roster } = company
  await tx
    .collection(COMPANIES)
    .doc(company._id)
    .set({ data: fieldsOf({ ...roster, ...(Object.keys(gate).length ? { gate } : {}) }) })
}
