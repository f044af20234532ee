import { PAGES } from '@contract'
/**
 * The gate code 企业码: a mini-program code printed at a company's gate. The officer
 * scans it (camera only) and lands on the preview page with `scene` = `c=<companyId>`.
 * wxacode.getUnlimited allows at most 32 visible ASCII characters and no `%`.
 */

export const GATE_CODE_PAGE = PAGES.officerPreview
const SCENE_PREFIX = 'c='
const MAX_SCENE_LENGTH = 32
const COMPANY_ID = /^[A-Za-z0-9_-]+$/

export function gateScene(companyId: string): string {
  const scene = SCENE_PREFIX + companyId
  if (!COMPANY_ID.test(companyId) || scene.length > MAX_SCENE_LENGTH) {
    throw new RangeError(`company id cannot be put in a gate code: ${companyId}`)
  }
  return scene
}

/** The company id in a scanned scene (URL-encoded or not), or null when it is not a gate code. */
export function parseScene(scene: string): string | null {
  let decoded = scene
  try {
    decoded = decodeURIComponent(scene)
  } catch {
    return null
  }
  if (!decoded.startsWith(SCENE_PREFIX) || decoded.length > MAX_SCENE_LENGTH) return null
  const companyId = decoded.slice(SCENE_PREFIX.length)
  return COMPANY_ID.test(companyId) ? companyId : null
}
