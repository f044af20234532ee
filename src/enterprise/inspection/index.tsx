import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Output } from '@contract'
import { inspectionNotice } from '@/services/enterprise/inspection'
import { ErrorBox } from '@/components/ErrorBox'
import { InfoRow } from '@/components/InfoRow'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { StatusBadge } from '@/components/StatusBadge'
import { chinaLongDate, chinaLongDateTime, longDate } from '@/lib/china-time'
import { complainUrl, rateInspectionUrl } from '../lib/urls'
import '../lib/enterprise.css'
import './index.css'

type Notice = Output<'enterprise', 'inspection'>['inspection']

const STATUS_WORDS: Record<Notice['status'], { tone: 'ok' | 'warn' | 'bad' | 'muted'; text: string }> = {
  open: { tone: 'warn', text: '检查中' },
  closed: { tone: 'ok', text: '已出结果' },
  overdue: { tone: 'bad', text: '结果逾期' },
  withdrawn: { tone: 'muted', text: '已撤回' },
}

function ratingLine(r: Notice['rating']): string {
  if (r.state === 'rated') return `已评价 ${'★'.repeat(r.score ?? 0)}`
  if (r.canRate && r.rateUntil) return `可评价，截至 ${chinaLongDateTime(r.rateUntil)}`
  if (r.rateUntil) return `评价期已于 ${chinaLongDate(r.rateUntil)} 结束`
  return '记录结果后可评价'
}

/** 检查告知 (SPEC §2.22): one inspection in full — who came, on what basis, the result — and the company's rights. */
export default function InspectionNoticePage() {
  const router = useRouter()
  const id = router.params.id ?? ''
  const [notice, setNotice] = useState<Notice | null>(null)
  const [error, setError] = useState(id ? '' : '没有指定要查看的检查，请从检查记录或消息中打开')

  useEffect(() => {
    if (!id) return
    void inspectionNotice(decodeURIComponent(id)).then((res) => (res.ok ? setNotice(res.data.inspection) : setError(res.error.message)))
  }, [id])

  if (error) {
    return (
      <PageShell id='page-inspection-notice' title='检查告知'>
        <ErrorBox message={error} />
      </PageShell>
    )
  }
  if (!notice) {
    return (
      <PageShell id='page-inspection-notice'>
        <Loading text='正在读取检查信息…' />
      </PageShell>
    )
  }
  const status = STATUS_WORDS[notice.status]
  return (
    <PageShell id='page-inspection-notice' title='检查告知' subtitle={`${notice.companyName}：依法告知本次入企检查的情况和贵企业的权利。`}>
      <View className='card' id='notice-who'>
        <View className='list-item__head'>
          <Text className='card-title'>执法单位与人员</Text>
          <StatusBadge tone={status.tone} text={status.text} />
        </View>
        <InfoRow label='执法单位' id='notice-departments'>
          {notice.departments.map((d) => d.name).join('、')}
        </InfoRow>
        <InfoRow label='入企时间'>{chinaLongDateTime(notice.checkInAt)}</InfoRow>
        {notice.officers.map((o, i) => (
          <View key={`${o.name}-${i}`} className='notice-officer' id={`notice-officer-${i + 1}`}>
            <Text>{o.name}</Text>
            <Text className='notice-officer__cert'>执法证号 {o.certNo || '—'}</Text>
          </View>
        ))}
      </View>

      <View className='card' id='notice-basis'>
        <Text className='card-title'>检查依据</Text>
        <InfoRow label='检查来源'>{notice.sourceLabel}</InfoRow>
        {notice.plan ? (
          <View>
            <InfoRow label='检查计划' stack>
              {notice.plan.title}
            </InfoRow>
            <InfoRow label='法律依据' stack>
              {notice.plan.basis}
            </InfoRow>
            {notice.plan.items.length ? <Text className='notice-items'>检查事项：{notice.plan.items.join('；')}</Text> : null}
          </View>
        ) : null}
        {notice.sourceRef ? <InfoRow label='案件编号'>{notice.sourceRef}</InfoRow> : null}
        {notice.specialCase ? (
          <InfoRow label='安静生产期特殊情形' stack>
            {notice.specialCase.label}
            {notice.specialCase.reason ? `（${notice.specialCase.reason}）` : ''}
          </InfoRow>
        ) : null}
      </View>

      <View className='card' id='notice-result'>
        <Text className='card-title'>检查结果</Text>
        {notice.result ? (
          <View>
            <InfoRow label='结论' id='notice-outcome'>
              {notice.result.outcomeLabel}
            </InfoRow>
            <InfoRow label='检查情况' stack>
              {notice.result.findings}
            </InfoRow>
            {notice.result.rectifyBy ? (
              <InfoRow label='整改期限' tone='bad'>
                {longDate(notice.result.rectifyBy)}
              </InfoRow>
            ) : null}
            <InfoRow label='记录时间'>{chinaLongDateTime(notice.result.recordedAt)}</InfoRow>
          </View>
        ) : (
          <Text className='hint'>执法人员尚未录入检查结果。</Text>
        )}
        <InfoRow label='评价' id='notice-rating'>
          {ratingLine(notice.rating)}
        </InfoRow>
        {notice.rating.canRate ? (
          <Button id='btn-rate-notice' className='btn' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: rateInspectionUrl(notice.id) })}>
            评价本次检查
          </Button>
        ) : null}
      </View>

      <View className='card' id='notice-rights'>
        <Text className='card-title'>贵企业的权利</Text>
        {notice.rights.map((r) => (
          <View key={r.key} className='notice-right' id={`right-${r.key}`}>
            <Text className='notice-right__title'>{r.title}</Text>
            <Text className='notice-right__text'>{r.description}</Text>
            <Text className='notice-right__channel'>途径：{r.channel}</Text>
          </View>
        ))}
      </View>
      <Button id='btn-complain-notice' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => Taro.navigateTo({ url: complainUrl(notice.id) })}>
        对本次检查投诉
      </Button>
    </PageShell>
  )
}
