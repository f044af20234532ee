import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { Alert, AlertKind, AlertStatus, Department } from '@contract'
import { listAlerts } from '@/services/supervision/alerts'
import { handleAlert } from '@/services/supervision/handle-alert'
import { listDepartments } from '@/services/account/departments'
import { ChoiceList } from '@/components/ChoiceList'
import { ErrorBox } from '@/components/ErrorBox'
import { HBarChart } from '@/components/HBarChart'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { TextAreaField } from '@/components/TextAreaField'
import { ALERT_LABELS, ALERT_ORDER, SCORE_LABELS } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { confirmStep } from '@/lib/confirm'
import { chinaDateOf, chinaDateTime, chinaLongDate } from '@/lib/china-time'
import { regionName, useRegions } from '../lib/regions'
import { useMe } from '../lib/me'
import { complaintsUrl, exceptionsUrl, inspectionUrl, parseRef } from '../lib/urls'
import '../lib/supervisor.css'

const FOLLOW_UP_KINDS: AlertKind[] = ['bad_rating', 'follow_up_overdue']

/** Where an alert's record is worked on elsewhere (exception review, complaint handling), and the visit it is about. */
function linksOf(a: Alert): { work?: { url: string; label: string }; visit?: string } {
  const { collection, id } = parseRef(a.ref)
  const visit = collection === 'inspections' || collection === 'ratings' ? inspectionUrl(id) : undefined
  if (a.kind === 'pending_exception') return { work: { url: exceptionsUrl({ status: 'pending', id, dept: a.deptId }), label: '去审核特殊情形 ›' }, visit }
  if (a.kind === 'unjustified_exception') return { work: { url: exceptionsUrl({ status: 'unjustified', id, dept: a.deptId }), label: '查看审核记录 ›' }, visit }
  if (a.kind === 'complaint_overdue') return { work: { url: complaintsUrl({ id }), label: '去办理投诉 ›' } }
  return { visit }
}

function HandleForm({ a, onDone }: { a: Alert; onDone: () => void }) {
  const followUp = FOLLOW_UP_KINDS.includes(a.kind)
  const [note, setNote] = useState('')
  const [contacted, setContacted] = useState<string | null>(null)
  const [outcome, setOutcome] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const submit = async (confirmed?: boolean) => {
    setError('')
    if (followUp && contacted === null) return setError('请选择是否已联系到企业')
    if (followUp && !outcome.trim()) return setError('请填写回访结果，例如企业的意见和整改情况')
    if (!note.trim()) return setError('请填写处理意见')
    const what = a.kind === 'unscanned' ? (confirmed ? '确认属实后，该次未扫码入企将计入部门通报。' : '认定不属实后，该记录不计入通报。') : '办结后不能撤回。'
    if (!(await confirmStep('确认办结这条预警？', what, '确认办结'))) return
    setBusy(true)
    const res = await handleAlert({
      alertId: a.id,
      note: note.trim(),
      ...(followUp ? { followUp: { contacted: contacted === 'yes', outcome: outcome.trim() } } : {}),
      ...(a.kind === 'unscanned' ? { confirmed } : {}),
    })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    void Taro.showToast({ title: '已办结', icon: 'success' })
    onDone()
  }
  return (
    <View className='sv-panel' id={`handle-${a.id}`}>
      {followUp ? (
        <View>
          <Text className='sv-item__line'>回访情况</Text>
          <ChoiceList
            id='followup-contacted'
            idPrefix='contacted'
            choices={[
              { key: 'yes', title: '已联系到企业', detail: '电话或上门回访' },
              { key: 'no', title: '未能联系到企业', detail: '说明已采取的方式' },
            ]}
            value={contacted}
            onChange={setContacted}
          />
          <TextAreaField
            id='input-outcome'
            className='sv-textarea'
            value={outcome}
            onChange={setOutcome}
            placeholder='回访结果：企业的意见、检查人员的说明、整改或处理情况'
          />
        </View>
      ) : null}
      <TextAreaField
        id='input-note'
        className='sv-textarea'
        value={note}
        onChange={setNote}
        placeholder='处理意见（必填），例如：已约谈该部门负责人'
        error={error || undefined}
        errorId='handle-error'
      />
      {a.kind === 'unscanned' ? (
        <View className='sv-actions'>
          <Button id='btn-confirmed' className='btn sv-btn--bad' hoverClass='btn--hover' disabled={busy} onClick={() => void submit(true)}>
            确属未扫码
          </Button>
          <Button id='btn-not-confirmed' className='btn sv-btn--ok' hoverClass='btn--hover' disabled={busy} onClick={() => void submit(false)}>
            不属实
          </Button>
        </View>
      ) : (
        <Button id='btn-handle' className='btn btn--primary' hoverClass='btn--hover' disabled={busy} onClick={() => void submit()}>
          {busy ? '正在提交…' : followUp ? '记录回访并办结' : '办结'}
        </Button>
      )}
    </View>
  )
}

