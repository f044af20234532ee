import { View, Text, Textarea } from '@tarojs/components'
import { ErrorBox } from './ErrorBox'

type Props = {
  /** Put on the `<Textarea>`; in H5 the real `<textarea>` is its child (`#id textarea`). */
  id: string
  label?: string
  /** Shown after the label, lighter: e.g. （选填）. */
  labelNote?: string
  value: string
  onChange: (value: string) => void
  placeholder?: string
  maxlength?: number
  /** Added to the box's class (e.g. `sv-textarea` in a supervisor's panel). */
  className?: string
  /** Said next to the field. */
  error?: string
  errorId?: string
}

/** A labelled multi-line input with its error beside it, sized for thumbs and bright daylight. */
export function TextAreaField({ id, label, labelNote, value, onChange, placeholder, maxlength = 500, className, error, errorId }: Props) {
  return (
    <View className='form-block'>
      {label ? (
        <Text className='form-label'>
          {label}
          {labelNote ? <Text className='form-label__optional'>{labelNote}</Text> : null}
        </Text>
      ) : null}
      <Textarea
        id={id}
        className={`textarea${className ? ` ${className}` : ''}`}
        value={value}
        maxlength={maxlength}
        placeholder={placeholder}
        onInput={(e) => onChange(e.detail.value)}
      />
      {error ? <ErrorBox message={error} id={errorId} /> : null}
    </View>
  )
}
