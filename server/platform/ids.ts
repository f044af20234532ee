import { createHash, randomBytes } from 'node:crypto'

/** The `users` doc id for an openid: stable, one read to resolve the caller. */
export const userIdFor = (openid: string): string => 'u_' + sha256(openid).slice(0, 24)

/** A new random id with a readable prefix (e.g. `insp_…`). */
export const newId = (prefix: string): string =>
  `${prefix}_${randomBytes(9)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex')
