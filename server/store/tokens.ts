import type { CardTokenRecord, RatingTokenRecord } from '../domain/inspection-records'
import { verifyToken, type TokenKind } from '../domain/tokens'
import { readDoc, type Writer } from './docs'

/**
 * The stored side of QR tokens (`ratingTokens/<id>`, `cardTokens/<id>`): a token is good
 * only when its signature holds AND its record exists. Both failures look the same to
 * the caller (TOKEN_INVALID), so a forged token learns nothing.
 */

export const RATING_TOKENS = 'ratingTokens'
export const CARD_TOKENS = 'cardTokens'

const COLLECTION: Record<TokenKind, string> = { r: RATING_TOKENS, c: CARD_TOKENS }

/** The token's record, or null when the token is forged, garbage, of another kind, or unknown. */
export async function readTokenRecord<K extends TokenKind>(
  r: Writer,
  kind: K,
  token: string,
  secret: string,
): Promise<(K extends 'r' ? RatingTokenRecord : CardTokenRecord) | null> {
  const id = verifyToken(token.trim(), kind, secret)
  if (!id) return null
  return readDoc(r, COLLECTION[kind], id)
}
