import { View, Text } from '@tarojs/components'
import './SegmentTabs.css'

export type Segment = { key: string; label: string; count?: number }

type Props = {
  id: string
  segments: Segment[]
  value: string
  onChange: (key: string) => void
}

/**
 * A row of tabs, each `<id>-<key>`. It wraps onto further lines rather than scrolling
 * sideways, so every option stays in sight on a narrow phone.
 */
export function SegmentTabs({ id, segments, value, onChange }: Props) {
  const tabs = segments.map((s) => (
    <View key={s.key} id={`${id}-${s.key}`} className={`segtab${s.key === value ? ' segtab--on' : ''}`} onClick={() => s.key !== value && onChange(s.key)}>
      <Text>
        {s.label}
        {s.count !== undefined ? ` ${s.count}` : ''}
      </Text>
    </View>
  ))
  return (
    <View className='segtabs' id={id}>
      {tabs}
    </View>
  )
}
