import { randomInt } from 'node:crypto'
import { sha256 } from '../platform/ids'

/**
 * Bind codes 绑定码: short single-use secrets an admin hands to an officer or a company
 * contact, typed once on the bind page. Only `sha256(secret + code)` is stored, so a
 * database reader cannot bind as anybody.
 */

/** No 0/O, 1/I/L, 5/S, 8/B, 2/Z, U/V: easy to read aloud and to type from paper. */
export const BIND_CODE_ALPHABET = 'ACDEFGHJKMNPQRTWXY34679'
export const BIND_CODE_LENGTH = 8
/** Codes issued by an admin expire after this many days unless used (seeded demo codes do not expire). */
export const BIND_CODE_TTL_DAYS = 30

/** A fresh code from a cryptographic random source, e.g. 'K7MXQ3TA'. */
export function generateBindCode(): string {
  let code = ''
  for (let i = 0; i < BIND_CODE_LENGTH; i++) code += BIND_CODE_ALPHABET[randomInt(BIND_CODE_ALPHABET.length)]
  return code
}

/** What a person typed, in canonical form: upper case, without spaces or dashes. */
export const normalizeBindCode = (typed: string): string => typed.toUpperCase().replace(/[\s-]/g, '')

/** The stored form of a code. */
export const hashBindCode = (code: string, secret: string): string => sha256(secret + normalizeBindCode(code))

export type BindCodeKind = 'officer' | 'enterprise'

/** A stored bind code (`bindCodes` collection). */
export interface BindCodeRecord {
  _id: string
  kind: BindCodeKind
  /** officers/<id> or companies/<id>. */
  subjectId: string
  codeHash: string
  createdAt: number
  expiresAt?: number
  usedAt?: number
  usedBy?: string
  /** Set when a newer code for the same subject replaced this unused one. */
  voidedAt?: number
}

export type BindCodeState = 'usable' | 'used' | 'voided' | 'expired'

export function bindCodeState(record: BindCodeRecord, now: number): BindCodeState {
  if (record.usedAt !== undefined) return 'used'
  if (record.voidedAt !== undefined) return 'voided'
  if (record.expiresAt !== undefined && now > record.expiresAt) return 'expired'
  return 'usable'
}
