import { useEffect, useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { AlertKind, HiddenFigure, Output } from '@contract'
import { dashboard } from '@/services/supervision/dashboard'
import { ColumnChart } from '@/components/ColumnChart'
import { ErrorBox } from '@/components/ErrorBox'
import { HBarChart, type HBar } from '@/components/HBarChart'
import { Loading } from '@/components/Loading'
import { MonthStepper, shiftMonth } from '@/components/MonthStepper'
import { PageShell } from '@/components/PageShell'
import { MeWaiting } from '../lib/MeWaiting'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatCard } from '@/components/StatCard'
import { useRuleWords } from '@/hooks/useRuleWords'
import { regionName, regionOptions, shortDeptName } from '../lib/regions'
import { hasRole, seesCity, useMe, type Me } from '../lib/me'
import { monthOf } from '@/lib/china-time'
import { ALERT_LABELS, ALERT_ORDER } from '@/lib/labels'
import { alertsUrl, complaintsUrl, exceptionsUrl, inspectionsUrl, serviceVisitsUrl } from '../lib/urls'
import '../lib/supervisor.css'
import './index.css'

type Board = Output<'supervision', 'dashboard'>
type Dept = Board['byDepartment'][number]
type Trend = NonNullable<Board['trend']>

type Metric = 'inspections' | 'overdue' | 'unjustified' | 'pending' | 'bad' | 'complaints' | 'capRefusals' | 'noPenalty' | 'backfills' | 'serviceVisits'
const METRICS: { key: Metric; label: string; unit: string; tone: HBar['tone'] }[] = [
  { key: 'inspections', label: '检查次数', unit: '次', tone: 'normal' },
  { key: 'overdue', label: '红灯', unit: '起', tone: 'bad' },
  { key: 'unjustified', label: '不合理例外', unit: '起', tone: 'bad' },
  { key: 'pending', label: '例外待审', unit: '起', tone: 'warn' },
  { key: 'bad', label: '差评', unit: '条', tone: 'bad' },
  { key: 'complaints', label: '投诉', unit: '件', tone: 'bad' },
  { key: 'capRefusals', label: '超频次拒绝', unit: '次', tone: 'warn' },
  { key: 'noPenalty', label: '不予处罚', unit: '起', tone: 'normal' },
  { key: 'backfills', label: '事后补录', unit: '次', tone: 'warn' },
  { key: 'serviceVisits', label: '入企服务', unit: '次', tone: 'normal' },
]

function metricOf(d: Dept, m: Metric): number {
  switch (m) {
    case 'inspections':
      return d.inspections
    case 'overdue':
      return d.overdue
    case 'unjustified':
      return d.quietExceptions.unjustified
    case 'pending':
      return d.quietExceptions.pending
    case 'bad':
      return d.ratings.bad
    case 'complaints':
      return d.complaints.open + d.complaints.overdue
    case 'capRefusals':
      return d.capRefusals
    case 'noPenalty':
      return d.noPenalty ?? 0
    case 'backfills':
      return d.backfills ?? 0
    case 'serviceVisits':
      return d.serviceVisits ?? 0
  }
}

/** The 12 months ending at `month`: from the answer's trend, or (older backends) one call per month. */
async function loadTrend(month: string, region: string | undefined, board: Board): Promise<Trend> {
  if (board.trend && board.trend.length) return board.trend
  const months = Array.from({ length: 12 }, (_, i) => shiftMonth(month, i - 11))
  const answers = await Promise.all(
    months.map((m) => (m === month ? Promise.resolve({ ok: true as const, data: board }) : dashboard({ month: m, ...(region ? { region } : {}) }))),
  )
  return months.map((m, i) => {
    const a = answers[i]
    const t = a.ok ? a.data.totals : null
    return {
      month: m,
      inspections: t?.inspections ?? 0,
      overdue: t?.overdue ?? 0,
      quietExceptions: t ? t.quietExceptions.pending + t.quietExceptions.justified + t.quietExceptions.unjustified : 0,
    }
  })
}

/** What a withheld figure says instead of a number (SPEC §3: marked, never 0). */
const WITHHELD = '不公开'

/**
 * A rating line (inspections' or service visits'): the bad stars and the average, or why it
 * is not shown. `bad`: the bad-rating stars in words (types/rule-words.ts); `avgHidden`: the
 * answer withholds the average.
 */
function ratingNote(r: { count: number; avg: number | null }, avgHidden: boolean, rules: Board['rules'], bad: string): string {
  if (r.count === 0) return `${bad} · 暂无评价`
  if (r.avg === null || avgHidden) return `评价不足${rules.minRatings}条，平均分${WITHHELD}`
  return `${bad} · 平均 ${r.avg.toFixed(1)} 星`
}

