import { Text, Textarea } from '@tarojs/components'

type Props = {
  id: string
  value: string
  onChange: (value: string) => void
  maxlength: number
  placeholder: string
}

/** A multi-line text box with its count of characters against the limit under it. */
export function LongText({ id, value, onChange, maxlength, placeholder }: Props) {
  return (
    <>
      <Textarea id={id} className='textarea' value={value} maxlength={maxlength} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
      <Text className='counter'>
        {value.length}/{maxlength}
      </Text>
    </>
  )
}
