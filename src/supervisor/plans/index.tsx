import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import type { Company, Plan, PlanFacts, PlanKind, PlanStatus } from '@contract'
import { listCompanies } from '@/services/account/companies'
import { listDepartments } from '@/services/account/departments'
import { listPlans } from '@/services/supervision/plans'
import { reviewPlan } from '@/services/supervision/review-plan'
import { submitPlan } from '@/services/supervision/submit-plan'
import { ChoiceList } from '@/components/ChoiceList'
import { DateField } from '@/components/DateField'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { TextAreaField } from '@/components/TextAreaField'
import { PLAN_KIND_LABELS, PLAN_STATUS_LABELS } from '@/lib/labels'
import { regionName } from '../lib/regions'
import { ReviewPanel } from '../lib/ReviewPanel'
import { hasRole, useMe, type Me } from '../lib/me'
import { chinaDateTime, dateLabel } from '@/lib/china-time'
import { planBounds, planDefault, withFrom } from '@/lib/date-bounds'
import { fieldOfError } from '@/lib/field-error'
import { useRuleWords } from '@/hooks/useRuleWords'
import '../lib/supervisor.css'

const TABS: { key: PlanStatus; label: string }[] = [
  { key: 'pending', label: '待审核' },
  { key: 'approved', label: '已批准' },
  { key: 'rejected', label: '已退回' },
]

/** What a reviewer weighs (supervisors, pending plans): the companies, the quiet period, overlaps. */
function PlanFactsView({ f, today }: { f: PlanFacts; today: string }) {
  return (
    <View className='sv-panel' id='plan-facts'>
      <Text className='form-label'>涉及企业 {f.companies.length} 家</Text>
      {f.companies.map((c) => (
        <Text key={c.id} className='sv-item__line' id={`plan-company-${c.id}`}>
          {c.name} · {regionName(c.region)} · {c.inPark ? `园区（${c.parkName ?? '园区企业'}）` : '非园区'}
        </Text>
      ))}
      <Text className='form-label'>与安静生产期</Text>
      <Text className={`sv-item__line${f.quiet.quietDays && f.quiet.parkCompanies ? ' sv-note--bad' : ''}`} id='plan-quiet'>
        共 {f.quiet.days} 天，其中 {f.quiet.quietDays} 天在安静生产期内、{f.quiet.openDays} 天可正常入企；
        {f.quiet.parkCompanies ? `${f.quiet.parkCompanies} 家园区企业在安静期内不能按计划入企。` : '不涉及园区企业。'}
      </Text>
      <Text className='form-label'>与本单位其他计划</Text>
      {f.overlaps.length === 0 ? (
        <Text className='sv-item__line' id='plan-overlaps'>
          时间上不与本单位其他计划重叠。
        </Text>
      ) : (
        <View id='plan-overlaps'>
          {f.overlaps.map((o) => (
            <Text key={o.planId} className='sv-item__line'>
              {o.title}（{dateLabel(o.from, today)}—{dateLabel(o.to, today)}，{PLAN_STATUS_LABELS[o.status].text}）
              {o.sharedCompanies ? `：同 ${o.sharedCompanies} 家企业重复` : '：企业不重复'}
            </Text>
          ))}
        </View>
      )}
    </View>
  )
}

function PlanCard({
  p,
  today,
  dept,
  reviewable,
  selected,
  onSelect,
  onReviewed,
}: {
  p: Plan & { facts?: PlanFacts }
  /** The server's China date: a plan's dates say their year when it is another. */
  today: string
  dept?: string
  reviewable: boolean
  selected: boolean
  onSelect: () => void
  onReviewed: (p: Plan) => void
}) {
  const s = PLAN_STATUS_LABELS[p.status]
  return (
    <View
      className={`card sv-item sv-item--${p.status === 'pending' ? 'warn' : p.status === 'rejected' ? 'bad' : ''}${selected ? ' sv-item--on' : ''} plan-item`}
      id={`plan-${p.id}`}
      onClick={onSelect}
    >
      <View className='sv-item__head'>
        <Text className='sv-item__title'>{p.title}</Text>
        <StatusBadge tone={s.tone} text={s.text} />
      </View>
      <Text className='sv-item__line'>
        {dept ?? p.deptId} · {PLAN_KIND_LABELS[p.kind]} · {regionName(p.region)}
      </Text>
      <Text className='sv-item__line'>
        {dateLabel(p.from, today)}—{dateLabel(p.to, today)} · 涉及企业 {p.companyIds.length} 家
      </Text>
      {selected ? (
        <View>
          <Text className='sv-item__line'>检查事项：{p.items.join('；')}</Text>
          <Text className='sv-item__line'>依据：{p.basis}</Text>
          {p.facts ? <PlanFactsView f={p.facts} today={today} /> : null}
        </View>
      ) : null}
      <Text className='sv-item__meta'>{chinaDateTime(p.submittedAt)} 提交</Text>
      {p.review ? <Text className='sv-item__meta'>审核意见：{p.review.comment}</Text> : null}
      {reviewable && selected ? (
        <ReviewPanel
          placeholder='例如：检查事项与依据明确，同意 / 与其他部门计划重复，请合并为联合检查'
          missing={(decision) => (decision === 'reject' ? '退回须说明理由' : '请填写审核意见')}
          decisions={[
            { key: 'approve', id: 'btn-approve', label: '批准', tone: 'ok' },
            { key: 'reject', id: 'btn-reject', label: '退回', tone: 'bad' },
          ]}
          decide={async (decision, comment) => {
            const res = await reviewPlan({ planId: p.id, decision, comment })
            if (!res.ok) return res.error.message
            onReviewed(res.data.plan)
            return null
          }}
        />
      ) : null}
      {reviewable && !selected ? <Text className='sv-item__meta sv-scope__more'>点击审核 ›</Text> : null}
    </View>
  )
}