/** Why a bad-rating count is withheld (department admins, below the threshold). */
const badWithheldNote = (rules: Board['rules']) => `评价不足${rules.minRatings}条，为保护评价企业${WITHHELD}`

/** One total on the board: its figure, the tone it takes when not zero, and the list it opens. */
type Card = {
  id: string
  label: string
  value: number
  note: string
  /** The tone when the figure is not 0 (a zero figure is never a problem). */
  tone?: 'warn' | 'bad'
  /** Complaint figures: shown to supervisors only. */
  supervisorOnly?: boolean
  /** What the card shows instead of the figure when the figure is withheld. */
  withheld?: string
  onTap?: () => void
}

/** What a card shows: the figure or its withheld word, in its tone only when it is a problem. */
function shown(c: Card): { value: number | string; tone: 'normal' | 'warn' | 'bad' } {
  return { value: c.withheld ?? c.value, tone: !c.withheld && c.value && c.tone ? c.tone : 'normal' }
}

/** One figure as a compact row: name and what it counts on the left, the figure on the right. */
function FigureRow({ c }: { c: Card }) {
  const s = shown(c)
  return (
    <View className={`fig-row${c.onTap ? ' fig-row--link' : ''}`} id={c.id} hoverClass={c.onTap ? 'stat--hover' : 'none'} onClick={c.onTap}>
      <View className='fig-row__text'>
        <Text className='fig-row__label'>{c.label}</Text>
        <Text className='fig-row__note' id={`${c.id}-note`}>
          {c.note}
        </Text>
      </View>
      <Text className={`fig-row__value fig-row__value--${s.tone}`} id={`${c.id}-value`}>
        {s.value}
      </Text>
      <Text className='fig-row__more'>{c.onTap ? '›' : ''}</Text>
    </View>
  )
}

/**
 * The figures of leniency, back-fill, withdrawal and service visits (rules 17–20), as
 * compact rows: each opens its list, or the departments' bars where no list exists.
 */
function ConductFigures({ me, board, onMetric }: { me: Me; board: Board; onMetric?: (m: Metric) => void }) {
  const t = board.totals
  const words = useRuleWords()
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const bars = (m: Metric) => (onMetric ? () => onMetric(m) : undefined)
  const hidden = (f: HiddenFigure) => !!t.hidden?.includes(f)
  const sr = t.serviceRatings ?? { count: 0, avg: null, bad: 0 }
  const rows: Card[] = [
    {
      id: 'fig-no-penalty',
      label: '不予处罚',
      value: t.noPenalty ?? 0,
      note: '引用首违不罚、轻微违法不罚清单的结果',
      onTap: bars('noPenalty'),
    },
    {
      id: 'fig-backfills',
      label: '事后补录',
      value: t.backfills ?? 0,
      tone: 'warn',
      note: words?.backfillWithin ? `未能现场扫码，${words.backfillWithin}内补录，待监督审核` : '未能现场扫码，事后补录，待监督审核',
      onTap: open(inspectionsUrl({ month: board.month, flag: 'backfilled' })),
    },
    {
      id: 'fig-withdrawn',
      label: '撤回',
      value: t.withdrawn ?? 0,
      note: words?.withdrawWithin ? `扫错企业，${words.withdrawWithin}内撤回，不计检查` : '扫错企业撤回，不计检查',
      onTap: open(inspectionsUrl({ month: board.month, status: 'withdrawn' })),
    },
    {
      id: 'fig-service-visits',
      label: '入企服务',
      value: t.serviceVisits ?? 0,
      note: `不计检查 · 企业评价 ${sr.count} 条 · 查看名单`,
      onTap: open(serviceVisitsUrl({ month: board.month })),
    },
    {
      id: 'fig-service-bad',
      label: '入企服务差评',
      value: sr.bad,
      tone: 'bad',
      withheld: hidden('serviceRatings.bad') ? WITHHELD : undefined,
      note: hidden('serviceRatings.bad') ? badWithheldNote(board.rules) : ratingNote(sr, hidden('serviceRatings.avg'), board.rules, words?.badStars ?? ''),
      onTap: hasRole(me, 'supervisor') ? open(alertsUrl('bad_rating')) : undefined,
    },
  ]
  return (
    <View>
      <View className='sv-section'>
        <Text className='sv-section__title'>包容审慎与入企服务</Text>
        <Text className='sv-section__note'>本月</Text>
      </View>
      <View className='card fig-rows' id='conduct'>
        {rows.map((c) => (
          <FigureRow key={c.id} c={c} />
        ))}
      </View>
    </View>
  )
}

