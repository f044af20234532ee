import { useEffect, useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import type { Company } from '@contract'
import { gateCode } from '@/services/account/gate-code'
import { issueEnterpriseCode } from '@/services/account/issue-enterprise-code'
import { listCompanies } from '@/services/account/companies'
import { upsertCompany } from '@/services/account/upsert-company'
import { ErrorBox } from '@/components/ErrorBox'
import { FormField } from '@/components/FormField'
import { Loading } from '@/components/Loading'
import { StatusBadge } from '@/components/StatusBadge'
import { SCALE_LABELS } from '@/lib/labels'
import { regionName } from '../lib/regions'
import { confirmStep } from '@/lib/confirm'
import { AddCompany } from './AddCompany'
import { CodeSheet } from './CodeSheet'
import { GatePoster } from './GatePoster'

type Poster = { company: Company; image: string; scene: string }

/** 企业: search, monitoring-point flag, the gate-code poster and the company's bind code (admin). */
export function CompaniesTab({ canEdit }: { canEdit: boolean }) {
  const [query, setQuery] = useState('')
  const [items, setItems] = useState<Company[] | null>(null)
  const [cursor, setCursor] = useState<string | undefined>()
  const [error, setError] = useState('')
  const [poster, setPoster] = useState<Poster | null>(null)
  const [code, setCode] = useState<{ company: Company; code: string } | null>(null)
  const [busy, setBusy] = useState('')
  const [adding, setAdding] = useState(false)
  const [notice, setNotice] = useState('')

  const load = async (after?: string) => {
    setError('')
    const q = query.trim()
    const res = await listCompanies({ ...(q ? { query: q } : {}), ...(after ? { cursor: after } : {}) })
    if (!res.ok) return setError(res.error.message)
    setItems((prev) => (after && prev ? [...prev, ...res.data.items] : res.data.items))
    setCursor(res.data.cursor)
  }
  useEffect(() => {
    void load()
    // Only on first show; later loads follow the search button.
  }, [])

  const showPoster = async (c: Company) => {
    setBusy(`gate-${c.id}`)
    const res = await gateCode({ companyId: c.id })
    setBusy('')
    if (!res.ok) return setError(res.error.message)
    setPoster({ company: c, image: res.data.image, scene: res.data.scene })
  }
  const issue = async (c: Company) => {
    setBusy(`issue-${c.id}`)
    const res = await issueEnterpriseCode({ companyId: c.id })
    setBusy('')
    if (!res.ok) return setError(res.error.message)
    setCode({ company: c, code: res.data.bindCode })
  }
  const toggleMonitoring = async (c: Company) => {
    if (c.monitoringPoint && !(await confirmStep('取消该企业的监测点？', `${c.name} 将不再记录入企台账；已有台账保留。`, '确认取消'))) return
    setBusy(`monitor-${c.id}`)
    const res = await upsertCompany({
      id: c.id,
      uscc: c.uscc,
      name: c.name,
      region: c.region,
      address: c.address,
      location: c.location,
      inPark: c.inPark,
      ...(c.parkName ? { parkName: c.parkName } : {}),
      scale: c.scale,
      monitoringPoint: !c.monitoringPoint,
    })
    setBusy('')
    if (!res.ok) return setError(res.error.message)
    setItems((prev) => (prev ? prev.map((x) => (x.id === c.id ? res.data.company : x)) : prev))
  }

  return (
    <View id='roster-companies'>
      {notice ? <Text className='sv-note sv-ok'>{notice}</Text> : null}
      {canEdit && !adding ? (
        <Button id='btn-add-company' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => setAdding(true)}>
          ＋ 新增企业
        </Button>
      ) : null}
      {adding ? (
        <AddCompany
          onCancel={() => setAdding(false)}
          onAdded={(c) => {
            setAdding(false)
            setNotice(`已添加：${c.name}。可为其发放企业绑定码、打印企业码。`)
            setItems((prev) => [c, ...(prev ?? [])])
          }}
        />
      ) : null}
      <FormField id='input-company-query' label='查找企业' value={query} onChange={setQuery} placeholder='企业名称关键字或统一社会信用代码' maxlength={60} />
      <Button
        id='btn-company-search'
        className='btn btn--ghost'
        hoverClass='btn--hover'
        onClick={() => {
          setItems(null)
          void load()
        }}
      >
        搜索
      </Button>
      {error ? <ErrorBox message={error} /> : null}
      {items === null && !error ? <Loading /> : null}
      {items && items.length === 0 ? <Text className='sv-empty'>没有找到匹配的企业。</Text> : null}
      <View id='company-list' className='sv-panel'>
        {items?.map((c) => (
          <View key={c.id} className={`card sv-item${c.monitoringPoint ? ' sv-item--warn' : ''} company-item`} id={`company-${c.id}`}>
            <Text className='sv-item__title'>{c.name}</Text>
            <Text className='sv-item__meta'>
              {c.uscc} · {regionName(c.region)} · {SCALE_LABELS[c.scale] ?? c.scale}
            </Text>
            <Text className='sv-item__meta'>{c.address}</Text>
            <View className='badge-row'>
              {c.inPark ? <StatusBadge tone='info' text={`园区 ${c.parkName ?? ''}`.trim()} /> : <StatusBadge tone='muted' text='非园区' />}
              {c.monitoringPoint ? <StatusBadge tone='warn' text='监测点' id={`monitor-badge-${c.id}`} /> : null}
            </View>
            <View className='sv-actions'>
              <Button id={`btn-gate-${c.id}`} className='btn sv-btn--small' hoverClass='btn--hover' onClick={() => void showPoster(c)}>
                {busy === `gate-${c.id}` ? '生成中…' : '企业码'}
              </Button>
              {canEdit ? (
                <Button id={`btn-issue-${c.id}`} className='btn btn--ghost sv-btn--small' hoverClass='btn--hover' onClick={() => void issue(c)}>
                  发放企业绑定码
                </Button>
              ) : null}
            </View>
            {canEdit ? (
              <Button
                id={`btn-monitor-${c.id}`}
                className='btn btn--ghost sv-btn--small sv-monitor'
                hoverClass='btn--hover'
                onClick={() => void toggleMonitoring(c)}
              >
                {c.monitoringPoint ? '取消监测点' : '设为监测点'}
              </Button>
            ) : null}
          </View>
        ))}
      </View>
      {cursor ? (
        <Button id='btn-more-companies' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void load(cursor)}>
          加载更多
        </Button>
      ) : null}
      {poster ? <GatePoster {...poster} onClose={() => setPoster(null)} /> : null}
      {code ? (
        <CodeSheet
          title='企业绑定码'
          who={code.company.name}
          code={code.code}
          note='请将绑定码与统一社会信用代码一并交给企业联系人，在“企检码”小程序中绑定企业。绑定码仅能使用一次，关闭后不再显示。'
          onClose={() => setCode(null)}
        />
      ) : null}
    </View>
  )
}
