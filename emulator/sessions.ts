import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Emulator session tokens: `<base64url(openid)>.<hmac>`. Stateless and signed with the
 * database's secret, so tokens survive an emulator restart on the same database.
 */
export function issueToken(openid: string, secret: string): string {
  const body = Buffer.from(openid, 'utf8').toString('base64url')
  return `${body}.${sign(body, secret)}`
}

/** The openid of a valid token, or null. */
export function openidOfToken(token: string, secret: string): string | null {
  const dot = token.indexOf('.')
  if (dot <= 0 || token.length > 512) return null
  const body = token.slice(0, dot)
  const mac = Buffer.from(token.slice(dot + 1))
  const expected = Buffer.from(sign(body, secret))
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected)) return null
  return Buffer.from(body, 'base64url').toString('utf8')
}

const sign = (body: string, secret: string) =>
  createHmac('sha256', secret)
    .update('session:' + body)
    .digest('base64url')