function Figures({ me, board, onMetric }: { me: Me; board: Board; onMetric?: (m: Metric) => void }) {
  const t = board.totals
  const words = useRuleWords()
  const bad = words?.badStars ?? ''
  const supervisor = hasRole(me, 'supervisor')
  const go = (url: string) => (supervisor ? () => void Taro.navigateTo({ url }) : undefined)
  const open = (url: string) => () => void Taro.navigateTo({ url })
  const alerts = (kind: AlertKind) => go(alertsUrl(kind))
  const badHidden = !!t.hidden?.includes('ratings.bad')
  const cards: Card[] = [
    {
      id: 'card-inspections',
      label: '检查次数',
      value: t.inspections,
      note: `企业评价 ${t.ratings.count} 条 · 查看名单`,
      onTap: open(inspectionsUrl({ month: board.month })),
    },
    { id: 'card-overdue', label: '红灯', value: t.overdue, tone: 'bad', note: '本月入企中逾期未录入结果', onTap: alerts('overdue') },
    {
      id: 'card-overdue-open',
      label: '红灯 未消除',
      value: board.overdueOpen,
      tone: 'bad',
      note: '今天仍未录入结果（含往月）',
      onTap: open(inspectionsUrl({ status: 'overdue' })),
    },
    {
      id: 'card-exceptions-pending',
      label: '例外 待审核',
      value: t.quietExceptions.pending,
      tone: 'warn',
      note: `已认定合理 ${t.quietExceptions.justified}`,
      onTap: go(exceptionsUrl({ status: 'pending' })),
    },
    {
      id: 'card-exceptions-unjustified',
      label: '例外 不合理',
      value: t.quietExceptions.unjustified,
      tone: 'bad',
      note: '安静期入企情形不成立',
      onTap: go(exceptionsUrl({ status: 'unjustified' })),
    },
    {
      id: 'card-bad-ratings',
      label: '差评',
      value: t.ratings.bad,
      tone: 'bad',
      withheld: badHidden ? WITHHELD : undefined,
      note: badHidden ? badWithheldNote(board.rules) : ratingNote(t.ratings, !!t.hidden?.includes('ratings.avg'), board.rules, bad),
      onTap: alerts('bad_rating'),
    },
    {
      id: 'card-complaints-open',
      label: '投诉 办理中',
      value: t.complaints.open,
      tone: 'warn',
      note: '仅监督部门可见',
      supervisorOnly: true,
      onTap: go(complaintsUrl()),
    },
    {
      id: 'card-complaints-overdue',
      label: '投诉 逾期',
      value: t.complaints.overdue,
      tone: 'bad',
      note: words ? `超${words.complaintDue}` : '',
      supervisorOnly: true,
      onTap: alerts('complaint_overdue'),
    },
    { id: 'card-unscanned', label: '未扫码入企', value: t.unscanned, tone: 'bad', note: '监测点台账核出', onTap: alerts('unscanned') },
    {
      id: 'card-repeated',
      label: '重复检查',
      value: t.repeated,
      tone: 'warn',
      note: words ? `同一企业${words.repeatedWindow}内` : '',
      onTap: alerts('repeated'),
    },
    {
      id: 'card-cap-refusals',
      label: '超频次拒绝',
      value: t.capRefusals,
      tone: 'warn',
      note: words ? `年度计划检查超${words.cap}` : '',
      onTap: onMetric ? () => onMetric('capRefusals') : undefined,
    },
  ]
  return (
    <View className='sv-grid' id='totals'>
      {cards
        .filter((c) => supervisor || !c.supervisorOnly)
        .map((c) => (
          <StatCard key={c.id} id={c.id} label={c.label} note={c.note} onTap={c.onTap} {...shown(c)} />
        ))}
    </View>
  )
}

