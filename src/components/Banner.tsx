import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Banner.css'

type Props = {
  /** `quiet`: the quiet production period is on; `normal`: it is not; `unknown`: not loaded. */
  tone: 'quiet' | 'normal' | 'unknown'
  badge: string
  title: ReactNode
  detail?: ReactNode
  id?: string
}

/** The notice strip at the top of home (quiet production period or not). */
export function Banner({ tone, badge, title, detail, id }: Props) {
  return (
    <View className={`banner banner--${tone}`} id={id}>
      <Text className='banner__badge'>{badge}</Text>
      <Text className='banner__title'>{title}</Text>
      {detail ? <Text className='banner__detail'>{detail}</Text> : null}
    </View>
  )
}
