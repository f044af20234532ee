import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { Output } from '@contract'
import { StatusBadge } from '@/components/StatusBadge'
import { SERVICE_PURPOSE_LABELS } from '@/lib/labels'
import { chinaLongDateTime, longDate } from '@/lib/china-time'
import { rateServiceVisitUrl } from '../lib/urls'

export type CompanyServiceVisit = Output<'enterprise', 'serviceVisits'>['items'][number]

function ratingBadge(v: CompanyServiceVisit): { tone: 'ok' | 'warn' | 'muted'; text: string } {
  if (v.rating.state === 'rated') return { tone: 'ok', text: `已评价 ${'★'.repeat(v.rating.score ?? 0)}` }
  return v.rating.canRate ? { tone: 'warn', text: '待评价' } : { tone: 'muted', text: '评价期已过' }
}

/** 入企服务 (rule 19): the departments' visits to help the company — not inspections — each with its purpose and a rate button while it can be rated. */
export function ServiceVisits({ items }: { items: CompanyServiceVisit[] }) {
  if (items.length === 0) {
    return (
      <View className='empty' id='service-visits-empty'>
        <Text className='empty__title'>暂无入企服务记录</Text>
        <Text className='empty__detail'>执法单位到企业宣讲政策、调研走访或帮扶解难时扫码登记，记录会显示在这里。入企服务不是检查。</Text>
      </View>
    )
  }
  return (
    <View id='service-visits'>
      {items.map((v) => {
        const badge = ratingBadge(v)
        return (
          <View key={v.id} id={`service-visit-${v.id}`} className='list-item service-item'>
            <View className='list-item__head'>
              <Text className='list-item__title'>
                <Text className='service-item__kind'>入企服务</Text>
                {v.deptName}
              </Text>
              <StatusBadge tone={badge.tone} text={badge.text} />
            </View>
            <Text className='list-item__meta'>
              {longDate(v.date)} · {v.officerNames.join('、')}
            </Text>
            <Text className='list-item__meta service-item__purpose' id={`service-purpose-${v.id}`}>
              服务内容：{SERVICE_PURPOSE_LABELS[v.purpose]}
              {v.note ? `，${v.note}` : ''}
            </Text>
            {v.rating.canRate ? (
              <View className='inspection-item__actions'>
                <Text className='list-item__meta'>可在 {chinaLongDateTime(v.rating.rateUntil)} 前评价</Text>
                <Button
                  id={`btn-rate-service-${v.id}`}
                  className='btn'
                  hoverClass='btn--hover'
                  onClick={() => void Taro.navigateTo({ url: rateServiceVisitUrl(v.id) })}
                >
                  评价本次入企服务
                </Button>
              </View>
            ) : null}
          </View>
        )
      })}
    </View>
  )
}
