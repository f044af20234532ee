import { View, Text } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import './PageShell.css'

type Props = PropsWithChildren<{ title?: string; subtitle?: string; id?: string }>

/** The frame of every page: padding, background, and an optional heading block. */
export function PageShell({ title, subtitle, id, children }: Props) {
  return (
    <View className='page' id={id}>
      {title ? (
        <View className='page-head'>
          <Text className='page-head__title'>{title}</Text>
          {subtitle ? <Text className='page-head__subtitle'>{subtitle}</Text> : null}
        </View>
      ) : null}
      {children}
    </View>
  )
}
