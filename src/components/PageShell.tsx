import { View, Text } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { isLargeText } from '@/lib/large-text'
import './PageShell.css'

type Props = PropsWithChildren<{ title?: string; subtitle?: string; id?: string; large?: boolean }>

/** The frame of every page: padding, background, an optional heading block, and the large-text mode (`large` overrides the stored choice). */
export function PageShell({ title, subtitle, id, large, children }: Props) {
  return (
    <View className={(large ?? isLargeText()) ? 'page page--large' : 'page'} id={id}>
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
