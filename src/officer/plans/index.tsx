import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import type { Output } from '@contract'
import { deptPlans } from '@/services/inspection/plans'
import { ErrorBox } from '@/components/ErrorBox'
import { Loading } from '@/components/Loading'
import { PageShell } from '@/components/PageShell'
import { PLAN_KIND_LABELS } from '@/lib/labels'
import { longDate } from '@/lib/china-time'
import { backfillUrl } from '../lib/urls'
import './index.css'

type Data = Output<'inspection', 'plans'>

/** 本部门检查计划: the department's approved plans that have not ended, their items and companies; a company can be back-filled from here. */
export default function DeptPlans() {
  const [data, setData] = useState<Data | null>(null)
  const [error, setError] = useState('')
  useDidShow(() => {
    void deptPlans({}).then((res) => (res.ok ? setData(res.data) : setError(res.error.message)))
  })
  if (error)
    return (
      <PageShell id='page-plans' title='本部门检查计划'>
        <ErrorBox message={error} />
      </PageShell>
    )
  if (!data)
    return (
      <PageShell id='page-plans' title='本部门检查计划'>
        <Loading />
      </PageShell>
    )
  return (
    <PageShell id='page-plans' title='本部门检查计划' subtitle='已批准、尚未结束的计划'>
      {data.items.length === 0 ? (
        <Text className='note' id='empty'>
          本部门目前没有已批准的检查计划。
        </Text>
      ) : null}
      {data.items.map((p) => (
        <View key={p.id} className='card' id={`plan-${p.id}`}>
          <Text className='card-title'>{p.title}</Text>
          <Text className='note'>
            {PLAN_KIND_LABELS[p.kind]} · {longDate(p.from)}—{longDate(p.to)}
          </Text>
          <Text className='note'>检查事项：{p.items.join('、')}</Text>
          <Text className='note'>依据：{p.basis}</Text>
          {p.companies.map((c) => (
            <View key={c.id} className='plan-company'>
              <Text className='plan-company__name'>{c.name}</Text>
              <Text className='plan-company__link' id={`backfill-${c.id}`} onClick={() => void Taro.navigateTo({ url: backfillUrl(c.id, c.name, p.id) })}>
                补录
              </Text>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  )
}
