/**
 * Reads a code's token out of whatever the scanner or the person gave us: a mini-program
 * path (`enterprise/verify-officer/index?scene=c.xxx`), an H5 link (`http://…/#/…?scene=…`),
 * or the bare token. Answers the decoded token, or null when there is none.
 */
export function tokenFrom(raw: string | undefined | null): string | null {
  const text = (raw ?? '').trim()
  if (!text) return null
  const m = /[?&#]scene=([^&#\s]+)/.exec(text)
  let decoded = m ? m[1] : text
  try {
    decoded = decodeURIComponent(decoded)
  } catch {
    return null
  }
  // A mini-program code's scene: ≤ 32 visible ASCII characters.
  return /^[\x21-\x7e]{1,32}$/.test(decoded) ? decoded : null
}

/** The complain page, optionally about one inspection. */
export const complainUrl = (inspectionId?: string) => (inspectionId ? `/enterprise/complain/index?inspectionId=${encodeURIComponent(inspectionId)}` : '/enterprise/complain/index')
