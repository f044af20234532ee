import { useState } from 'react'
import { View, Text, Button } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { askToSubscribe, templateIdsFor } from '@/services/subscribe'

const ASKED_KEY = 'subscribe.company.asked'
const KINDS = ['checkin_notice', 'result_notice'] as const

/**
 * On the company's first visit to its inspections (weapp, templates configured): a card
 * that asks, with one tap, to receive the check-in notice and the result by WeChat
 * message. Shown once; the inbox keeps every message either way.
 */
export function SubscribeCard() {
  const [show, setShow] = useState(() => process.env.TARO_ENV === 'weapp' && templateIdsFor([...KINDS]).length > 0 && !Taro.getStorageSync(ASKED_KEY))
  if (!show) return null
  const done = () => {
    Taro.setStorageSync(ASKED_KEY, '1')
    setShow(false)
  }
  return (
    <View className='card' id='subscribe-card'>
      <Text className='card-title'>接收检查通知</Text>
      <Text className='hint'>执法人员扫码入企、录入检查结果时，通过微信通知您。不开启也可以在“消息”中查看。</Text>
      <Button
        id='btn-subscribe'
        className='btn'
        hoverClass='btn--hover'
        onClick={() => {
          void askToSubscribe([...KINDS]).then(done)
        }}
      >
        开启微信通知
      </Button>
      <Button id='btn-subscribe-later' className='btn btn--ghost' hoverClass='btn--hover' onClick={done}>
        暂不开启
      </Button>
    </View>
  )
}
