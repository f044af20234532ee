import { View, Text, Input } from '@tarojs/components'
import './FormField.css'

type Props = {
  /** Put on the `<Input>`; in H5 the real `<input>` is its child (`#id input`). */
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  hint?: string
  maxlength?: number
  type?: 'text' | 'number' | 'idcard'
  disabled?: boolean
}

/** A labelled single-line input, sized for thumbs and bright daylight. */
export function FormField({ id, label, value, onChange, placeholder, hint, maxlength, type = 'text', disabled }: Props) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      <Input
        id={id}
        className='field__input'
        type={type}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        placeholderClass='field__placeholder'
        disabled={disabled}
        onInput={(e) => onChange(e.detail.value)}
      />
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
    </View>
  )
}
