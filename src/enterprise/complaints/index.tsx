import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Complaint } from '@contract'
import { myComplaints } from '@/services/enterprise/complaints'
import { rateReply } from '@/services/enterprise/rate-reply'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_FOR_COMPANY, TIMELINE_FOR_COMPANY } from '@/lib/labels'
import { complainUrl, inspectionNoticeUrl } from '../lib/urls'
import { chinaDateTime, chinaLongDateTime, chinaMonthDay, longDate } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import '../lib/enterprise.css'
import './index.css'

/** After a reply: did it help? One tap each way, once. */
function ReplyVerdict({ c, onRated, onError }: { c: Complaint; onRated: (c: Complaint) => void; onError: (m: string) => void }) {
  const [busy, setBusy] = useState(false)
  if (c.replyRating) {
    return (
      <Text className='note' id={`reply-rated-${c.id}`}>
        您对答复的评价：{c.replyRating.satisfied ? '满意' : '不满意'}
        {c.replyRating.comment ? `（${c.replyRating.comment}）` : ''}
      </Text>
    )
  }
  if (c.status !== 'replied' && c.status !== 'closed') return null
  const send = async (satisfied: boolean) => {
    setBusy(true)
    const res = await rateReply({ complaintId: c.id, satisfied })
    setBusy(false)
    if (!res.ok) return onError(res.error.message)
    onRated(res.data.complaint)
  }
  return (
    <View className='reply-verdict' id={`reply-verdict-${c.id}`}>
      <Text className='note'>监督部门的答复解决您的问题了吗？</Text>
      <View className='reply-verdict__buttons'>
        <Button
          id={`btn-reply-ok-${c.id}`}
          className={`btn reply-verdict__btn${busy ? ' btn--disabled' : ''}`}
          hoverClass='btn--hover'
          onClick={() => void (busy ? null : send(true))}
        >
          满意
        </Button>
        <Button
          id={`btn-reply-bad-${c.id}`}
          className={`btn btn--ghost reply-verdict__btn${busy ? ' btn--disabled' : ''}`}
          hoverClass='btn--hover'
          onClick={() => void (busy ? null : send(false))}
        >
          不满意
        </Button>
      </View>
    </View>
  )
}

/** 我的投诉: the company's complaints with status and the supervisors' timeline (accepted, replied, closed). */
export default function Complaints() {
  const words = useRuleWords()
  const [items, setItems] = useState<Complaint[] | null>(null)
  const [error, setError] = useState('')
  const replace = (next: Complaint) => setItems((cur) => cur?.map((x) => (x.id === next.id ? next : x)) ?? cur)

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
              {c.phone ? ` · 回访电话 ${c.phone}` : ''}
            </Text>
            {c.inspectionId ? (
              <Text
                className='complaint-item__about'
                id={`complaint-about-${c.id}`}
                onClick={() => Taro.navigateTo({ url: inspectionNoticeUrl(c.inspectionId!) })}
              >
                所投诉的检查：{c.inspectionDate ? longDate(c.inspectionDate) : ''} {(c as Complaint & { deptName?: string }).deptName ?? ''} ›
              </Text>
            ) : (
              <Text className='list-item__meta'>一般投诉（不针对某次检查）</Text>
            )}
            <Text className='complaint-item__content'>{c.content}</Text>
            {open ? (
              <Text className={`complaint-item__due${c.overdue ? ' complaint-item__due--bad' : ''}`}>
                答复期限：{chinaMonthDay(c.dueAt)}
                {words ? `（${words.complaintDue}）` : ''}
              </Text>
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
            <ReplyVerdict c={c} onRated={replace} onError={setError} />
          </View>
        )
      })}
      <Button id='btn-new-complaint' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: complainUrl() })}>
        新的投诉
      </Button>
    </PageShell>
  )
}
