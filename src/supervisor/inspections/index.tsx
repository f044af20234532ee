import { useEffect, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import type { Inspection, InspectionFlag, InspectionSource, InspectionStatus } from '@contract'
import { searchInspections } from '@/services/supervision/inspections'
import { ErrorBox } from '@/components/ErrorBox'
import { LoadMore } from '@/components/LoadMore'
import { Loading } from '@/components/Loading'
import { MonthStepper } from '@/components/MonthStepper'
import { PageShell } from '@/components/PageShell'
import { MeWaiting } from '../lib/MeWaiting'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { SOURCE_LABELS, sourceLabel } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import type { RuleWords } from '@rule-words'
import { lastDateOfMonthOf, monthOf } from '@/lib/china-time'
import { DeptFilter, useSearchMonth } from '../lib/DeptFilter'
import { useMe } from '../lib/me'
import { regionName } from '../lib/regions'
import { inspectionUrl } from '../lib/urls'
import '../lib/supervisor.css'

const STATUS_TABS: { key: InspectionStatus | 'all'; label: string }[] = [
  { key: 'all', label: '全部' },
  { key: 'open', label: '进行中' },
  { key: 'overdue', label: '红灯' },
  { key: 'closed', label: '已完成' },
  { key: 'withdrawn', label: '已撤回' },
]
const STATUS_BADGE: Record<InspectionStatus, { text: string; tone: 'ok' | 'warn' | 'bad' }> = {
  open: { text: '进行中', tone: 'warn' },
  overdue: { text: '红灯', tone: 'bad' },
  closed: { text: '已完成', tone: 'ok' },
  withdrawn: { text: '已撤回', tone: 'warn' },
}

type Mark = { key: string; label: string; source?: InspectionSource; flag?: InspectionFlag }
/** The filter choices: every source, and every flag in the words of the settings. */
const marksOf = (words: RuleWords | null): Mark[] => [
  { key: 'all', label: '全部来源与标记' },
  ...(Object.keys(SOURCE_LABELS) as InspectionSource[]).map((s) => ({ key: `s:${s}`, label: `来源：${SOURCE_LABELS[s]}`, source: s })),
  ...(words ? (Object.keys(words.flags) as InspectionFlag[]).map((f) => ({ key: `f:${f}`, label: `标记：${words.flags[f].title}`, flag: f })) : []),
]

function Row({ i }: { i: Inspection }) {
  const words = useRuleWords()
  const badge = STATUS_BADGE[i.status]
  return (
    <View
      className={`card sv-item sv-item--${badge.tone === 'bad' ? 'bad' : 'normal'} insp-item`}
      id={`insp-${i.id}`}
      hoverClass='stat--hover'
      onClick={() => void Taro.navigateTo({ url: inspectionUrl(i.id) })}
    >
      <View className='sv-item__head'>
        <StatusBadge tone={badge.tone} text={badge.text} />
        <Text className='sv-item__meta'>{i.date}</Text>
      </View>
      <Text className='sv-item__title'>{i.companyName}</Text>
      <Text className='sv-item__line'>
        {i.deptName} · {i.officerNames.join('、')}
      </Text>
      <Text className='sv-item__meta'>{[sourceLabel(i), regionName(i.region), ...i.flags.map((f) => words?.flags[f]?.title ?? '')].join(' · ')} · 查看 ›</Text>
    </View>
  )
}

/** 检查查询: the inspections of the caller's scope for a month, narrowed by status, department, source or mark. */
export default function InspectionSearch() {
  const MARKS = marksOf(useRuleWords())
  const router = useRouter()
  const meState = useMe()
  const me = meState.status === 'ready' ? meState.me : null
  const [month, setMonth] = useSearchMonth(me, router.params.month)
  const [status, setStatus] = useState<InspectionStatus | 'all'>((router.params.status as InspectionStatus) || 'all')
  const [deptId, setDeptId] = useState(router.params.deptId ?? '')
  const [mark, setMark] = useState(router.params.flag ? `f:${router.params.flag}` : 'all')
  const [items, setItems] = useState<Inspection[] | null>(null)
  const [cursor, setCursor] = useState<string | undefined>()
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const companyId = router.params.companyId
  // A red light stays one whatever month it began: the overdue tab searches every month.
  const allMonths = status === 'overdue' && !router.params.month

  const filters = () => {
    const m = MARKS.find((x) => x.key === mark)
    return {
      ...(allMonths || !month ? {} : { from: `${month}-01`, to: lastDateOfMonthOf(month) }),
      ...(status !== 'all' ? { status } : {}),
      ...(deptId ? { deptId } : {}),
      ...(companyId ? { companyId } : {}),
      ...(m?.source ? { source: m.source } : {}),
      ...(m?.flag ? { flag: m.flag } : {}),
    }
  }
  const load = async (more: boolean) => {
    setBusy(true)
    setError('')
    const res = await searchInspections({ ...filters(), ...(more && cursor ? { cursor } : {}) })
    setBusy(false)
    if (!res.ok) return setError(res.error.message)
    setItems(more && items ? [...items, ...res.data.items] : res.data.items)
    setCursor(res.data.cursor)
  }
  useEffect(() => {
    if (!month) return
    setItems(null)
    void load(false)
  }, [month, status, deptId, mark])

  if (meState.status === 'failed' || !me || !month) return <MeWaiting id='page-inspections' state={meState} />
  const markIdx = Math.max(
    0,
    MARKS.findIndex((m) => m.key === mark),
  )

  return (
    <PageShell id='page-inspections'>
      <View className='sv-bar'>
        {allMonths ? (
          <Text className='sv-note'>红灯：今天仍未录入结果的检查，不分月份。</Text>
        ) : (
          <MonthStepper id='month-picker' value={month} max={monthOf(me.today.date)} onChange={setMonth} />
        )}
        <DeptFilter me={me} value={deptId} onChange={setDeptId} />
        <Picker mode='selector' range={MARKS.map((m) => m.label)} value={markIdx} onChange={(e) => setMark(MARKS[Number(e.detail.value)].key)}>
          <View className='sv-scope' id='mark-picker'>
            <Text>{MARKS[markIdx].label}</Text>
            <Text className='sv-scope__more'>选择 ›</Text>
          </View>
        </Picker>
      </View>
      <SegmentTabs id='status-tabs' segments={STATUS_TABS} value={status} onChange={(k) => setStatus(k as InspectionStatus | 'all')} />
      {companyId && items?.[0] ? <Text className='sv-note'>仅显示：{items[0].companyName}</Text> : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          没有符合条件的检查。
        </Text>
      ) : null}
      {items && items.length > 0 ? (
        <Text className='sv-note' id='result-count'>
          已显示 {items.length} 次检查{cursor ? '，还有更多' : '，已全部显示'}；点一次检查查看详情。
        </Text>
      ) : null}
      <View id='insp-list'>
        {(items ?? []).map((i) => (
          <Row key={i.id} i={i} />
        ))}
      </View>
      <LoadMore cursor={cursor} busy={busy} onMore={() => void load(true)} />
    </PageShell>
  )
}
