import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Inspection, InspectionStatus } from '@contract'
import { listInspections } from '@/services/inspection/list'
import { ErrorBox } from '@/components/ErrorBox'
import { LoadMore } from '@/components/LoadMore'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { sourceLabel } from '@/lib/labels'
import { chinaDateTime } from '@/lib/china-time'
import { detailUrl } from '../lib/urls'
import { useRuleWords } from '@/hooks/useRuleWords'
import './index.css'

const TABS: { key: InspectionStatus; label: string }[] = [
  { key: 'open', label: '进行中' },
  { key: 'overdue', label: '红灯' },
  { key: 'closed', label: '已结束' },
  { key: 'withdrawn', label: '已撤回' },
]

const EMPTY: Record<InspectionStatus, string> = {
  open: '没有进行中的检查。',
  overdue: '没有逾期未录入结果的检查，继续保持。',
  closed: '还没有已结束的检查。',
  withdrawn: '没有撤回的检查。',
}

function Item({ it }: { it: Inspection }) {
  const words = useRuleWords()
  const name = it.companyName ?? '企业'
  const go = () => void Taro.navigateTo({ url: detailUrl(it.id) })
  const overdue = it.status === 'overdue'
  return (
    <View
      className={`card inspection-item${overdue ? ' inspection-item--overdue' : ''}`}
      id={`inspection-${it.id}`}
      hoverClass='inspection-item--hover'
      onClick={go}
    >
      <View className='list-item__head'>
        <Text className='list-item__title'>{name}</Text>
        {overdue ? (
          <StatusBadge tone='bad' text='红灯' />
        ) : it.status === 'open' ? (
          <StatusBadge tone='info' text='进行中' />
        ) : it.status === 'withdrawn' ? (
          <StatusBadge tone='muted' text='已撤回' />
        ) : (
          <StatusBadge tone='ok' text='已结束' />
        )}
      </View>
      <Text className='inspection-item__meta'>
        {chinaDateTime(it.checkInAt)} 入企 · {sourceLabel(it)} · {it.officerNames.join('、')}
      </Text>
      {overdue ? (
        <Text className='inspection-item__alert'>已超过 {chinaDateTime(it.dueAt)} 的结果录入期限，请立即录入结果</Text>
      ) : it.status === 'open' ? (
        <Text className='inspection-item__due'>
          请于 {chinaDateTime(it.dueAt)} 前录入结果{words && it.officerIds.length < words.minOfficers ? ' · 尚缺执法人员扫码加入' : ''}
        </Text>
      ) : it.status === 'withdrawn' ? (
        <Text className='inspection-item__due'>撤回原因：{it.withdrawal?.reason ?? ''}</Text>
      ) : (
        <Text className='inspection-item__due'>
          {it.rating.state === 'rated' ? '企业已评价' : it.rating.state === 'issued' ? '点此出示评价码' : '已录入结果'}
        </Text>
      )}
      {it.flags.length > 0 ? (
        <View className='badge-row'>
          {it.flags.map((f) => (
            <StatusBadge key={f} tone='warn' text={words?.flags[f]?.title ?? ''} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** 我的检查: open, red-light (overdue) and closed inspections; tap one to record its result or show its rating code. */
export default function MyInspections() {
  const words = useRuleWords()
  const [tab, setTab] = useState<InspectionStatus>('open')
  const [items, setItems] = useState<Inspection[] | null>(null)
  const [cursor, setCursor] = useState<string | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const load = async (status: InspectionStatus, after?: string) => {
    setBusy(true)
    setError('')
    const res = await listInspections({ status, ...(after ? { cursor: after } : {}) })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setItems((prev) => (after && prev ? [...prev, ...res.data.items] : res.data.items))
    setCursor(res.data.cursor)
  }

  useDidShow(() => {
    void load(tab)
  })

  const pick = (key: InspectionStatus) => {
    if (key === tab) return
    setTab(key)
    setItems(null)
    setCursor(undefined)
    void load(key)
  }

  return (
    <PageShell id='page-my-inspections'>
      <View className='tabs'>
        {TABS.map((t) => (
          <View key={t.key} id={`tab-${t.key}`} className={`tab tab--${t.key}${t.key === tab ? ' tab--on' : ''}`} onClick={() => pick(t.key)}>
            <Text>{t.label}</Text>
          </View>
        ))}
      </View>
      {tab === 'overdue' ? <Text className='note note--bad tabs-note'>红灯：{words?.redLight ?? ''}。</Text> : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <View className='empty' id='empty'>
          <Text className='empty__detail'>{EMPTY[tab]}</Text>
        </View>
      ) : null}
      <View id='inspection-list'>
        {items?.map((it) => (
          <Item key={it.id} it={it} />
        ))}
      </View>
      <LoadMore cursor={cursor} busy={busy} onMore={() => void load(tab, cursor)} />
    </PageShell>
  )
}
