/**
 * Reads a mini-program code's scene out of whatever the scanner or the person gave us: a
 * mini-program path (`officer/preview/index?scene=c%3Dco_0001`), an H5 link
 * (`http://…/#/…?scene=…`), or the bare scene (`c=co_0001`, a token). Answers the decoded
 * scene, or null when there is none.
 */
export function sceneFrom(raw: string | undefined | null): string | null {
  const text = (raw ?? '').trim()
  if (!text) return null
  const m = /[?&#]scene=([^&#\s]+)/.exec(text)
  let decoded = m ? m[1] : text
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    return null
  }
  // A scene is ≤ 32 visible ASCII characters (wxacode.getUnlimited).
  return /^[\x21-\x7e]{1,32}$/.test(decoded) ? decoded : null
}
