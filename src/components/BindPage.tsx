import { View, Text } from '@tarojs/components'
import { useState, type PropsWithChildren } from 'react'
import type { Result } from '@contract'
import { useBindSubmit } from '@/hooks/useBindSubmit'
import { ErrorBox } from './ErrorBox'
import { FormField } from './FormField'
import { PageShell } from './PageShell'
import { SubmitButton } from './SubmitButton'
import { SuccessView } from './SuccessView'

type Props = PropsWithChildren<{
  id: string
  title: string
  subtitle: string
  /** Who hands out this kind of bind code. */
  codeHint: string
  /** Whom to ask when binding does not work. */
  footer: string
  /** What the page says once bound (it returns home by itself). */
  success: { title: string; detail: string }
  /** What is wrong with the form, given the trimmed bind code ('' when nothing). */
  problem: (code: string) => string
  /** Binds with the trimmed bind code. */
  send: (code: string) => Promise<Result<unknown>>
}>

/** A bind page: the identity fields (children), the bind code, the error, the one button, then the confirmation. */
export function BindPage({ id, title, subtitle, codeHint, footer, success, problem, send, children }: Props) {
  const [code, setCode] = useState('')
  const { busy, error, done, submit } = useBindSubmit()

  if (done) {
    return (
      <PageShell id={id}>
        <SuccessView id='bind-success' title={success.title} detail={success.detail} />
      </PageShell>
    )
  }
  const typed = code.trim()
  return (
    <PageShell id={id} title={title} subtitle={subtitle}>
      <View className='card'>
        {children}
        <FormField id='input-code' label='绑定码' value={code} onChange={setCode} placeholder='请输入绑定码' maxlength={32} hint={codeHint} />
      </View>
      {error ? <ErrorBox message={error} /> : null}
      <SubmitButton id='btn-submit' label='确认绑定' busy={busy} onClick={() => void submit(problem(typed), () => send(typed))} />
      <Text className='hint hint--footer'>{footer}</Text>
    </PageShell>
  )
}
