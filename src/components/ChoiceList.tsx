import { View, Text } from '@tarojs/components'
import './ChoiceList.css'

export type Choice = { key: string; title: string; detail?: string }

type Props = {
  /** Put on the list; each option gets `<idPrefix>-<key>`. */
  id: string
  idPrefix: string
  choices: Choice[]
  value: string | null
  onChange: (key: string) => void
  /** `warn`: amber accent (quiet-period special cases). */
  tone?: 'normal' | 'warn'
}

/** A list of large radio cards: one tap selects, the selected one is marked and outlined. */
export function ChoiceList({ id, idPrefix, choices, value, onChange, tone = 'normal' }: Props) {
  return (
    <View className={`choices choices--${tone}`} id={id}>
      {choices.map((c) => {
        const on = c.key === value
        return (
          <View
            key={c.key}
            id={`${idPrefix}-${c.key}`}
            className={`option choice${on ? ' option--on choice--on' : ''}`}
            hoverClass='option--hover'
            onClick={() => onChange(c.key)}
          >
            <View className='choice__mark'>{on ? <Text className='choice__dot' /> : null}</View>
            <View className='choice__body'>
              <Text className='option__title'>{c.title}</Text>
              {c.detail ? <Text className='option__detail'>{c.detail}</Text> : null}
            </View>
          </View>
        )
      })}
    </View>
  )
}
