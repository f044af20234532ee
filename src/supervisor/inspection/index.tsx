import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { inspectionDetail } from '@/services/supervision/inspection'
import { ErrorBox } from '@/components/ErrorBox'
import { InfoRow } from '@/components/InfoRow'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { COMPLAINT_CATEGORY_LABELS, COMPLAINT_STATUS_FOR_SUPERVISOR, OUTCOME_LABELS, SCORE_LABELS, VERDICT_LABELS, sourceLabel } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { chinaLongDateTime, chinaDateTime, longDate } from '@/lib/china-time'
import { regionName } from '../lib/regions'
import { inspectionsUrl, ledgerUrl } from '../lib/urls'
import '../lib/supervisor.css'
import './index.css'

type Detail = Output<'supervision', 'inspection'>

const STATUS: Record<string, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  open: { text: '进行中', tone: 'warn' },
  overdue: { text: '红灯', tone: 'bad' },
  closed: { text: '已完成', tone: 'ok' },
}

/** 检查详情: one visit in full with its timeline; for supervisors also the rating and the complaints about it. */
export default function InspectionDetail() {
  const words = useRuleWords()
  const router = useRouter()
  const id = router.params.id ?? ''
  const [d, setD] = useState<Detail | null>(null)
  const [error, setError] = useState('')
  useEffect(() => {
    void inspectionDetail({ inspectionId: id }).then((res) => (res.ok ? setD(res.data) : setError(res.error.message)))
  }, [id])

  if (error)
    return (
      <PageShell id='page-inspection'>
        <ErrorBox message={error} />
      </PageShell>
    )
  if (!d)
    return (
      <PageShell id='page-inspection'>
        <Loading />
      </PageShell>
    )
  const i = d.inspection
  const s = STATUS[i.status] ?? STATUS.open
  return (
    <PageShell id='page-inspection'>
      <View className='card'>
        <View className='sv-item__head'>
          <StatusBadge tone={s.tone} text={s.text} />
          <Text className='sv-item__meta'>{regionName(i.region)}</Text>
        </View>
        <Text className='sv-item__title' id='insp-company'>
          {i.companyName}
        </Text>
        <InfoRow label='检查部门'>
          {i.deptName}
          {i.joint ? '（联合检查牵头）' : ''}
        </InfoRow>
        {(i.joins ?? []).map((j) => (
          <InfoRow key={j.deptId} label='联合检查' id={`insp-join-${j.deptId}`} tone={j.exception?.review === 'unjustified' ? 'bad' : undefined}>
            {j.deptName}
            {j.exception ? ` · 特殊情形：${words?.categoryLabel(j.exception.category) ?? ''} · ${VERDICT_LABELS[j.exception.review].text}` : ''}
          </InfoRow>
        ))}
        <InfoRow label='执法人员' id='insp-officers'>
          {i.officerNames.join('、')}
        </InfoRow>
        <InfoRow label='入企时间'>{chinaLongDateTime(i.checkInAt)}</InfoRow>
        <InfoRow label='检查依据'>{sourceLabel(i)}</InfoRow>
        {i.exception ? (
          <InfoRow label='特殊情形' tone={i.exception.review === 'unjustified' ? 'bad' : undefined}>
            {words?.categoryLabel(i.exception.category) ?? ''} · {VERDICT_LABELS[i.exception.review].text}
          </InfoRow>
        ) : null}
        {i.flags.length ? <InfoRow label='标记'>{i.flags.map((f) => words?.flags[f]?.title ?? '').join('、')}</InfoRow> : null}
        <InfoRow label='结果期限' tone={i.status === 'overdue' ? 'bad' : undefined}>
          {chinaLongDateTime(i.dueAt)}
        </InfoRow>
        {i.result ? (
          <View>
            <InfoRow label='检查结果'>{OUTCOME_LABELS[i.result.outcome]?.title ?? i.result.outcome}</InfoRow>
            <InfoRow label='发现问题' stack>
              {i.result.findings}
            </InfoRow>
            {i.result.rectifyBy ? <InfoRow label='整改期限'>{longDate(i.result.rectifyBy)}</InfoRow> : null}
          </View>
        ) : null}
      </View>

      <View className='sv-section'>
        <Text className='sv-section__title'>经过</Text>
      </View>
      <View className='card timeline' id='timeline'>
        {d.timeline.map((e, n) => (
          <View key={`${e.kind}-${n}`} className={`timeline__step timeline__step--${e.kind}`}>
            <Text className='timeline__at'>{chinaDateTime(e.at)}</Text>
            <Text className='timeline__text'>{e.text}</Text>
          </View>
        ))}
      </View>

      {d.rating ? (
        <View>
          <View className='sv-section'>
            <Text className='sv-section__title'>企业评价</Text>
            <Text className='sv-section__note'>仅监督部门可见</Text>
          </View>
          <View className={`card sv-item ${d.rating.score <= 2 ? 'sv-item--bad' : ''}`} id='rating'>
            <Text className='sv-item__title'>
              {d.rating.score} 星 · {SCORE_LABELS[d.rating.score]}
            </Text>
            {d.rating.tags.length ? <Text className='sv-item__line'>{d.rating.tags.join('、')}</Text> : null}
            <Text className='sv-item__line' id='rating-comment'>
              {d.rating.comment ? `“${d.rating.comment}”` : '（未填写意见）'}
            </Text>
            <Text className='sv-item__meta'>{chinaLongDateTime(d.rating.ratedAt)} 评价</Text>
          </View>
        </View>
      ) : null}

      {d.complaints && d.complaints.length ? (
        <View>
          <View className='sv-section'>
            <Text className='sv-section__title'>相关投诉</Text>
            <Text className='sv-section__note'>{d.complaints.length} 件</Text>
          </View>
          {d.complaints.map((c) => (
            <View key={c.id} className='card sv-item sv-item--warn' id={`complaint-${c.id}`}>
              <Text className='sv-item__title'>
                {COMPLAINT_CATEGORY_LABELS[c.category]} · {COMPLAINT_STATUS_FOR_SUPERVISOR[c.status]}
              </Text>
              <Text className='sv-item__line'>{c.content}</Text>
              <Text className='sv-item__meta'>{chinaLongDateTime(c.receivedAt)} 收到</Text>
            </View>
          ))}
        </View>
      ) : null}

      {d.ledgerEntry ? (
        <View className='card' id='ledger-entry'>
          <InfoRow label='监测点台账'>第 {d.ledgerEntry.seq} 条 · 扫码登记</InfoRow>
          <Button id='btn-ledger' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void Taro.navigateTo({ url: ledgerUrl(i.companyId) })}>
            查看该企业台账
          </Button>
        </View>
      ) : null}
      <Button
        id='btn-company-inspections'
        className='btn btn--ghost'
        hoverClass='btn--hover'
        onClick={() => void Taro.navigateTo({ url: inspectionsUrl({ companyId: i.companyId, month: i.month }) })}
      >
        该企业本月的全部检查
      </Button>
    </PageShell>
  )
}
