import { useState } from 'react'
import { View, Button } from '@tarojs/components'
import { TextAreaField } from '@/components/TextAreaField'

type Decision<K extends string> = { key: K; id: string; label: string; tone: 'ok' | 'bad' }

type Props<K extends string> = {
  placeholder: string
  /** Said when the comment is left empty, for the decision tapped. */
  missing: (decision: K) => string
  /** The two ways to decide, the approving one first. */
  decisions: [Decision<K>, Decision<K>]
  /** Sends the decision with its comment; answers the refusal's message, or null when done. */
  decide: (decision: K, comment: string) => Promise<string | null>
}

/** A supervisor's review: a comment (required) and two decisions, the refusal said next to the comment. */
export function ReviewPanel<K extends string>({ placeholder, missing, decisions, decide }: Props<K>) {
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async (decision: K) => {
    if (busy) return
    if (!comment.trim()) return setError(missing(decision))
    setBusy(true)
    setError('')
    const refused = await decide(decision, comment.trim())
    setBusy(false)
    if (refused) setError(refused)
  }
  return (
    <View className='sv-panel' onClick={(e) => e.stopPropagation()}>
      <TextAreaField
        id='input-comment'
        label='审核意见'
        className='sv-textarea'
        value={comment}
        onChange={setComment}
        placeholder={placeholder}
        error={error || undefined}
        errorId='review-error'
      />
      <View className='sv-actions'>
        {decisions.map((d) => (
          <Button key={d.key} id={d.id} className={`btn sv-btn--${d.tone}`} hoverClass='btn--hover' onClick={() => void submit(d.key)}>
            {d.label}
          </Button>
        ))}
      </View>
    </View>
  )
}
