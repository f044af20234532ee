import Taro from '@tarojs/taro'
import { sceneFrom } from './scene'

export type ScanOutcome = { kind: 'scanned'; scene: string | null } | { kind: 'cancelled' } | { kind: 'failed'; message: string }

/**
 * Opens WeChat's scanner, camera only (a photo of someone else's code proves nothing about
 * who is at the gate), and answers the scanned code's scene (null when it carries none).
 */
export async function scanSceneWithCamera(): Promise<ScanOutcome> {
  try {
    // 'wxCode' (mini-program code) is a valid WeChat scanType missing from Taro's typings.
    const scanType = ['wxCode', 'qrCode'] as unknown as Array<keyof Taro.scanCode.ScanType>
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType })
    return { kind: 'scanned', scene: sceneFrom(res.path) ?? sceneFrom(res.result) }
  } catch (e) {
    if (/cancel/.test((e as { errMsg?: string })?.errMsg ?? '')) return { kind: 'cancelled' }
    return { kind: 'failed', message: '无法打开相机扫码，请在微信设置中允许使用相机后重试' }
  }
}
