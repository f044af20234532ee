import { View, Text } from '@tarojs/components'
import './MonthStepper.css'

type Props = {
  id: string
  /** `YYYY-MM` */
  value: string
  onChange: (month: string) => void
  /** The latest month that may be picked (`YYYY-MM`); later months are in the future. */
  max?: string
}

/** `YYYY-MM` moved by `delta` months. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number)
  const i = y * 12 + (m - 1) + delta
  return `${Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`
}

/** `2026-12` → `2026年12月` */
export const monthTitle = (month: string) => {
  const [y, m] = month.split('-').map(Number)
  return `${y}年${m}月`
}

/** A month picker with two big arrows: one tap per month, no popup to dismiss. */
export function MonthStepper({ id, value, onChange, max }: Props) {
  const atMax = !!max && value >= max
  return (
    <View className='month-stepper' id={id}>
      <View className='month-stepper__btn' id={`${id}-prev`} hoverClass='month-stepper__btn--hover' onClick={() => onChange(shiftMonth(value, -1))}>
        <Text>‹ 上月</Text>
      </View>
      <Text className='month-stepper__value' id={`${id}-value`}>
        {monthTitle(value)}
      </Text>
      <View
        className={`month-stepper__btn${atMax ? ' month-stepper__btn--off' : ''}`}
        id={`${id}-next`}
        hoverClass='month-stepper__btn--hover'
        onClick={() => !atMax && onChange(shiftMonth(value, 1))}
      >
        <Text>下月 ›</Text>
      </View>
    </View>
  )
}
