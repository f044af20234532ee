import { View, Text } from '@tarojs/components'
import './ColumnChart.css'

export type Column = {
  key: string
  label: string
  value: number
  /** A second figure printed under the label (e.g. red lights). */ sub?: number
  highlight?: boolean
}

type Props = { id: string; columns: Column[]; subLabel?: string }

/** A column chart of plain Views (weapp and H5 alike): the number above each column, the label below. */
export function ColumnChart({ id, columns, subLabel }: Props) {
  const max = Math.max(1, ...columns.map((c) => c.value))
  return (
    <View className='colchart' id={id}>
      <View className='colchart__plot'>
        {columns.map((c) => (
          <View key={c.key} className='colchart__col' id={`${id}-${c.key}`}>
            <Text className='colchart__value'>{c.value}</Text>
            <View
              className={`colchart__bar${c.highlight ? ' colchart__bar--on' : ''}`}
              style={{ height: `${c.value > 0 ? Math.max(3, (c.value / max) * 100) : 0}%` }}
            />
          </View>
        ))}
      </View>
      <View className='colchart__axis'>
        {columns.map((c) => (
          <Text key={c.key} className={`colchart__label${c.highlight ? ' colchart__label--on' : ''}`}>
            {c.label}
          </Text>
        ))}
      </View>
      {subLabel ? (
        <View className='colchart__axis colchart__sub'>
          {columns.map((c) => (
            <Text key={c.key} className={`colchart__label${c.sub ? ' colchart__label--bad' : ''}`}>
              {c.sub ?? 0}
            </Text>
          ))}
        </View>
      ) : null}
      {subLabel ? <Text className='colchart__legend'>{subLabel}</Text> : null}
    </View>
  )
}
