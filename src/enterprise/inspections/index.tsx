import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { Inspection } from '@contract'
import { companyInspections } from '@/services/enterprise/inspections'
import { companyServiceVisits } from '@/services/enterprise/service-visits'
import { ErrorBox } from '@/components/ErrorBox'
import { LoadMore } from '@/components/LoadMore'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { InfoRow } from '@/components/InfoRow'
import { OUTCOME_LABELS, VERDICT_FOR_COMPANY, sourceLabel } from '@/lib/labels'
import { complainUrl, inspectionNoticeUrl, rateInspectionUrl } from '../lib/urls'
import { SubscribeCard } from '../lib/SubscribeCard'
import { chinaLongDateTime, longDate } from '@/lib/china-time'
import { usePagedList } from '@/hooks/usePagedList'
import { useRuleWords } from '@/hooks/useRuleWords'
import { ServiceVisits, type CompanyServiceVisit } from './ServiceVisits'
import '../lib/enterprise.css'
import './index.css'

function ratingBadge(i: Inspection): { tone: 'ok' | 'warn' | 'muted'; text: string } {
  if (i.rating.state === 'rated') return { tone: 'ok', text: `已评价 ${'★'.repeat(i.rating.score ?? 0)}` }
  if (i.rating.state === 'issued') return { tone: 'warn', text: '待评价' }
  return { tone: 'muted', text: i.status === 'overdue' ? '结果逾期' : '检查中' }
}

/** A button inside a list item: opens `url` without also folding the item. */
const openFromItem = (url: string) => (e: { stopPropagation: () => void }) => {
  e.stopPropagation()
  void Taro.navigateTo({ url })
}

type Tab = 'inspections' | 'service'

/**
 * 检查记录: every inspection of the company, with its result and rating state (tap one for
 * details or to complain), and in its own tab the service visits 入企服务 (rule 19), which
 * are not inspections, each rateable from here while its rating period runs.
 */
export default function Inspections() {
  const words = useRuleWords()
  const router = useRouter()
  const [tab, setTab] = useState<Tab>(router.params.tab === 'service' ? 'service' : 'inspections')
  const [open, setOpen] = useState<string | null>(null)
  const { items, cursor, error, busy, load } = usePagedList((cursor) => companyInspections(cursor ? { cursor } : {}))

  const visitList = usePagedList((cursor) => companyServiceVisits(cursor ? { cursor } : {}))
  const visits = visitList.items as CompanyServiceVisit[] | null

  useDidShow(() => {
    void load(false)
    void visitList.load(false)
  })

  const toRate = visits?.filter((v) => v.rating.canRate).length ?? 0
  const more = tab === 'service' ? visitList.cursor : cursor

  return (
    <PageShell id='page-inspections' title='检查记录' subtitle='本企业历次入企检查和入企服务。出结果后可在这里直接评价，也可扫描执法人员出示的评价码。'>
      <SubscribeCard />
      <SegmentTabs
        id='records-tabs'
        segments={[
          { key: 'inspections', label: '入企检查' },
          { key: 'service', label: toRate ? `入企服务（${toRate} 次待评价）` : '入企服务' },
        ]}
        value={tab}
        onChange={(k) => setTab(k as Tab)}
      />
      {error || visitList.error ? <ErrorBox message={error || visitList.error} /> : null}
      {tab === 'service' ? visits ? <ServiceVisits items={visits} /> : error ? null : <Loading /> : null}
      {tab === 'inspections' && !items && !error ? <Loading /> : null}
      {tab === 'inspections' && items && items.length === 0 ? (
        <View className='empty' id='inspections-empty'>
          <Text className='empty__title'>暂无检查记录</Text>
          <Text className='empty__detail'>执法人员扫企业码入企检查后，记录会显示在这里。</Text>
        </View>
      ) : null}
      {(tab === 'inspections' ? items : null)?.map((i) => {
        const badge = ratingBadge(i)
        const expanded = open === i.id
        return (
          <View
            key={i.id}
            id={`inspection-${i.id}`}
            className='list-item inspection-item'
            hoverClass='list-item--hover'
            onClick={() => setOpen(expanded ? null : i.id)}
          >
            <View className='list-item__head'>
              <Text className='list-item__title'>{i.deptName ?? '执法单位'}</Text>
              <StatusBadge tone={badge.tone} text={badge.text} />
            </View>
            <Text className='list-item__meta'>
              {longDate(i.date)} · {i.officerNames.join('、')}
            </Text>
            <Text className={`list-item__meta inspection-item__result${i.status === 'overdue' ? ' inspection-item__result--bad' : ''}`}>
              {i.result
                ? `结果：${OUTCOME_LABELS[i.result.outcome].title}`
                : i.status === 'overdue'
                  ? (words?.overdueForCompany ?? '已超过结果录入期限')
                  : '检查进行中，尚未录入结果'}
            </Text>
            {expanded ? (
              <View className='inspection-item__detail' id={`detail-${i.id}`}>
                <InfoRow label='入企时间'>{chinaLongDateTime(i.checkInAt)}</InfoRow>
                <InfoRow label='检查来源'>{sourceLabel(i)}</InfoRow>
                {i.exception ? <InfoRow label='安静期例外入企'>{VERDICT_FOR_COMPANY[i.exception.review]}</InfoRow> : null}
                {i.result ? (
                  <InfoRow label='检查结论' stack>
                    {i.result.findings}
                    {i.result.rectifyBy ? `（整改期限：${longDate(i.result.rectifyBy)}）` : ''}
                  </InfoRow>
                ) : null}
                <View className='inspection-item__actions'>
                  <Button id={`btn-notice-${i.id}`} className='btn' hoverClass='btn--hover' onClick={openFromItem(inspectionNoticeUrl(i.id))}>
                    查看检查告知
                  </Button>
                  {i.rating.state === 'issued' ? (
                    <Button id={`btn-rate-${i.id}`} className='btn' hoverClass='btn--hover' onClick={openFromItem(rateInspectionUrl(i.id))}>
                      评价本次检查
                    </Button>
                  ) : null}
                  <Button id={`btn-complain-${i.id}`} className='btn btn--ghost' hoverClass='btn--hover' onClick={openFromItem(complainUrl(i.id))}>
                    对本次检查投诉
                  </Button>
                </View>
              </View>
            ) : (
              <Text className='inspection-item__more'>查看详情 ›</Text>
            )}
          </View>
        )
      })}
      <LoadMore cursor={more} busy={tab === 'service' ? visitList.busy : busy} onMore={() => void (tab === 'service' ? visitList.load(true) : load(true))} />
    </PageShell>
  )
}
