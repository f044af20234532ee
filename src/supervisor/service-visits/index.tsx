import { useEffect, useState } from 'react'
import { usePagedList } from '@/hooks/usePagedList'
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import type { ServiceVisit, ServiceVisitFlag } from '@contract'
import { searchServiceVisits } from '@/services/supervision/service-visits'
import { ErrorBox } from '@/components/ErrorBox'
import { LoadMore } from '@/components/LoadMore'
import { Loading } from '@/components/Loading'
import { MonthStepper } from '@/components/MonthStepper'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { SERVICE_PURPOSE_LABELS } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { chinaDateTime, lastDateOfMonthOf, monthOf } from '@/lib/china-time'
import { MeWaiting } from '../lib/MeWaiting'
import { DeptFilter, useSearchMonth } from '../lib/DeptFilter'
import { useMe } from '../lib/me'
import { regionName } from '../lib/regions'
import '../lib/supervisor.css'

const FLAGS: ServiceVisitFlag[] = ['quiet_period', 'off_site']

/** Whether the company rated the visit; the stars only where the answer carries the score (supervisors, rule 21). */
function ratingBadge(v: ServiceVisit): { tone: 'ok' | 'muted'; text: string } {
  if (v.rating.state !== 'rated') return { tone: 'muted', text: '企业未评价' }
  return { tone: 'ok', text: v.rating.score ? `企业评价 ${'★'.repeat(v.rating.score)}` : '企业已评价' }
}

function Row({ v }: { v: ServiceVisit }) {
  const words = useRuleWords()
  const rating = ratingBadge(v)
  return (
    <View className={`card sv-item sv-item--${v.flags.length ? 'warn' : 'normal'}`} id={`service-visit-${v.id}`}>
      <View className='sv-item__head'>
        <Text className='sv-item__meta'>{chinaDateTime(v.at)}</Text>
        <StatusBadge tone={rating.tone} text={rating.text} id={`service-rating-${v.id}`} />
      </View>
      <Text className='sv-item__title'>{v.companyName}</Text>
      <Text className='sv-item__line'>
        {v.deptName} · {v.officerNames.join('、')}
      </Text>
      <Text className='sv-item__line' id={`service-purpose-${v.id}`}>
        服务内容：{SERVICE_PURPOSE_LABELS[v.purpose]}
        {v.note ? `，${v.note}` : ''}
      </Text>
      <Text className='sv-item__meta'>{regionName(v.region)}</Text>
      {v.flags.length ? (
        <View className='badge-row' id={`service-flags-${v.id}`}>
          {v.flags.map((f) => (
            <StatusBadge key={f} tone={f === 'quiet_period' ? 'warn' : 'bad'} text={words?.serviceVisitFlags[f].title ?? ''} id={`service-flag-${v.id}-${f}`} />
          ))}
        </View>
      ) : null}
    </View>
  )
}

/** 入企服务 (rule 19): the service visits of the caller's scope for a month, narrowed by department or flag. */
export default function ServiceVisitSearch() {
  const words = useRuleWords()
  const router = useRouter()
  const meState = useMe()
  const me = meState.status === 'ready' ? meState.me : null
  const [month, setMonth] = useSearchMonth(me, router.params.month)
  const [flag, setFlag] = useState<ServiceVisitFlag | 'all'>((router.params.flag as ServiceVisitFlag) || 'all')
  const [deptId, setDeptId] = useState(router.params.deptId ?? '')
  const { items, setItems, cursor, error, busy, load } = usePagedList((cursor) =>
    searchServiceVisits({
      from: `${month}-01`,
      to: lastDateOfMonthOf(month),
      ...(deptId ? { deptId } : {}),
      ...(flag !== 'all' ? { flag } : {}),
      ...(cursor ? { cursor } : {}),
    }),
  )

  useEffect(() => {
    if (!month) return
    setItems(null)
    void load(false)
  }, [month, flag, deptId])

  if (meState.status === 'failed' || !me || !month) return <MeWaiting id='page-service-visits' state={meState} />
  const tabs = [{ key: 'all', label: '全部' }, ...FLAGS.map((f) => ({ key: f, label: words?.serviceVisitFlags[f].title ?? '' }))]

  return (
    <PageShell id='page-service-visits'>
      <View className='sv-bar'>
        <MonthStepper id='month-picker' value={month} max={monthOf(me.today.date)} onChange={setMonth} />
        <DeptFilter me={me} value={deptId} onChange={setDeptId} />
      </View>
      <SegmentTabs id='flag-tabs' segments={tabs} value={flag} onChange={(k) => setFlag(k as ServiceVisitFlag | 'all')} />
      <Text className='sv-note' id='flag-note'>
        {flag !== 'all' && words ? words.serviceVisitFlags[flag].detail : '入企服务是宣讲政策、调研走访、帮扶解难，不是检查：不需计划、不限次数、不录结果。'}
      </Text>
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          没有符合条件的入企服务。
        </Text>
      ) : null}
      {items && items.length > 0 ? (
        <Text className='sv-note' id='result-count'>
          已显示 {items.length} 次入企服务{cursor ? '，还有更多' : '，已全部显示'}。
        </Text>
      ) : null}
      <View id='service-visit-list'>
        {(items ?? []).map((v) => (
          <Row key={v.id} v={v} />
        ))}
      </View>
      <LoadMore cursor={cursor} busy={busy} onMore={() => void load(true)} />
    </PageShell>
  )
}
