import Taro from '@tarojs/taro'
import { TOKEN_KEY } from './session'

/** A demo identity offered by the emulator's dev mode (not part of the cloud contract). */
export type Persona = { openid: string; name: string; roles: string[]; label: string }

/** H5 + emulator dev mode only: the demo identities; null when dev mode is off or unreachable. */
export async function listPersonas(): Promise<Persona[] | null> {
  if (process.env.TARO_ENV !== 'h5') return null
  try {
    const res = await fetch(`${API_BASE}/api/dev/personas`)
    if (!res.ok) return null
    const body = (await res.json()) as { items?: unknown }
    return Array.isArray(body.items) ? (body.items as Persona[]) : null
  } catch {
    return null
  }
}

/** H5 + emulator dev mode only: signs in as `openid` and keeps the session token; false on failure. */
export async function devLogin(openid: string): Promise<boolean> {
  if (process.env.TARO_ENV !== 'h5') return false
  try {
    const res = await fetch(`${API_BASE}/api/dev/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ openid }),
    })
    if (!res.ok) return false
    const body = (await res.json()) as { token?: unknown }
    if (typeof body.token !== 'string') return false
    Taro.setStorageSync(TOKEN_KEY, body.token)
    return true
  } catch {
    return false
  }
}
