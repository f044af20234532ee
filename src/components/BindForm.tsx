import { View, Text } from '@tarojs/components'
import type { PropsWithChildren } from 'react'
import { ErrorBox } from './ErrorBox'
import { FormField } from './FormField'
import { SubmitButton } from './SubmitButton'

type Props = PropsWithChildren<{
  code: string
  onCode: (value: string) => void
  /** Who hands out this kind of bind code. */
  codeHint: string
  error: string
  busy: boolean
  onSubmit: () => void
  /** Whom to ask when binding does not work. */
  footer: string
}>

/** The bind pages' form: the identity fields (children), the bind code, the error and the one button. */
export function BindForm({ children, code, onCode, codeHint, error, busy, onSubmit, footer }: Props) {
  return (
    <View>
      <View className='card'>
        {children}
        <FormField id='input-code' label='绑定码' value={code} onChange={onCode} placeholder='请输入绑定码' maxlength={32} hint={codeHint} />
      </View>
      {error ? <ErrorBox message={error} /> : null}
      <SubmitButton id='btn-submit' label='确认绑定' busy={busy} onClick={onSubmit} />
      <Text className='hint hint--footer'>{footer}</Text>
    </View>
  )
}
