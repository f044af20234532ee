import { Button } from '@tarojs/components'

type Props = {
  /** Where the list continues from; nothing is shown without one. */
  cursor: string | undefined
  busy: boolean
  onMore: () => void
  id?: string
}

/** The button under a list that reads its next page. */
export function LoadMore({ cursor, busy, onMore, id = 'btn-more' }: Props) {
  if (!cursor) return null
  return (
    <Button id={id} className='btn btn--ghost' hoverClass='btn--hover' disabled={busy} onClick={() => (busy ? undefined : onMore())}>
      {busy ? '正在加载…' : '加载更多'}
    </Button>
  )
}
