import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { inspectionDetail } from '@/services/inspection/detail'
import { withdrawInspection } from '@/services/inspection/withdraw'
import { ErrorBox } from '@/components/ErrorBox'
import { InfoRow } from '@/components/InfoRow'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { SubmitButton } from '@/components/SubmitButton'
import { TextAreaField } from '@/components/TextAreaField'
import { OUTCOME_LABELS, VERDICT_FOR_COMPANY, sourceLabel } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { useServerDay } from '@/hooks/useServerDay'
import { withdrawStillOpen } from '@/lib/date-bounds'
import { chinaDateTime } from '@/lib/china-time'
import { param, ratingUrl, recordUrl } from '../lib/urls'
import './index.css'

type Data = Output<'inspection', 'detail'>

const STATUS: Record<string, { text: string; tone: 'info' | 'bad' | 'ok' | 'muted' }> = {
  open: { text: '进行中', tone: 'info' },
  overdue: { text: '红灯', tone: 'bad' },
  closed: { text: '已结束', tone: 'ok' },
  withdrawn: { text: '已撤回', tone: 'muted' },
}

/** 检查详情: the inspection's departments, officers, results and timeline; record the result, show the rating code, or withdraw a wrong scan (asked to confirm). */
export default function InspectionDetail() {
  const router = useRouter()
  const id = param(router.params.id)
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState('')
  const [reason, setReason] = useState('')
  const [withdrawError, setWithdrawError] = useState('')
  const [busy, setBusy] = useState(false)
  const words = useRuleWords()
  const day = useServerDay()

  const load = async () => {
    const res = await inspectionDetail({ inspectionId: id })
    if (!res.ok) return setError(res.error.message)
    setData(res.data)
  }
  useDidShow(() => {
    void load()
  })

  const withdraw = async () => {
    if (busy) return
    setWithdrawError('')
    const sure = await Taro.showModal({
      title: '撤回这次入企登记？',
      content: '撤回后不可恢复，记录会保留并报监督部门。只有扫错企业时才应撤回。',
      confirmText: '确认撤回',
      cancelText: '不撤回',
    })
    if (!sure.confirm) return
    setBusy(true)
    const res = await withdrawInspection({ inspectionId: id, reason: reason.trim() })
    setBusy(false)
    if (!res.ok) return setWithdrawError(res.error.message)
    void load()
  }

  if (error)
    return (
      <PageShell id='page-inspection' title='检查详情'>
        <ErrorBox message={error} />
      </PageShell>
    )
  if (!data)
    return (
      <PageShell id='page-inspection' title='检查详情'>
        <Loading />
      </PageShell>
    )
  const it = data.inspection
  const name = it.companyName ?? '企业'
  const status = STATUS[it.status] ?? STATUS.open
  const depts = [it.deptName ?? '', ...(it.joins ?? []).map((j) => j.deptName)]
  const canRecord = it.status === 'open' || it.status === 'overdue'
  return (
    <PageShell id='page-inspection' title={name}>
      <View className='card'>
        <View className='badge-row'>
          <StatusBadge tone={status.tone} text={status.text} id='status-badge' />
          {it.joint ? <StatusBadge tone='info' text='联合检查' /> : null}
          {it.flags.map((f) => (
            <StatusBadge key={f} tone='warn' text={words?.flags[f]?.title ?? ''} />
          ))}
        </View>
        <InfoRow label='检查部门'>{depts.join('、')}</InfoRow>
        <InfoRow label='执法人员'>{it.officerNames.join('、')}</InfoRow>
        <InfoRow label='来源'>
          {sourceLabel(it)}
          {it.sourceRef ? `（编号 ${it.sourceRef}）` : ''}
        </InfoRow>
        {canRecord ? <InfoRow label='结果期限'>{chinaDateTime(it.dueAt)} 前</InfoRow> : null}
        {(it.results ?? []).map((r) => (
          <InfoRow key={r.deptId} label={depts[[it.deptId, ...(it.joins ?? []).map((j) => j.deptId)].indexOf(r.deptId)] || '结果'}>
            {OUTCOME_LABELS[r.outcome].title}：{r.findings}
          </InfoRow>
        ))}
        {it.backfill ? <InfoRow label='补录审核'>{VERDICT_FOR_COMPANY[it.backfill.review]}</InfoRow> : null}
        {it.withdrawal ? <InfoRow label='撤回原因'>{it.withdrawal.reason}</InfoRow> : null}
      </View>

      <View className='card' id='timeline'>
        <Text className='card-title'>经过</Text>
        {data.timeline.map((s, k) => (
          <View key={k} className='timeline-step'>
            <Text className='timeline-step__at'>{chinaDateTime(s.at)}</Text>
            <Text className='timeline-step__text'>{s.text}</Text>
          </View>
        ))}
        <View className='timeline-step'>
          <Text className='timeline-step__text'>
            {it.rating.state === 'rated' ? '企业已评价' : it.rating.state === 'issued' ? '已生成评价码，等待企业评价' : '尚未录入结果'}
          </Text>
        </View>
      </View>

      {canRecord ? (
        <SubmitButton
          id='btn-to-record'
          large
          label='录入检查结果'
          busy={false}
          onClick={() => void Taro.navigateTo({ url: recordUrl(it.id, name, it.officerIds.length) })}
        />
      ) : null}
      {it.rating.state === 'issued' ? (
        <SubmitButton id='btn-rating-code' label='出示评价码' busy={false} onClick={() => void Taro.navigateTo({ url: ratingUrl(it.id, name) })} />
      ) : null}

      {canRecord && (it.results ?? []).length === 0 && withdrawStillOpen(it, day) ? (
        <View className='withdraw-block' id='withdraw-section'>
          <Text className='section-title'>扫错了企业？</Text>
          <Text className='note'>入企后{words?.withdrawWithin || '短时间'}内、录入结果前可以撤回，须写明原因；撤回的记录会保留并报监督部门。</Text>
          <TextAreaField
            id='input-withdraw-reason'
            value={reason}
            placeholder='例如：误扫了隔壁企业的企检码，实际未进入该企业'
            onChange={setReason}
            error={withdrawError}
          />
          <SubmitButton id='btn-withdraw' label='撤回这次入企登记' busy={busy} busyLabel='正在撤回…' onClick={() => void withdraw()} />
        </View>
      ) : null}
    </PageShell>
  )
}
