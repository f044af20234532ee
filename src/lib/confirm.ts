import Taro from '@tarojs/taro'

/**
 * Asks before an irreversible step; resolves true only when the person taps the confirm
 * button. The platform refuses a button text over 4 characters (the dialog then never
 * shows), so a longer one falls back to 确定.
 */
export async function confirmStep(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const res = await Taro.showModal({
      title,
      content,
      confirmText: confirmText.length <= 4 ? confirmText : '确定',
      cancelText: '再想想',
      confirmColor: '#1F4E9E',
    })
    return !!res.confirm
  } catch {
    return false
  }
}
