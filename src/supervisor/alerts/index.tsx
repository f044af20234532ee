import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import type { Alert, AlertKind, Department } from '@contract'
import { listAlerts } from '@/services/supervision/alerts'
import { listDepartments } from '@/services/account/departments'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { SegmentTabs } from '@/components/SegmentTabs'
import { StatusBadge } from '@/components/StatusBadge'
import { ALERT_LABELS, ALERT_ORDER } from '@/lib/labels'
import { useRuleWords } from '@/hooks/useRuleWords'
import { regionName, useRegions } from '../lib/regions'
import { chinaDateTime } from '@/lib/china-time'
import { complaintsUrl, exceptionsUrl, parseRef } from '../lib/urls'
import '../lib/supervisor.css'

/** Where an alert's record is handled: exception review, complaint handling, or shown in place. */
function targetOf(a: Alert): string | null {
  const { id } = parseRef(a.ref)
  if (a.kind === 'pending_exception') return exceptionsUrl({ status: 'pending', id })
  if (a.kind === 'unjustified_exception') return exceptionsUrl({ status: 'unjustified', id })
  if (a.kind === 'complaint_overdue') return complaintsUrl({ id })
  return null
}

function AlertRow({ a, dept, open, onToggle }: { a: Alert; dept?: string; open: boolean; onToggle: () => void }) {
  const words = useRuleWords()
  const label = ALERT_LABELS[a.kind] ?? { chip: a.kind, tone: 'warn' as const }
  const target = targetOf(a)
  const tap = () => (target ? void Taro.navigateTo({ url: target }) : onToggle())
  return (
    <View className={`card sv-item sv-item--${label.tone} alert-item alert-item--${a.kind}`} id={`alert-${a.id}`} hoverClass='stat--hover' onClick={tap}>
      <View className='sv-item__head'>
        <StatusBadge tone={label.tone} text={label.chip} />
        <Text className='sv-item__meta'>{chinaDateTime(a.at)}</Text>
      </View>
      <Text className='sv-item__line alert-item__summary'>{a.summary ?? label.chip}</Text>
      <Text className='sv-item__meta'>
        {[dept && !(a.summary ?? '').includes(dept) ? dept : '', regionName(a.region)].filter(Boolean).join(' · ')}
        {a.resolved ? ' · 已处理' : ''}
        {target ? ' · 点击处理 ›' : open ? '' : ' · 点击查看 ›'}
      </Text>
      {open && !target ? (
        <View className='sv-panel' id={`alert-detail-${a.id}`}>
          <Text className='sv-item__line'>{words?.alertActions[a.kind] ?? ''}</Text>
          <Text className='sv-item__meta'>记录编号：{a.ref}</Text>
        </View>
      ) : null}
    </View>
  )
}

/** 预警: everything that needs a supervisor, newest first; one tap reaches the record. */
export default function SupervisorAlerts() {
  const router = useRouter()
  const [kind, setKind] = useState<AlertKind | 'all'>((router.params.kind as AlertKind) || 'all')
  const [items, setItems] = useState<Alert[] | null>(null)
  const [depts, setDepts] = useState<Record<string, string>>({})
  const [error, setError] = useState('')
  const [open, setOpen] = useState<string | null>(null)
  useRegions() // region names for the rows; re-renders when the city's list arrives

  const load = async () => {
    setError('')
    const res = await listAlerts({})
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
  const segments = [{ key: 'all', label: '全部', count: items?.length }, ...ALERT_ORDER.filter((k) => count(k) > 0 || k === kind).map((k) => ({ key: k, label: ALERT_LABELS[k].chip, count: count(k) }))]
  const shown = (items ?? []).filter((a) => kind === 'all' || a.kind === kind)

  return (
    <PageShell id='page-alerts'>
      <SegmentTabs id='alert-kind' segments={segments} value={kind} onChange={(k) => setKind(k as AlertKind | 'all')} />
      {items && items.length > 0 ? (
        <Text className='sv-note' id='alert-count'>
          共 {items.length} 条待处理，最新的在最上面；点一条即可处理或查看。
        </Text>
      ) : null}
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && shown.length === 0 ? (
        <Text className='sv-empty' id='empty'>
          暂无需要处理的预警。
        </Text>
      ) : null}
      <View id='alert-list'>
        {shown.map((a) => (
          <AlertRow key={a.id} a={a} dept={a.deptId ? depts[a.deptId] : undefined} open={open === a.id} onToggle={() => setOpen(open === a.id ? null : a.id)} />
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
