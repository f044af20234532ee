import { View, Button } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { sceneFrom } from '@/lib/scene'
import { FormField } from './FormField'

type Props = {
  inputId: string
  label: string
  placeholder: string
  hint: string
  buttonId: string
  buttonLabel: string
  /** The scene read from what was pasted (null when there is none). */
  onScene: (scene: string | null) => void
  /** Shown between the field and the button (e.g. the error). */
  children?: ReactNode
}

/** Where the browser has no WeChat camera: a card to paste a scanned code's link or content into. */
export function ScenePaste({ inputId, label, placeholder, hint, buttonId, buttonLabel, onScene, children }: Props) {
  const [text, setText] = useState('')
  return (
    <View className='card'>
      <FormField id={inputId} label={label} value={text} onChange={setText} placeholder={placeholder} maxlength={300} hint={hint} />
      {children}
      <Button id={buttonId} className='btn' hoverClass='btn--hover' onClick={() => onScene(sceneFrom(text))}>
        {buttonLabel}
      </Button>
    </View>
  )
}
