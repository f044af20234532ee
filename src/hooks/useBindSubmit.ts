import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Result } from '@contract'

/**
 * The bind pages' submit: one request at a time, a form problem or the server's message as
 * the error, and back to home (which reloads the caller's roles) 2 s after success.
 */
export function useBindSubmit() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const [done, setDone] = useState(false)

  useEffect(() => {
    if (!done) return
    const t = setTimeout(() => void Taro.reLaunch({ url: '/pages/home/index' }), 2000)
    return () => clearTimeout(t)
  }, [done])

  /** `problem`: what is wrong with the form ('' when nothing); `send` is called only when nothing is. */
  const submit = async (problem: string, send: () => Promise<Result<unknown>>) => {
    if (busy) return
    if (problem) return setError(problem)
    setBusy(true)
    setError('')
    const res = await send()
    setBusy(false)
    if (res.ok) setDone(true)
    else setError(res.error.message)
  }

  return { busy, error, done, submit }
}
