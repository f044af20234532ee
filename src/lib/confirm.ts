import Taro from '@tarojs/taro'

/** Asks before an irreversible step; resolves true only when the person taps the confirm button. */
export async function confirmStep(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#1F4E9E' })
    return !!res.confirm
  } catch {
    return false
  }
}
