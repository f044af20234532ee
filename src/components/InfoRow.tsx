import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './InfoRow.css'

type Props = {
  label: string
  children: ReactNode
  /** On the value. */
  id?: string
  /** bad: red value (expired, refused); ok: green value. */
  tone?: 'bad' | 'ok'
  /** The value below the label, left-aligned (long text such as findings). */
  stack?: boolean
}

/** One line of a record: the label on the left, the value on the right (or below with `stack`). */
export function InfoRow({ label, children, id, tone, stack }: Props) {
  return (
    <View className={`row${stack ? ' row--stack' : ''}`}>
      <Text className='row__key'>{label}</Text>
      <Text className={`row__value${tone ? ` row__value--${tone}` : ''}`} id={id}>
        {children}
      </Text>
    </View>
  )
}
