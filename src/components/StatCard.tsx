import { View, Text } from '@tarojs/components'
import './StatCard.css'

type Props = {
  id: string
  label: string
  value: number | string
  /** A smaller line under the number (e.g. the average score). */
  note?: string
  /** `bad` (red) and `warn` (amber) only when the figure is a problem that needs attention. */
  tone?: 'normal' | 'warn' | 'bad'
  onTap?: () => void
}

/** One big number with its name; tappable when there is a list behind it. */
export function StatCard({ id, label, value, note, tone = 'normal', onTap }: Props) {
  return (
    <View className={`stat stat--${tone}${onTap ? ' stat--link' : ''}`} id={id} hoverClass={onTap ? 'stat--hover' : 'none'} onClick={onTap}>
      <Text className='stat__label'>{label}</Text>
      <Text className='stat__value' id={`${id}-value`}>
        {value}
      </Text>
      {note ? <Text className='stat__note'>{note}</Text> : null}
      {onTap ? <Text className='stat__more'>查看 ›</Text> : null}
    </View>
  )
}
