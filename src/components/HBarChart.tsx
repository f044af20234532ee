import { View, Text } from '@tarojs/components'
import './HBarChart.css'

export type HBar = { key: string; label: string; value: number; tone?: 'normal' | 'warn' | 'bad' }

type Props = {
  id: string
  bars: HBar[]
  /** Unit after each number, e.g. `次`. */
  unit?: string
  empty?: string
}

/**
 * Horizontal bars made of plain Views (works the same in weapp and H5, no chart library):
 * one row per item, the label above, the bar scaled to the largest value, the number shown.
 */
export function HBarChart({ id, bars, unit = '', empty = '本月暂无数据' }: Props) {
  const max = Math.max(0, ...bars.map((b) => b.value))
  return (
    <View className='hbar' id={id}>
      {bars.length === 0 || max === 0 ? <Text className='hbar__empty'>{empty}</Text> : null}
      {max > 0
        ? bars.map((b) => (
            <View key={b.key} className='hbar__row' id={`${id}-${b.key}`}>
              <Text className='hbar__label'>{b.label}</Text>
              <View className='hbar__track'>
                <View className={`hbar__bar hbar__bar--${b.tone ?? 'normal'}`} style={{ width: `${Math.max(b.value > 0 ? 2 : 0, (b.value / max) * 100)}%` }} />
                <Text className='hbar__value'>
                  {b.value}
                  {unit}
                </Text>
              </View>
            </View>
          ))
        : null}
    </View>
  )
}
