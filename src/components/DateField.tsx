import { View, Text, Picker } from '@tarojs/components'
import { ErrorBox } from './ErrorBox'
import { clampDate, type DateBounds } from '@/lib/date-bounds'
import { dateLabel } from '@/lib/china-time'

type Props = {
  /** Put on the box the picker opens from (tests and the stand-in tap it). */
  id: string
  label?: string
  /** `YYYY-MM-DD`, or '' when nothing is chosen yet. */
  value: string
  onChange: (date: string) => void
  /** The dates offered (from the server's today and the settings: lib/date-bounds.ts). */
  bounds: DateBounds
  /** The server's China date: where the picker opens when nothing is chosen, and whose year goes unsaid. */
  today: string
  placeholder?: string
  /** How a chosen date reads (default: `12月25日`, with the year when it is not this year's). */
  format?: (label: string, date: string) => string
  /** Said next to the field. */
  error?: string
  errorId?: string
  small?: boolean
  /** Draw the label and the box only (a row of several pickers). */
  bare?: boolean
}

/** A labelled date picker that offers only the dates within its bounds, sized for thumbs. */
export function DateField({ id, label, value, onChange, bounds, today, placeholder = '请选择日期', format, error, errorId, small, bare }: Props) {
  const shown = value ? (format ? format(dateLabel(value, today), value) : dateLabel(value, today)) : placeholder
  const field = (
    <Picker mode='date' value={value || clampDate(today, bounds)} start={bounds.start} end={bounds.end} onChange={(e) => onChange(String(e.detail.value))}>
      <View id={id} className={`picker-field${small ? ' picker-field--small' : ''}`}>
        <Text className={value ? '' : 'picker-field__placeholder'}>{shown}</Text>
        {small ? null : <Text className='picker-field__arrow'>›</Text>}
      </View>
    </Picker>
  )
  if (bare) return field
  return (
    <View className='form-block'>
      {label ? <Text className='form-label'>{label}</Text> : null}
      {field}
      {error ? <ErrorBox message={error} id={errorId} /> : null}
    </View>
  )
}