function PlanForm({ me, onSubmitted }: { me: Me; onSubmitted: (p: Plan) => void }) {
  const today = me.today.date
  const words = useRuleWords()
  const [title, setTitle] = useState('')
  const [kind, setKind] = useState<PlanKind>('routine')
  const [items, setItems] = useState('')
  const [basis, setBasis] = useState('')
  const [period, setPeriod] = useState(planDefault(today))
  const bounds = planBounds(period, today)
  const [query, setQuery] = useState('')
  const [found, setFound] = useState<Company[] | null>(null)
  const [picked, setPicked] = useState<Company[]>([])
  const [error, setError] = useState<{ message: string; field?: string } | null>(null)
  const [busy, setBusy] = useState(false)
  const fail = (message: string, field?: string) => setError({ message, field })

  const search = async () => {
    setError(null)
    const res = await listCompanies(query.trim() ? { query: query.trim() } : {})
    if (!res.ok) return fail(res.error.message)
    setFound(res.data.items)
  }
  const toggle = (c: Company) => setPicked((prev) => (prev.some((x) => x.id === c.id) ? prev.filter((x) => x.id !== c.id) : [...prev, c]))
  const submit = async () => {
    if (busy || !me.user?.deptId) return
    const list = items
      .split(/\n|；|;/)
      .map((s) => s.trim())
      .filter(Boolean)
    if (!title.trim() || !list.length || !basis.trim()) return fail('请填写计划名称、检查事项和检查依据')
    if (!picked.length) return fail('请至少选择一家检查对象企业')
    setBusy(true)
    setError(null)
    const res = await submitPlan({
      deptId: me.user.deptId,
      title: title.trim(),
      kind,
      items: list,
      basis: basis.trim(),
      companyIds: picked.map((c) => c.id),
      from: period.from,
      to: period.to,
    })
    setBusy(false)
    if (!res.ok) {
      const field = fieldOfError(res.error)
      return fail(res.error.message, field === 'from' || field === 'to' ? 'period' : undefined)
    }
    setTitle('')
    setItems('')
    setBasis('')
    setPicked([])
    setFound(null)
    onSubmitted(res.data.plan)
  }

  return (
    <View className='card' id='plan-form'>
      <Text className='sv-section__title'>提交检查计划</Text>
      <Text className='sv-note'>计划经监督部门批准后，执法人员方可据此入企{words ? `；${words.capNote}` : ''}。</Text>
      <FormField id='input-title' label='计划名称' value={title} onChange={setTitle} placeholder='例如：2027年1月食品生产企业日常检查' maxlength={100} />
      <Text className='form-label'>检查类型</Text>
      <ChoiceList
        id='plan-kind'
        idPrefix='kind'
        value={kind}
        onChange={(k) => setKind(k as PlanKind)}
        choices={(Object.keys(PLAN_KIND_LABELS) as PlanKind[]).map((k) => ({ key: k, title: PLAN_KIND_LABELS[k] }))}
      />
      <TextAreaField
        id='input-items'
        label='检查事项（每行一项）'
        className='sv-textarea'
        value={items}
        onChange={setItems}
        maxlength={2000}
        placeholder={'例如：\n生产许可证照\n原料进货查验记录'}
      />
      <TextAreaField
        id='input-basis'
        label='检查依据'
        className='sv-textarea'
        value={basis}
        onChange={setBasis}
        placeholder='法律法规及条款，例如：《食品安全法》第一百一十条'
      />
      <DateField
        id='input-from'
        label='开始日期'
        value={period.from}
        onChange={(from) => setPeriod(withFrom(period, from))}
        bounds={bounds.from}
        today={today}
      />
      <DateField
        id='input-to'
        label='结束日期'
        value={period.to}
        onChange={(to) => setPeriod({ ...period, to })}
        bounds={bounds.to}
        today={today}
        error={error?.field === 'period' ? error.message : undefined}
        errorId='plan-period-error'
      />
      <Text className='form-label'>检查对象（已选 {picked.length} 家）</Text>
      {picked.map((c) => (
        <View key={c.id} className='sv-kv' id={`picked-${c.id}`} onClick={() => toggle(c)}>
          <Text className='sv-kv__v'>✓ {c.name}</Text>
          <Text className='sv-scope__more'>移除</Text>
        </View>
      ))}
      <FormField id='input-company-query' label='搜索企业' value={query} onChange={setQuery} placeholder='企业名称关键字或统一社会信用代码' maxlength={60} />
      <Button id='btn-company-search' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void search()}>
        搜索企业
      </Button>
      {found ? (
        <View id='company-results' className='sv-panel'>
          {found.length === 0 ? <Text className='sv-note'>没有找到匹配的企业。</Text> : null}
          {found.map((c) => {
            const on = picked.some((x) => x.id === c.id)
            return (
              <View key={c.id} className='sv-kv' id={`pick-${c.id}`} onClick={() => toggle(c)}>
                <Text className='sv-kv__v'>
                  {on ? '✓ ' : ''}
                  {c.name}
                  {c.inPark ? '（园区）' : ''}
                </Text>
                <Text className='sv-scope__more'>{on ? '已选' : '选择'}</Text>
              </View>
            )
          })}
        </View>
      ) : null}
      {error && error.field !== 'period' ? <ErrorBox message={error.message} id='plan-error' /> : null}
      <Button id='btn-submit-plan' className='btn' hoverClass='btn--hover' onClick={() => void submit()}>
        {busy ? '正在提交…' : '提交审核'}
      </Button>
    </View>
  )
}

