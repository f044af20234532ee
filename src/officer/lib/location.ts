import Taro from '@tarojs/taro'

/** The phone's position for a check-in, and whether it is a real fix or the stand-in. */
export type Fix = { lat: number; lng: number; accuracy: number; real: boolean; note?: string }

/** Accuracy sent with the stand-in position: far beyond the presence threshold, so the server flags the check-in off_site. */
export const FALLBACK_ACCURACY_M = 5000

const TIMEOUT_MS = 6000

/** The promise form: Taro rejects its promise on failure even when a fail callback is given. */
async function fromWeapp(): Promise<Omit<Fix, 'real'> | string> {
  try {
    const r = await Taro.getLocation({ type: 'gcj02', isHighAccuracy: true, highAccuracyExpireTime: 4000 })
    return { lat: r.latitude, lng: r.longitude, accuracy: r.accuracy ?? r.horizontalAccuracy ?? 100 }
  } catch (e) {
    const msg = (e as { errMsg?: string })?.errMsg ?? ''
    if (/privacy|104/.test(msg)) return '未同意隐私保护指引中的位置信息授权'
    if (/auth deny|auth denied|authorize/.test(msg)) return '未授权使用位置信息（可在右上角“…”→设置中开启）'
    return '定位失败，请确认手机已开启定位服务'
  }
}

function fromBrowser(): Promise<Omit<Fix, 'real'> | string> {
  return new Promise((resolve) => {
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined
    if (!geo) return resolve('浏览器不支持定位')
    let settled = false
    const done = (v: Omit<Fix, 'real'> | string) => {
      if (!settled) {
        settled = true
        resolve(v)
      }
    }
    const timer = setTimeout(() => done('定位超时'), TIMEOUT_MS)
    geo.getCurrentPosition(
      (p) => {
        clearTimeout(timer)
        done({ lat: p.coords.latitude, lng: p.coords.longitude, accuracy: p.coords.accuracy })
      },
      (e) => {
        clearTimeout(timer)
        done(e.code === 1 ? '未授权使用位置信息' : '定位失败')
      },
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60000 },
    )
  })
}

/**
 * Asks for the position once. When it cannot be had (denied, privacy not agreed, indoors),
 * answers "no position" (0, 0 with a 5 km accuracy) and says why: the check-in still goes
 * through, and the server marks it off_site for review. The app never knows the company's
 * registered position (SPEC §6); the server computes the distance.
 */
export async function locate(): Promise<Fix> {
  const got = process.env.TARO_ENV === 'weapp' ? await fromWeapp() : await fromBrowser()
  if (typeof got !== 'string') return { ...got, real: true }
  return { lat: 0, lng: 0, accuracy: FALLBACK_ACCURACY_M, real: false, note: got }
}
