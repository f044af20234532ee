import { View, Text, Button } from '@tarojs/components'
import type { ReactNode } from 'react'
import Taro from '@tarojs/taro'
import './SuccessView.css'

type Props = {
  id: string
  title: string
  detail?: string
  /** Shown between the title and the detail (e.g. the score just given). */
  summary?: ReactNode
  /** Further actions, above the way home. */
  children?: ReactNode
}

/** A full-width confirmation with a way home. */
export function SuccessView({ id, title, detail, summary, children }: Props) {
  return (
    <View className='success' id={id}>
      <View className='success__mark'>
        <Text>✓</Text>
      </View>
      <Text className='success__title'>{title}</Text>
      {summary}
      {detail ? <Text className='success__detail'>{detail}</Text> : null}
      {children}
      <Button id='btn-home' className='btn' hoverClass='btn--hover' onClick={() => Taro.reLaunch({ url: '/pages/home/index' })}>
        返回首页
      </Button>
    </View>
  )
}
