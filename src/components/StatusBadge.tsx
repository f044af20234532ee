import { Text } from '@tarojs/components'
import './StatusBadge.css'

type Props = { tone: 'ok' | 'warn' | 'bad' | 'info' | 'muted'; text: string; id?: string }

/** A small coloured label: green ok, amber warn, red bad, blue info, grey muted. */
export function StatusBadge({ tone, text, id }: Props) {
  return (
    <Text className={`status-badge status-badge--${tone}`} id={id}>
      {text}
    </Text>
  )
}
