import { Button } from '@tarojs/components'

type Props = {
  id: string
  label: string
  /** While a request is under way: the button greys out and says so. */
  busy: boolean
  busyLabel?: string
  /** Greyed out before the form can be sent (the tap still runs, so it can say what is missing). */
  disabled?: boolean
  large?: boolean
  onClick: () => void
}

/** The primary button of a form, the same on every page: greyed and relabelled while busy, taps ignored meanwhile. */
export function SubmitButton({ id, label, busy, busyLabel = '正在提交…', disabled = false, large = false, onClick }: Props) {
  const className = `btn${large ? ' btn--large' : ''}${busy || disabled ? ' btn--disabled' : ''}`
  return (
    <Button id={id} className={className} hoverClass='btn--hover' onClick={() => (busy ? undefined : onClick())}>
      {busy ? busyLabel : label}
    </Button>
  )
}
