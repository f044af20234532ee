import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { Complaint, ComplaintStatus } from '@contract'
import { handleComplaint } from '@/services/supervision/handle-complaint'
import { listComplaints } from '@/services/supervision/complaints'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { TextAreaField } from '@/components/TextAreaField'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_FOR_SUPERVISOR, TIMELINE_FOR_SUPERVISOR } from '@/lib/labels'
import { chinaDateTime, chinaLongDate, longDate } from '@/lib/china-time'
import { useRuleWords } from '@/hooks/useRuleWords'
import { confirmStep } from '@/lib/confirm'
import { useMe } from '../lib/me'
import { inspectionUrl } from '../lib/urls'
import '../lib/supervisor.css'

type Tab = ComplaintStatus | 'open'
const TABS: { key: Tab; label: string }[] = [
  { key: 'open', label: '未办结' },
  { key: 'received', label: '待受理' },
  { key: 'accepted', label: '办理中' },
  { key: 'replied', label: '已答复' },
  { key: 'closed', label: '已办结' },
]

/** The one next step for each status, with the words a supervisor would start from. */
const NEXT: Partial<Record<ComplaintStatus, { action: 'accept' | 'reply' | 'close'; id: string; label: string; prompt: string; draft: string }>> = {
  received: { action: 'accept', id: 'btn-accept', label: '受理', prompt: '受理意见（投诉人可见）', draft: '' },
  accepted: { action: 'reply', id: 'btn-reply', label: '答复', prompt: '答复内容（投诉人可见）', draft: '' },
  replied: { action: 'close', id: 'btn-close', label: '办结', prompt: '办结说明', draft: '已答复投诉人，办结。' },
}

const statusTone = (c: Complaint) => (c.overdue ? 'bad' : c.status === 'closed' ? 'ok' : c.status === 'received' ? 'warn' : 'info')
const who = (c: Complaint) => (c.anonymous ? '匿名投诉' : (c.complainantName ?? '实名投诉'))

function Detail({ c, meId, onChanged, onBack }: { c: Complaint; meId?: string; onChanged: (c: Complaint) => void; onBack: () => void }) {
  const words = useRuleWords()
  // One person works a complaint: who accepted it; others read it only.
  const mine = !!c.assignee && c.assignee.id === meId
  const next = c.assignee && !mine ? undefined : NEXT[c.status]
  const acceptDraft = `您的投诉已受理，我们将${words ? `在${words.complaintDue}内` : '按期'}核实并答复。`
  const [text, setText] = useState(next?.action === 'accept' ? acceptDraft : (next?.draft ?? ''))
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const act = async () => {
    if (!next || busy) return
    if (!text.trim()) return setError(`请填写${next.prompt.replace(/（.*）/, '')}`)
    if (next.action === 'close' && !(await confirmStep('确认办结这件投诉？', '办结后不能再答复，投诉人将收到办结通知。', '确认办结'))) return
    setBusy(true)
    setError('')
    const res = await handleComplaint({ complaintId: c.id, step: next.action, text: text.trim() })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    const after = NEXT[res.data.complaint.status]
    setText(after?.draft ?? '')
    onChanged(res.data.complaint)
  }
  return (
    <View id='complaint-detail'>
      <View className='card'>
        <View className='sv-item__head'>
          <Text className='sv-item__title'>{c.companyName ?? c.companyId}</Text>
          <StatusBadge tone={statusTone(c)} text={c.overdue ? '已逾期' : COMPLAINT_STATUS_FOR_SUPERVISOR[c.status]} id='complaint-status' />
        </View>
        <View className='sv-kv'>
          <Text className='sv-kv__k'>投诉人</Text>
          <Text className='sv-kv__v' id='complainant'>
            {who(c)}
          </Text>
        </View>
        <View className='sv-kv'>
          <Text className='sv-kv__k'>类别</Text>
          <Text className='sv-kv__v'>{COMPLAINT_CATEGORY_LABELS[c.category] ?? c.category}</Text>
        </View>
        <View className='sv-kv'>
          <Text className='sv-kv__k'>内容</Text>
          <Text className='sv-kv__v' id='complaint-content'>
            {c.content}
          </Text>
        </View>
        <View className='sv-kv'>
          <Text className='sv-kv__k'>办理期限</Text>
          <Text className={`sv-kv__v${c.overdue ? ' sv-bad' : ''}`}>
            {chinaLongDate(c.dueAt)}前{words ? `（${words.complaintDue}）` : ''}
            {c.overdue ? ' 已逾期' : ''}
          </Text>
        </View>
        {c.visit ? (
          <View className='sv-kv' hoverClass='stat--hover' onClick={() => void Taro.navigateTo({ url: inspectionUrl(c.inspectionId!) })}>
            <Text className='sv-kv__k'>涉及检查</Text>
            <Text className='sv-kv__v' id='complaint-visit'>
              {longDate(c.visit.date)} {c.visit.deptName}（{c.visit.officerNames.join('、')}）进入 {c.visit.companyName} · 查看 ›
            </Text>
          </View>
        ) : null}
        {c.phone ? (
          <View className='sv-kv'>
            <Text className='sv-kv__k'>回访电话</Text>
            <Text className='sv-kv__v' id='complaint-phone'>
              {c.phone}
            </Text>
          </View>
        ) : null}
        {c.replyRating ? (
          <View className='sv-kv'>
            <Text className='sv-kv__k'>对答复的评价</Text>
            <Text className={`sv-kv__v${c.replyRating.satisfied ? '' : ' sv-bad'}`} id='complaint-reply-rating'>
              {c.replyRating.satisfied ? '满意' : '不满意'}
              {c.replyRating.comment ? `：${c.replyRating.comment}` : ''}
            </Text>
          </View>
        ) : null}
        <View className='sv-kv'>
          <Text className='sv-kv__k'>办理人</Text>
          <Text className='sv-kv__v' id='complaint-assignee'>
            {c.assignee ? `${c.assignee.name}${mine ? '（您）' : ''}` : '尚未受理'}
          </Text>
        </View>
      </View>

      <View className='card'>
        <Text className='form-label'>办理过程（投诉人可见）</Text>
        <View className='sv-timeline' id='timeline'>
          {c.timeline.map((e, i) => (
            <View key={i} className='sv-timeline__row'>
              <View className='sv-timeline__dot' />
              <Text className='sv-timeline__what'>
                {TIMELINE_FOR_SUPERVISOR[e.action] ?? e.action} · {chinaDateTime(e.at)}
              </Text>
              {e.text ? <Text className='sv-timeline__text'>{e.text}</Text> : null}
            </View>
          ))}
        </View>
      </View>

      {c.assignee && !mine && c.status !== 'closed' ? (
        <Text className='sv-note' id='complaint-readonly'>
          该投诉由 {c.assignee.name} 办理，您可以查看办理过程，但不能处理。
        </Text>
      ) : next ? (
        <View className='card'>
          <TextAreaField
            id='input-text'
            label={next.prompt}
            className='sv-textarea'
            value={text}
            maxlength={2000}
            placeholder='请填写'
            onChange={setText}
            error={error}
            errorId='handle-error'
          />
          <Button id={next.id} className='btn' hoverClass='btn--hover' onClick={() => void act()}>
            {busy ? '正在提交…' : next.label}
          </Button>
        </View>
      ) : (
        <Text className='sv-note sv-ok' id='complaint-closed'>
          该投诉已办结。
        </Text>
      )}
      <Button id='btn-back-list' className='btn btn--ghost' hoverClass='btn--hover' onClick={onBack}>
        返回投诉列表
      </Button>
    </View>
  )
}

