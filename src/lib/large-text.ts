import Taro from '@tarojs/taro'

/**
 * Large-text mode 大字模式 (适老化): one tap on home, kept on the phone, applied by every page's
 * frame (components/PageShell.tsx) as the `page--large` class, which enlarges everything on
 * the page by a quarter (app.css).
 */
const KEY = 'ip.largeText'

export const isLargeText = (): boolean => {
  try {
    return Taro.getStorageSync(KEY) === '1'
  } catch {
    return false
  }
}

export function setLargeText(on: boolean): void {
  Taro.setStorageSync(KEY, on ? '1' : '0')
}