/** 检查计划: a department admin submits plans and follows them; a supervisor approves or rejects them. */
export default function SupervisorPlans() {
  const meState = useMe()
  const me = meState.status === 'ready' ? meState.me : null
  const supervisor = !!me && hasRole(me, 'supervisor')
  const [tab, setTab] = useState<PlanStatus>('pending')
  const [items, setItems] = useState<Array<Plan & { facts?: PlanFacts }> | null>(null)
  const [depts, setDepts] = useState<Record<string, string>>({})
  const [selected, setSelected] = useState<string | null>(null)
  const [error, setError] = useState('')
  const [notice, setNotice] = useState('')

  const load = async (status: PlanStatus | undefined) => {
    setError('')
    const res = await listPlans(status ? { status } : {})
    if (!res.ok) return setError(res.error.message)
    setItems(res.data.items)
  }
  useEffect(() => {
    if (me) void load(supervisor ? tab : undefined)
  }, [me, supervisor, tab])
  useDidShow(() => {
    if (me) void load(supervisor ? tab : undefined)
  })
  useEffect(() => {
    void listDepartments({}).then((res) => res.ok && setDepts(Object.fromEntries(res.data.items.map((d) => [d.id, d.name]))))
  }, [])

  if (meState.status === 'failed')
    return (
      <PageShell id='page-plans'>
        <ErrorBox message={meState.message} />
      </PageShell>
    )
  if (!me)
    return (
      <PageShell id='page-plans'>
        <Loading />
      </PageShell>
    )

  return (
    <PageShell id='page-plans'>
      {notice ? (
        <Text className='sv-note sv-ok' id='plan-notice'>
          {notice}
        </Text>
      ) : null}
      {hasRole(me, 'deptAdmin') ? (
        <PlanForm
          me={me}
          onSubmitted={(p) => {
            setNotice(`计划“${p.title}”已提交，等待监督部门审核。`)
            setItems((prev) => [p, ...(prev ?? [])])
          }}
        />
      ) : null}
      {supervisor ? (
        <SegmentTabs
          id='plan-tabs'
          segments={TABS}
          value={tab}
          onChange={(k) => {
            setItems(null)
            setTab(k as PlanStatus)
          }}
        />
      ) : (
        <Text className='sv-section__title'>本单位计划</Text>
      )}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          {supervisor && tab === 'pending' ? '没有待审核的检查计划。' : '暂无检查计划。'}
        </Text>
      ) : null}
      <View id='plan-list'>
        {items?.map((p) => (
          <PlanCard
            key={p.id}
            p={p}
            today={me.today.date}
            dept={depts[p.deptId]}
            reviewable={supervisor && p.status === 'pending'}
            selected={selected === p.id}
            onSelect={() => setSelected(p.id)}
            onReviewed={(r) => {
              setNotice(`已${r.status === 'approved' ? '批准' : '退回'}：${r.title}`)
              setItems((prev) => (prev ? prev.filter((x) => x.id !== r.id) : prev))
              setSelected(null)
            }}
          />
        ))}
      </View>
    </PageShell>
  )
}