function AlertRow({ a, dept, open, onToggle, onDone }: { a: Alert; dept?: string; open: boolean; onToggle: () => void; onDone: () => void }) {
  const words = useRuleWords()
  const label = ALERT_LABELS[a.kind] ?? { chip: a.kind, tone: 'warn' as const }
  const links = linksOf(a)
  const handled = a.status === 'handled'
  return (
    <View className={`card sv-item sv-item--${handled ? 'normal' : label.tone} alert-item alert-item--${a.kind}`} id={`alert-${a.id}`}>
      {/* A pending special case is worked on in its review: one tap goes there. */}
      <View hoverClass='stat--hover' onClick={a.kind === 'pending_exception' && links.work ? () => void Taro.navigateTo({ url: links.work!.url }) : onToggle}>
        <View className='sv-item__head'>
          <StatusBadge tone={handled ? 'ok' : label.tone} text={handled ? `${label.chip} · 已办结` : label.chip} />
          <Text className='sv-item__meta'>{chinaDateTime(a.at)}</Text>
        </View>
        <Text className='sv-item__line alert-item__summary'>{a.summary ?? label.chip}</Text>
        <Text className='sv-item__meta'>
          {[dept && !(a.summary ?? '').includes(dept) ? dept : '', regionName(a.region), a.dueAt && !handled ? `回访期限 ${chinaLongDate(a.dueAt)}` : '']
            .filter(Boolean)
            .join(' · ')}
          {open ? '' : ' · 点击展开 ›'}
        </Text>
      </View>
      {open ? (
        <View className='sv-panel' id={`alert-detail-${a.id}`}>
          <Text className='sv-item__line'>{words?.alertActions[a.kind] ?? ''}</Text>
          {a.rating ? (
            <View className='card sv-item sv-item--bad' id={`rating-${a.id}`}>
              <Text className='sv-item__title'>
                {a.rating.score} 星 · {SCORE_LABELS[a.rating.score]}
              </Text>
              {a.rating.tags.length ? <Text className='sv-item__line'>{a.rating.tags.join('、')}</Text> : null}
              <Text className='sv-item__line alert-rating-comment'>{a.rating.comment ? `“${a.rating.comment}”` : '（企业未填写意见）'}</Text>
              <Text className='sv-item__meta'>评价内容仅监督部门可见，不向执法部门公开</Text>
            </View>
          ) : null}
          {a.handling ? (
            <View id={`handling-${a.id}`}>
              <Text className='sv-item__line'>
                {a.handling.byName ?? '监督人员'} 于 {chinaDateTime(a.handling.at)} 办结：{a.handling.note}
              </Text>
              {a.handling.followUp ? (
                <Text className='sv-item__line'>
                  回访：{a.handling.followUp.contacted ? '已联系到企业' : '未能联系到企业'}；{a.handling.followUp.outcome}
                </Text>
              ) : null}
              {a.handling.confirmed !== undefined ? (
                <Text className='sv-item__line'>核实结论：{a.handling.confirmed ? '确属未扫码入企（计入通报）' : '不属实'}</Text>
              ) : null}
            </View>
          ) : null}
          {links.visit ? (
            <Button id='btn-visit' className='btn btn--ghost sv-btn--small' hoverClass='btn--hover' onClick={() => void Taro.navigateTo({ url: links.visit! })}>
              查看这次检查 ›
            </Button>
          ) : null}
          {links.work ? (
            <Button
              id='btn-work'
              className='btn btn--ghost sv-btn--small'
              hoverClass='btn--hover'
              onClick={() => void Taro.navigateTo({ url: links.work!.url })}
            >
              {links.work.label}
            </Button>
          ) : null}
          {!handled && a.kind !== 'pending_exception' ? <HandleForm a={a} onDone={onDone} /> : null}
        </View>
      ) : null}
    </View>
  )
}

