import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Complaint } from '@contract'
import { myComplaints } from '@/services/enterprise/complaints'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_FOR_COMPANY, TIMELINE_FOR_COMPANY } from '@/lib/labels'
import { complainUrl } from '../lib/urls'
import { chinaDateTime, chinaLongDateTime, chinaMonthDay } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import '../lib/enterprise.css'
import './index.css'

/** 我的投诉: the company's complaints with status and the supervisors' timeline (accepted, replied, closed). */
export default function Complaints() {
  const words = useRuleWords()
  const [items, setItems] = useState<Complaint[] | null>(null)
  const [error, setError] = useState('')

  useDidShow(() => {
    void myComplaints().then((res) => {
      if (!res.ok) return setError(res.error.message)
      setError('')
      setItems([...res.data.items].sort((a, b) => b.receivedAt - a.receivedAt))
    })
  })

  return (
    <PageShell id='page-complaints' title='我的投诉' subtitle='投诉由执法监督部门办理，被投诉单位看不到投诉内容和投诉人。'>
      {error ? <ErrorBox message={error} /> : null}
      {!items && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <View className='empty' id='complaints-empty'>
          <Text className='empty__title'>暂无投诉</Text>
          <Text className='empty__detail'>对执法检查有意见，可随时投诉举报。</Text>
        </View>
      ) : null}
      {items?.map((c) => {
        const status = COMPLAINT_STATUS_FOR_COMPANY[c.status]
        const open = c.status === 'received' || c.status === 'accepted'
        return (
          <View key={c.id} id={`complaint-${c.id}`} className='list-item complaint-item'>
            <View className='list-item__head'>
              <Text className='list-item__title'>{COMPLAINT_CATEGORY_LABELS[c.category] ?? c.category}</Text>
              <StatusBadge tone={c.overdue && open ? 'bad' : status.tone} text={c.overdue && open ? '已超期' : status.text} />
            </View>
            <Text className='list-item__meta'>
              {chinaLongDateTime(c.receivedAt)} 提交{c.anonymous ? ' · 匿名' : ''}
            </Text>
            <Text className='complaint-item__content'>{c.content}</Text>
            {open ? (
              <Text className={`complaint-item__due${c.overdue ? ' complaint-item__due--bad' : ''}`}>答复期限：{chinaMonthDay(c.dueAt)}{words ? `（${words.complaintDue}）` : ''}</Text>
            ) : null}
            <View className='timeline'>
              {c.timeline.map((e, n) => (
                <View key={n} className={`timeline__event${n === c.timeline.length - 1 ? ' timeline__event--last' : ''}`}>
                  <View className='timeline__dot' />
                  <View className='timeline__body'>
                    <Text className='timeline__title'>
                      {TIMELINE_FOR_COMPANY[e.action] ?? e.action}
                      <Text className='timeline__at'> {chinaDateTime(e.at)}</Text>
                    </Text>
                    {e.text && e.action !== 'received' ? <Text className='timeline__text'>{e.text}</Text> : null}
                  </View>
                </View>
              ))}
            </View>
          </View>
        )
      })}
      <Button id='btn-new-complaint' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: complainUrl() })}>
        新的投诉
      </Button>
    </PageShell>
  )
}
