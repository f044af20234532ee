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

/**
 * Which of the app's codes a scene belongs to: a rating code (`r.<id>.<mac>`), an officer's
 * certificate card (`c.<id>.<mac>`), a company's gate code (`c=<companyId>`), or none.
 */
export function codeKindOf(scene: string | null): 'rating' | 'card' | 'gate' | null {
  if (!scene) return null
  if (/^r\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(scene)) return 'rating'
  if (/^c\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(scene)) return 'card'
  if (/^c=[A-Za-z0-9_-]+$/.test(scene)) return 'gate'
  return null
}