/** Days between two China dates (`YYYY-MM-DD`). */
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000)
const AGE_BUCKETS = [
  { key: 'd3', label: '3天以内', max: 3 },
  { key: 'd7', label: '4–7天', max: 7 },
  { key: 'd15', label: '8–15天', max: 15 },
  { key: 'older', label: '超过15天', max: Infinity },
]

/** 预警: what needs a supervisor, newest first; open one to read it and handle it with a note (a bad rating: with its follow-up). */
export default function SupervisorAlerts() {
  const router = useRouter()
  const meState = useMe()
  const today = meState.status === 'ready' ? meState.me.today.date : ''
  const [kind, setKind] = useState<AlertKind | 'all'>((router.params.kind as AlertKind) || 'all')
  const [status, setStatus] = useState<AlertStatus>('open')
  const [items, setItems] = useState<Alert[] | null>(null)
  const [depts, setDepts] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  useRegions() // region names for the rows; re-renders when the city's list arrives

  const load = async (which: AlertStatus = status) => {
    setError('')
    const res = await listAlerts({ status: which })
    if (!res.ok) return setError(res.error.message)
    setItems([...res.data.items].sort((x, y) => y.at - x.at))
  }
  useDidShow(() => {
    void load()
  })
  useEffect(() => {
    void listDepartments({}).then((res) => {
      if (res.ok) setDepts(Object.fromEntries(res.data.items.map((d: Department) => [d.id, d.name])))
    })
  }, [])

  const count = (k: AlertKind) => items?.filter((a) => a.kind === k).length ?? 0
  const segments = [
    { key: 'all', label: '全部', count: items?.length },
    ...ALERT_ORDER.filter((k) => count(k) > 0 || k === kind).map((k) => ({ key: k, label: ALERT_LABELS[k].chip, count: count(k) })),
  ]
  const shown = (items ?? []).filter((a) => kind === 'all' || a.kind === kind)
  const ages = AGE_BUCKETS.map((b, n) => ({
    key: b.key,
    label: b.label,
    tone: (n >= 2 ? 'bad' : n === 1 ? 'warn' : 'normal') as 'bad' | 'warn' | 'normal',
    value: today
      ? shown.filter((a) => {
          const age = daysBetween(chinaDateOf(a.at), today)
          return age <= b.max && age > (AGE_BUCKETS[n - 1]?.max ?? -1)
        }).length
      : 0,
  }))

  return (
    <PageShell id='page-alerts'>
      <SegmentTabs
        id='alert-status'
        segments={[
          { key: 'open', label: '待处理' },
          { key: 'handled', label: '已办结' },
        ]}
        value={status}
        onChange={(k) => {
          setStatus(k as AlertStatus)
          setItems(null)
          void load(k as AlertStatus)
        }}
      />
      <SegmentTabs id='alert-kind' segments={segments} value={kind} onChange={(k) => setKind(k as AlertKind | 'all')} />
      {items && items.length > 0 && status === 'open' ? (
        <View className='card' id='alert-ages'>
          <Text className='sv-item__line'>待处理 {shown.length} 条，已等待：</Text>
          <HBarChart id='age-bars' bars={ages} unit='条' empty='没有待处理的预警' />
        </View>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && shown.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          {status === 'open' ? '暂无需要处理的预警。' : '还没有办结的预警。'}
        </Text>
      ) : null}
      <View id='alert-list'>
        {shown.map((a) => (
          <AlertRow
            key={a.id}
            a={a}
            dept={a.deptId ? depts[a.deptId] : undefined}
            open={open === a.id}
            onToggle={() => setOpen(open === a.id ? null : a.id)}
            onDone={() => {
              setOpen(null)
              void load()
            }}
          />
        ))}
      </View>
      {items && items.length > 0 ? (
        <Button id='btn-refresh' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load()}>
          刷新
        </Button>
      ) : null}
    </PageShell>
  )
}
