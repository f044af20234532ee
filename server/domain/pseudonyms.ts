import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto'

/**
 * Keeping people out of records others read (SPEC §2.9, §2.10): a complainant is found
 * again by a keyed hash of their user id (`ownerKey`), a rater is kept only as a keyed
 * hash, and the openid a complaint update is sent to is stored sealed (AES-256-GCM under
 * a key derived from the system secret). Nobody holding the database but not the secret
 * can tell who complained anonymously or who rated.
 */

/** A stable keyed hash of a user for one purpose ('complainant', 'rater', …). */
export const keyedHash = (secret: string, purpose: string, userId: string): string =>
  createHmac('sha256', secret).update(`${purpose}:${userId}`).digest('base64url').slice(0, 32)

/** The complainant's key: lists their own complaints without storing who they are. */
export const ownerKeyFor = (secret: string, userId: string): string => keyedHash(secret, 'complainant', userId)

/** The rater's key on a rating: accountable to the system, anonymous to everyone else. */
export const raterKeyFor = (secret: string, userId: string): string => keyedHash(secret, 'rater', userId)

/** An audit actor that says "this person" without saying who: `anon_<keyed hash>`. */
export const pseudonymousActor = (secret: string, userId: string): string => `anon_${keyedHash(secret, 'actor', userId).slice(0, 24)}`

const sealKey = (secret: string) => createHash('sha256').update(`seal:${secret}`).digest()

/** Encrypts a short text (an openid) so only the functions can read it back. */
export function seal(secret: string, plain: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', sealKey(secret), iv)
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
  return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.')
}

/** The sealed text, or null when it was not sealed with this secret (or was altered). */
export function unseal(secret: string, sealed: string): string | null {
  const parts = sealed.split('.')
  if (parts.length !== 3) return null
  try {
    const [iv, tag, body] = parts.map((p) => Buffer.from(p, 'base64url'))
    const decipher = createDecipheriv('aes-256-gcm', sealKey(secret), iv)
    decipher.setAuthTag(tag)
    return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')
  } catch {
    return null
  }
}
