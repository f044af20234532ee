import { useState } from 'react'
import type { Result } from '@contract'

/**
 * A list read page by page: `load(false)` reads the first page again, `load(true)` appends
 * the next one (from the last answer's cursor). `onPage` sees every answer (e.g. an
 * unread count beside the items); `settled` runs when a read ends, answered or not.
 */
export function usePagedList<P extends { items: unknown[]; cursor?: string }>(
  read: (cursor?: string) => Promise<Result<P>>,
  hooks: { onPage?: (page: P) => void; settled?: () => void } = {},
) {
  const [items, setItems] = useState<P['items'] | null>(null)
  const [cursor, setCursor] = useState<string | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async (more: boolean) => {
    setBusy(true)
    const res = await read(more ? cursor : undefined)
    setBusy(false)
    hooks.settled?.()
    if (!res.ok) return setError(res.error.message)
    setError('')
    hooks.onPage?.(res.data)
    setItems((cur) => (more && cur ? [...cur, ...res.data.items] : res.data.items))
    setCursor(res.data.cursor)
  }

  return { items, setItems, cursor, error, setError, busy, load }
}