/** 投诉处理: complaints by status; open one to accept, reply and close it, with its timeline. */
export default function SupervisorComplaints() {
  const router = useRouter()
  const meState = useMe()
  const meId = meState.status === 'ready' ? meState.me.user?.id : undefined
  const [tab, setTab] = useState<Tab>((router.params.status as Tab) || 'open')
  const [items, setItems] = useState<Complaint[] | null>(null)
  const [openId, setOpenId] = useState<string | null>(router.params.id ? decodeURIComponent(router.params.id) : null)
  const [error, setError] = useState('')

  const load = async (t: Tab) => {
    setError('')
    const res = await listComplaints(t === 'open' ? {} : { status: t })
    if (!res.ok) return setError(res.error.message)
    const list = t === 'open' ? res.data.items.filter((c) => c.status !== 'closed') : res.data.items
    setItems([...list].sort((a, b) => Number(b.overdue) - Number(a.overdue) || b.receivedAt - a.receivedAt))
  }
  useDidShow(() => {
    void load(tab)
  })
  const pick = (k: string) => {
    setTab(k as Tab)
    setItems(null)
    void load(k as Tab)
  }

  const current = openId ? items?.find((c) => c.id === openId) : undefined
  if (current) {
    return (
      <PageShell id='page-complaints'>
        <Detail
          c={current}
          meId={meId}
          onChanged={(c) => setItems((prev) => (prev ? prev.map((x) => (x.id === c.id ? c : x)) : prev))}
          onBack={() => {
            setOpenId(null)
            void load(tab)
          }}
        />
      </PageShell>
    )
  }

  return (
    <PageShell id='page-complaints'>
      <SegmentTabs id='complaint-tabs' segments={TABS} value={tab} onChange={pick} />
      <Text className='sv-note'>投诉内容与投诉人仅监督部门可见，被投诉部门及其执法人员不可见。</Text>
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          暂无投诉。
        </Text>
      ) : null}
      <View id='complaint-list'>
        {items?.map((c) => (
          <View
            key={c.id}
            className={`card sv-item sv-item--${c.overdue ? 'bad' : c.status === 'received' ? 'warn' : ''} complaint-item`}
            id={`complaint-${c.id}`}
            hoverClass='stat--hover'
            onClick={() => setOpenId(c.id)}
          >
            <View className='sv-item__head'>
              <Text className='sv-item__title'>{c.companyName ?? c.companyId}</Text>
              <StatusBadge tone={statusTone(c)} text={c.overdue ? '已逾期' : COMPLAINT_STATUS_FOR_SUPERVISOR[c.status]} />
            </View>
            <Text className='sv-item__line'>
              {COMPLAINT_CATEGORY_LABELS[c.category] ?? c.category} · {who(c)}
            </Text>
            <Text className='sv-item__line'>{c.content.length > 60 ? `${c.content.slice(0, 60)}…` : c.content}</Text>
            <Text className='sv-item__meta'>
              {chinaDateTime(c.receivedAt)} 收到 · {chinaLongDate(c.dueAt)}前办结
            </Text>
          </View>
        ))}
      </View>
    </PageShell>
  )
}
