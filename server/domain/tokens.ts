import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * Short signed tokens for QR codes (rating codes, certificate cards): `<kind>.<id>.<mac>`,
 * 29 characters, so they fit a mini-program code's 32-character scene. The id is random
 * (60 bits) and the MAC (96 bits) is keyed with the system secret: a token cannot be
 * guessed or forged, and it is never an inspection id. Expiry and single use are kept
 * server-side with the token's record.
 */
export type TokenKind = 'r' | 'c'

const ID_LEN = 10
const MAC_LEN = 16
const PATTERN = /^([rc])\.([A-Za-z0-9_-]{10})\.([A-Za-z0-9_-]{16})$/

export function mintToken(kind: TokenKind, secret: string): { token: string; id: string } {
  const id = randomBytes(8).toString('base64url').slice(0, ID_LEN)
  return { token: `${kind}.${id}.${mac(kind, id, secret)}`, id }
}

/** The token for a stored id again (to show an unexpired code a second time). */
export const tokenFromId = (kind: TokenKind, id: string, secret: string): string => `${kind}.${id}.${mac(kind, id, secret)}`

/** The token's id when its signature is right and its kind is the one expected; else null. */
export function verifyToken(token: string, kind: TokenKind, secret: string): string | null {
  const m = PATTERN.exec(token)
  if (!m || m[1] !== kind) return null
  const given = Buffer.from(m[3])
  const expected = Buffer.from(mac(kind, m[2], secret))
  return given.length === expected.length && timingSafeEqual(given, expected) ? m[2] : null
}

const mac = (kind: string, id: string, secret: string) => createHmac('sha256', secret).update(`token:${kind}:${id}`).digest('base64url').slice(0, MAC_LEN)
