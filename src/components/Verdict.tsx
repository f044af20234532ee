import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './Verdict.css'

type Props = {
  /** ok: solid green; quiet: amber (quiet period, a wait); bad: red outline (refused, invalid); info: blue outline. */
  tone: 'ok' | 'quiet' | 'bad' | 'info'
  title: ReactNode
  detail?: ReactNode
  /** A mark in a circle above the title (✓, ✕, !). */
  icon?: string
  id?: string
  titleId?: string
  className?: string
}

/** A result or rule in one coloured block: what happened in large type, what it means below. */
export function Verdict({ tone, title, detail, icon, id, titleId, className }: Props) {
  return (
    <View className={`verdict verdict--${tone}${className ? ` ${className}` : ''}`} id={id}>
      {icon ? (
        <View className='verdict__icon'>
          <Text>{icon}</Text>
        </View>
      ) : null}
      <Text className='verdict__title' id={titleId}>
        {title}
      </Text>
      {detail ? <Text className='verdict__detail'>{detail}</Text> : null}
    </View>
  )
}
