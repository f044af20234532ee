import { useEffect } from 'react'
import Taro from '@tarojs/taro'

/** After a successful bind, return to home (which reloads the caller's roles) once `when` is true. */
export function useGoHomeLater(when: boolean, delayMs = 2000) {
  useEffect(() => {
    if (!when) return
    const t = setTimeout(() => void Taro.reLaunch({ url: '/pages/home/index' }), delayMs)
    return () => clearTimeout(t)
  }, [when, delayMs])
}
