import { View, Text, Button } from '@tarojs/components'
import { InfoRow } from '@/components/InfoRow'
import { Verdict } from '@/components/Verdict'
import Taro from '@tarojs/taro'
import type { ExceptionCategory, Output } from '@contract'
import { sourceLabel } from '@/lib/labels'
import { chinaDateTime } from '@/lib/china-time'
import { recordUrl } from './urls'
import { useRuleWords } from '@/hooks/useRuleWords'

type Props = { answer: Output<'inspection', 'checkIn'>; companyName: string; categories: ExceptionCategory[]; located: boolean }

/** The confirmation after a check-in or a join: who is in, the flags in words, what comes next. */
export function CheckInDone({ answer, companyName, categories, located }: Props) {
  const words = useRuleWords()
  const { inspection, joined, flags } = answer
  const alone = !!words && inspection.officerIds.length < words.minOfficers
  const exceptionLabel = inspection.exception
    ? (categories.find((c) => c.key === inspection.exception!.category)?.label ?? inspection.exception.category)
    : null
  return (
    <View id='checkin-done'>
      <Verdict
        tone='ok'
        titleId='checkin-done-title'
        title={joined ? '已加入检查' : '已登记入企检查'}
        detail={`${companyName} · ${chinaDateTime(inspection.checkInAt)}`}
      />

      {alone ? <Verdict id='waiting-second' tone='quiet' title='等待同部门执法人员扫码加入' detail={words?.waitingForTeam ?? ''} /> : null}

      <View className='card'>
        <Text className='card-title'>检查信息</Text>
        <InfoRow label='执法人员' id='done-officers'>
          {inspection.officerNames.join('、')}（{inspection.officerIds.length}人）
        </InfoRow>
        <InfoRow label='检查来源'>{sourceLabel(inspection)}</InfoRow>
        {exceptionLabel ? <InfoRow label='特殊情形'>{exceptionLabel}</InfoRow> : null}
        <InfoRow label='结果录入期限'>{chinaDateTime(inspection.dueAt)} 前</InfoRow>
        {!located ? <Text className='note note--warn'>未获取到定位，已按企业登记位置提交，该次检查将标记为“不在企业现场”供核查。</Text> : null}
      </View>

      {flags.length > 0 ? (
        <View className='card' id='done-flags'>
          <Text className='card-title'>本次检查的提示标记</Text>
          {flags.map((f) => (
            <View key={f} className='flag' id={`flag-${f}`}>
              <Text className='flag__title'>{words?.flags[f]?.title ?? ''}</Text>
              <Text className='flag__detail'>{words?.flags[f]?.detail ?? ''}</Text>
            </View>
          ))}
        </View>
      ) : null}

      <Button
        id='btn-to-record'
        className='btn btn--large'
        hoverClass='btn--hover'
        onClick={() => void Taro.navigateTo({ url: recordUrl(inspection.id, companyName, inspection.officerIds.length) })}
      >
        录入检查结果
      </Button>
      <Button id='btn-home' className='btn btn--ghost' hoverClass='btn--hover' onClick={() => void Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
      <Text className='hint hint--footer'>检查结束后请及时录入结果，逾期未录入将亮红灯并通报。</Text>
    </View>
  )
}
