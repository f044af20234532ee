import QRCode from 'qrcode'
import type { CodeMaker } from '../server/platform/context'

/**
 * Mini-program codes stand-in: a plain QR code of the H5 URL of the page, carrying the
 * scene as the page would receive it (`decodeURIComponent(router.params.scene)`).
 * The same input limits as `wxacode.getUnlimited`, so what works here works in the cloud.
 */

/** wxacode.getUnlimited: at most 32 visible characters from this set (no `%`). */
const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/
/** A page path as wxacode wants it: no leading slash, no query. */
const PAGE = /^[A-Za-z0-9_\-]+(\/[A-Za-z0-9_\-]+)*$/

/** The H5 link a scanned code opens: `/#/<page>?scene=<encoded scene>`. */
export function codeLink(scene: string, page: string): string {
  if (typeof scene !== 'string' || !SCENE.test(scene))
    throw new Error(`invalid scene for a mini-program code (≤ 32 of [0-9A-Za-z!#$&'()*+,/:;=?@-._~]): ${JSON.stringify(scene)}`)
  if (typeof page !== 'string' || !PAGE.test(page))
    throw new Error(`invalid page for a mini-program code (e.g. "pages/bind/index", no leading slash): ${JSON.stringify(page)}`)
  return `/#/${page}?scene=${encodeURIComponent(scene)}`
}

export interface QrCodesOptions {
  /** Prefix for the encoded link, e.g. `http://192.168.1.5:8080` so a phone can open it; default none. */
  origin?: string
}

export function createQrCodes(options: QrCodesOptions = {}): CodeMaker {
  return {
    async image({ scene, page }) {
      return QRCode.toDataURL((options.origin ?? '') + codeLink(scene, page), { errorCorrectionLevel: 'M', margin: 2, width: 280 })
    },
  }
}
