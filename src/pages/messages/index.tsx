import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import type { Message } from '@contract'
import { messages } from '@/services/account/messages'
import { markRead } from '@/services/account/mark-read'
import { ErrorBox } from '@/components/ErrorBox'
import { LoadMore } from '@/components/LoadMore'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { chinaLongDateTime } from '@/lib/china-time'
import { usePagedList } from '@/hooks/usePagedList'
import './index.css'

/** What tapping a message opens, in words. */
const OPEN_WORDS: Record<Message['kind'], string> = {
  checkin_notice: '查看检查告知 ›',
  result_notice: '去评价 ›',
  complaint_update: '查看投诉进度 ›',
  complaint_new: '去处理 ›',
  overdue_reminder: '去录入结果 ›',
}

/** 消息: the inbox of every role (SPEC §2.22), newest first; tapping a message marks it read and opens what it is about. */
export default function Messages() {
  const [unread, setUnread] = useState(0)
  const { items, setItems, cursor, error, setError, busy, load } = usePagedList((cursor) => messages(cursor ? { cursor } : {}), {
    settled: () => Taro.stopPullDownRefresh(),
    onPage: (page) => setUnread(page.unread),
  })

  useDidShow(() => void load(false))
  usePullDownRefresh(() => void load(false))

  const markLocally = (ids: string[], updated: number) => {
    setItems((cur) => cur?.map((m) => (ids.includes(m.id) ? { ...m, read: true } : m)) ?? cur)
    setUnread((n) => Math.max(0, n - updated))
  }

  const open = async (m: Message) => {
    if (!m.read) {
      const res = await markRead([m.id])
      if (res.ok) markLocally([m.id], res.data.updated)
    }
    if (m.page) void Taro.navigateTo({ url: `/${m.page}` })
  }

  const readAll = async () => {
    const ids = (items ?? []).filter((m) => !m.read).map((m) => m.id)
    if (!ids.length) return
    const res = await markRead(ids.slice(0, 100))
    if (!res.ok) return setError(res.error.message)
    markLocally(ids, res.data.updated)
  }

  return (
    <PageShell id='page-messages' title='消息' subtitle={unread ? `${unread} 条未读` : '没有未读消息'}>
      {error ? <ErrorBox message={error} /> : null}
      {!items && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <View className='empty' id='messages-empty'>
          <Text className='empty__title'>暂无消息</Text>
          <Text className='empty__detail'>入企检查告知、检查结果、投诉进度和待办提醒会显示在这里。</Text>
        </View>
      ) : null}
      {unread > 0 ? (
        <Button id='btn-read-all' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void readAll()}>
          全部标为已读
        </Button>
      ) : null}
      {items?.map((m) => (
        <View
          key={m.id}
          id={`message-${m.id}`}
          className={`list-item msg-item msg-item--${m.kind}${m.read ? '' : ' msg-item--unread'}`}
          hoverClass='list-item--hover'
          onClick={() => void open(m)}
        >
          <View className='list-item__head'>
            <Text className='list-item__title'>{m.title}</Text>
            {m.read ? null : <Text className='msg-item__dot'>未读</Text>}
          </View>
          <Text className='msg-item__time'>{chinaLongDateTime(m.at)}</Text>
          <Text className='msg-item__body'>{m.body}</Text>
          {m.page ? <Text className='msg-item__open'>{OPEN_WORDS[m.kind]}</Text> : null}
        </View>
      ))}
      <LoadMore cursor={cursor} busy={busy} onMore={() => void load(true)} />
    </PageShell>
  )
}
