import { View, Text, ScrollView } from '@tarojs/components'
import './SegmentTabs.css'

export type Segment = { key: string; label: string; count?: number }

type Props = {
  id: string
  segments: Segment[]
  value: string
  onChange: (key: string) => void
  /** One row that scrolls sideways instead of wrapping (for many options). */
  scroll?: boolean
}

/** A row of tabs, each `<id>-<key>`; wraps onto a second line, or scrolls sideways with `scroll`. */
export function SegmentTabs({ id, segments, value, onChange, scroll }: Props) {
  const tabs = segments.map((s) => (
    <View key={s.key} id={`${id}-${s.key}`} className={`segtab${s.key === value ? ' segtab--on' : ''}`} onClick={() => s.key !== value && onChange(s.key)}>
      <Text>
        {s.label}
        {s.count !== undefined ? ` ${s.count}` : ''}
      </Text>
    </View>
  ))
  if (scroll) {
    return (
      <ScrollView scrollX className='segtabs-scroll' id={id} enhanced showScrollbar={false}>
        <View className='segtabs segtabs--row'>{tabs}</View>
      </ScrollView>
    )
  }
  return (
    <View className='segtabs' id={id}>
      {tabs}
    </View>
  )
}
