import Taro from '@tarojs/taro'
import { TOKEN_KEY } from './session'

/**
 * A stored file's address for the browser (H5 on the emulator): `/api/files/…` is served
 * to a signed-in caller only, and a download link cannot send a header, so the session
 * travels as `?session=`. In WeChat the answer carries a cloud fileID or a temporary URL,
 * used as it is.
 */
export function downloadHref(url: string): string {
  if (!url.startsWith('/') || process.env.TARO_ENV !== 'h5') return url
  const token: string = Taro.getStorageSync(TOKEN_KEY) || ''
  return `${API_BASE}${url}${token ? `${url.includes('?') ? '&' : '?'}session=${encodeURIComponent(token)}` : ''}`
}