/** 监督看板: a month at a glance — totals, per-department bars, the 12-month trend; each figure opens its list. */
export default function SupervisorDashboard() {
  const meState = useMe()
  const [month, setMonth] = useState('')
  const [region, setRegion] = useState<string | undefined>()
  const [board, setBoard] = useState<Board | null>(null)
  const [trend, setTrend] = useState<Trend | null>(null)
  const [error, setError] = useState('')
  const [metric, setMetric] = useState<Metric>('inspections')

  const me = meState.status === 'ready' ? meState.me : null
  const today = me?.today.date ?? ''
  useEffect(() => {
    if (today && !month) setMonth(monthOf(today))
  }, [today, month])

  useEffect(() => {
    if (!month) return
    let live = true
    setBoard(null)
    setTrend(null)
    setError('')
    void dashboard({ month, ...(region ? { region } : {}) }).then(async (res) => {
      if (!live) return
      if (!res.ok) return setError(res.error.message)
      setBoard(res.data)
      const tr = await loadTrend(month, region, res.data)
      if (live) setTrend(tr)
    })
    return () => {
      live = false
    }
  }, [month, region])

  if (meState.status === 'failed' || !me || !month) return <MeWaiting id='page-dashboard' state={meState} />

  const deptOnly = !hasRole(me, 'supervisor') && !hasRole(me, 'admin')
  const regions = regionOptions()
  const regionIdx = Math.max(
    0,
    regions.findIndex((r) => r.code === (region ?? me.city.code)),
  )
  /** Shows the departments' bars by a figure, scrolled into view. */
  const showMetric = (k: Metric) => {
    setMetric(k)
    setTimeout(() => void Taro.pageScrollTo({ selector: '#bar-metric', duration: 200 }), 50)
  }
  const m = METRICS.find((x) => x.key === metric)!
  const bars: HBar[] = (board?.byDepartment ?? [])
    .map((d) => ({ key: d.deptId, label: shortDeptName(d.deptName), value: metricOf(d, metric), tone: m.tone }))
    .filter((b) => b.value > 0)
    .sort((a, b) => b.value - a.value)
  const activeDepts = (board?.byDepartment ?? []).filter((d) => d.inspections > 0).length

  return (
    <PageShell id='page-dashboard'>
      <View className='sv-bar'>
        <MonthStepper id='month-picker' value={month} max={monthOf(today)} onChange={setMonth} />
        {seesCity(me) ? (
          <Picker
            mode='selector'
            range={regions.map((r) => r.name)}
            value={regionIdx}
            onChange={(e) => setRegion(regions[Number(e.detail.value)].code === me.city.code ? undefined : regions[Number(e.detail.value)].code)}
          >
            <View className='sv-scope' id='region-picker'>
              <Text>范围：{regions[regionIdx].name}</Text>
              <Text className='sv-scope__more'>切换县区 ›</Text>
            </View>
          </Picker>
        ) : (
          <View className='sv-scope' id='region-picker'>
            <Text>范围：{deptOnly ? '本单位' : regionName(me.user?.region)}</Text>
          </View>
        )}
      </View>

      {board?.calendarWarning ? (
        <Text className='sv-note sv-note--bad' id='calendar-warning'>
          {board.calendarWarning}
        </Text>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {!board && !error ? <Loading /> : null}
      {board ? (
        <View>
          <View className='sv-section'>
            <Text className='sv-section__title'>本月汇总</Text>
            <Text className='sv-section__note'>{deptOnly ? '仅本单位数据' : `${activeDepts} 个部门有入企检查`}</Text>
          </View>
          <Figures me={me} board={board} onMetric={deptOnly ? undefined : showMetric} />
          <ConductFigures me={me} board={board} onMetric={deptOnly ? undefined : showMetric} />

          {board.openAlerts ? (
            <View>
              <View className='sv-section'>
                <Text className='sv-section__title'>待处理预警</Text>
                <Text className='sv-section__note'>按类型 · 不分月份</Text>
              </View>
              <View className='card' hoverClass='stat--hover' onClick={() => void Taro.navigateTo({ url: alertsUrl() })}>
                <HBarChart
                  id='open-alerts'
                  bars={ALERT_ORDER.map((k) => ({ key: k, label: ALERT_LABELS[k].chip, value: board.openAlerts?.[k] ?? 0, tone: ALERT_LABELS[k].tone })).filter(
                    (b) => b.value > 0,
                  )}
                  unit='条'
                  empty='没有待处理的预警'
                />
              </View>
            </View>
          ) : null}

          {deptOnly ? null : (
            <View>
              <View className='sv-section'>
                <Text className='sv-section__title'>各部门对比</Text>
                <Text className='sv-section__note'>从多到少</Text>
              </View>
              <SegmentTabs
                id='bar-metric'
                segments={METRICS.map((x) => ({ key: x.key, label: x.label }))}
                value={metric}
                onChange={(k) => setMetric(k as Metric)}
              />
              <View className='card'>
                <HBarChart id='dept-bars' bars={bars} unit={m.unit} empty={`本月各部门${m.label}均为 0`} />
              </View>
            </View>
          )}

          <View className='sv-section'>
            <Text className='sv-section__title'>近12个月趋势</Text>
            <Text className='sv-section__note'>柱：检查次数</Text>
          </View>
          <View className='card'>
            {trend ? (
              <ColumnChart
                id='trend'
                columns={trend.map((t) => ({
                  key: t.month,
                  label: `${Number(t.month.slice(5))}月`,
                  value: t.inspections,
                  sub: t.overdue,
                  highlight: t.month === month,
                }))}
                subLabel='红字：当月红灯数（逾期未录入结果）'
              />
            ) : (
              <Loading text='正在加载趋势…' id='trend-loading' />
            )}
          </View>
        </View>
      ) : null}
    </PageShell>
  )
}
