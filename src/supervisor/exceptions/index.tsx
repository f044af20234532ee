import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import type { ExceptionVerdict, Output } from '@contract'
import { listExceptions } from '@/services/supervision/exceptions'
import { reviewException } from '@/services/supervision/review-exception'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { VERDICT_LABELS } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { chinaDateTime } from '@/lib/china-time'
import { ReviewPanel } from '../lib/ReviewPanel'
import '../lib/supervisor.css'

/** One department's case of one inspection (a joint inspection can carry several, each reviewed on its own). */
type CaseItem = Output<'supervision', 'exceptions'>['items'][number]
const caseKey = (it: CaseItem) => `${it.id}:${it.reviewCase.deptId}`

const TABS: { key: ExceptionVerdict; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'unjustified', label: '不合理' },
  { key: 'justified', label: '情形成立' },
]

function Review({ it, onDone }: { it: CaseItem; onDone: (i: CaseItem, verdict: 'justified' | 'unjustified') => void }) {
  return (
    <ReviewPanel
      placeholder='例如：已核实为省统一部署的专项整治 / 无投诉或案件依据，不属于特殊情形'
      missing={() => '请填写审核意见（将记入台账，并通报该部门）'}
      decisions={[
        { key: 'justified', id: 'btn-justified', label: '情形成立', tone: 'ok' },
        { key: 'unjustified', id: 'btn-unjustified', label: '不合理', tone: 'bad' },
      ]}
      decide={async (verdict, comment) => {
        const res = await reviewException({ inspectionId: it.id, deptId: it.reviewCase.deptId, verdict, comment })
        if (!res.ok) return res.error.message
        onDone(it, verdict)
        return null
      }}
    />
  )
}

function Item({
  it,
  selected,
  onSelect,
  onDone,
}: {
  it: CaseItem
  selected: boolean
  onSelect: () => void
  onDone: (i: CaseItem, v: 'justified' | 'unjustified') => void
}) {
  const { reviewCase: c } = it
  const ex = c.exception
  const words = useRuleWords()
  const verdict = c.review
  const others = it.joint ? it.deptIds.length - 1 : 0
  const comment = ex?.reviewComment ?? (c.lead ? it.backfill?.reviewComment : undefined)
  const v = VERDICT_LABELS[verdict]
  return (
    <View
      className={`card sv-item sv-item--${verdict === 'pending' ? 'warn' : verdict === 'unjustified' ? 'bad' : ''}${selected ? ' sv-item--on' : ''} exception-item`}
      id={`exception-${it.id}-${c.deptId}`}
      onClick={onSelect}
    >
      <View className='sv-item__head'>
        <Text className='sv-item__title'>{it.companyName ?? it.companyId}</Text>
        <StatusBadge tone={v.tone} text={v.text} />
      </View>
      <Text className='sv-item__line'>
        {c.deptName}
        {others > 0 ? (c.lead ? `（联合检查牵头，另有 ${others} 个部门）` : `（加入${it.deptName ?? ''}的联合检查）`) : ''}
      </Text>
      <Text className='sv-item__line'>检查人员：{it.officerNames.join('、')}</Text>
      <Text className='sv-item__line'>特殊情形：{ex ? (words?.categoryLabel(ex.category) ?? '') : '无（补录的检查）'}</Text>
      {ex?.reason ? <Text className='sv-item__line'>说明：{ex.reason}</Text> : null}
      <Text className='sv-item__meta'>
        {chinaDateTime(it.checkInAt)} 入企{ex ? ' · 安静生产期' : ''}
        {c.lead && it.backfill ? ' · 补录' : ''}
      </Text>
      {comment ? <Text className='sv-item__meta'>审核意见：{comment}</Text> : null}
      {verdict === 'pending' && selected ? <Review it={it} onDone={onDone} /> : null}
      {verdict === 'pending' && !selected ? <Text className='sv-item__meta sv-scope__more'>点击审核 ›</Text> : null}
    </View>
  )
}

/** 例外审核: quiet-period check-ins that named a special case; the supervisor rules each justified or not. */
export default function SupervisorExceptions() {
  const router = useRouter()
  const words = useRuleWords()
  const [tab, setTab] = useState<ExceptionVerdict>((router.params.status as ExceptionVerdict) || 'pending')
  const [items, setItems] = useState<CaseItem[] | null>(null)
  // Opened from an alert: the inspection (and the department, for one case of a joint inspection).
  const [selected, setSelected] = useState<string | null>(
    router.params.id ? `${decodeURIComponent(router.params.id)}:${router.params.dept ? decodeURIComponent(router.params.dept) : ''}` : null,
  )
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')

  const load = async (status: ExceptionVerdict) => {
    setError('')
    const res = await listExceptions({ status })
    if (!res.ok) return setError(res.error.message)
    const loaded = [...res.data.items].sort((a, b) => b.checkInAt - a.checkInAt)
    setItems(loaded)
    // Opened from an alert naming only the inspection: its first case.
    setSelected((s) => {
      if (!s?.endsWith(':')) return s
      const hit = loaded.find((x) => `${x.id}:` === s)
      return hit ? caseKey(hit) : null
    })
  }
  useDidShow(() => {
    void load(tab)
  })
  const pick = (k: string) => {
    setTab(k as ExceptionVerdict)
    setItems(null)
    setNotice('')
    void load(k as ExceptionVerdict)
  }
  const done = (i: CaseItem, verdict: 'justified' | 'unjustified') => {
    setNotice(`已审核：${i.companyName ?? ''} ${i.reviewCase.deptName} ${verdict === 'justified' ? '特殊情形成立' : '不合理，已计入该部门通报'}`)
    setItems((prev) => (prev ? prev.filter((x) => caseKey(x) !== caseKey(i)) : prev))
    setSelected(null)
  }

  return (
    <PageShell id='page-exceptions'>
      <SegmentTabs id='exception-tabs' segments={TABS} value={tab} onChange={pick} />
      <Text className='sv-note'>{words ? `${words.quietPeriodNamed}以特殊情形进入${words.quietCompanies}的检查，须逐条审核特殊情形是否成立。` : ''}</Text>
      {notice ? (
        <Text className='sv-note sv-ok' id='review-done'>
          {notice}
        </Text>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          {tab === 'pending' ? '没有待审核的例外入企。' : '暂无记录。'}
        </Text>
      ) : null}
      <View id='exception-list'>
        {items?.map((it) => (
          <Item key={caseKey(it)} it={it} selected={selected === caseKey(it)} onSelect={() => setSelected(caseKey(it))} onDone={done} />
        ))}
      </View>
    </PageShell>
  )
}
