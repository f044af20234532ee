/**
 * Reads a gate code's scene out of whatever the scanner or the officer gave us:
 * a mini-program path (`officer/preview/index?scene=c%3Dco_0001`), an H5 link
 * (`http://…/#/officer/preview/index?scene=c%3Dco_0001`), or the bare scene (`c=co_0001`).
 * Answers the decoded scene, or null when there is none.
 */
export function sceneFrom(raw: string | undefined | null): string | null {
  const text = (raw ?? '').trim()
  if (!text) return null
  const m = /[?&#]scene=([^&#\s]+)/.exec(text)
  const candidate = m ? m[1] : text
  let decoded = candidate
  try {
    decoded = decodeURIComponent(candidate)
  } catch {
    return null
  }
  // A scene is ≤ 32 visible ASCII characters (wxacode.getUnlimited).
  return /^[\x21-\x7e]{1,32}$/.test(decoded) ? decoded : null
}

/** The page a gate code opens, with its scene. */
export const previewUrl = (scene: string) => `/officer/preview/index?scene=${encodeURIComponent(scene)}`
