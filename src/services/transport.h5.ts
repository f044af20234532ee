import Taro from '@tarojs/taro'
import { TOKEN_KEY } from './session'
import type { Transport } from './transport'

/** Local emulator: POST /api/fn/<name> with the session token; answers the envelope as JSON. */
export const transport: Transport = async (name, event) => {
  const token: string = Taro.getStorageSync(TOKEN_KEY) || ''
  const res = await fetch(`${API_BASE}/api/fn/${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(event),
  })
  return res.json()
}
