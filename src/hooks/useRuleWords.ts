import { useEffect, useState } from 'react'
import type { RuleWords } from '@rule-words'
import { whoami } from '@/services/account/whoami'
import { currentRuleWords, onRules } from '@/lib/rules'

let loading: Promise<unknown> | null = null

/**
 * The sentences of the rules (windows, deadlines, caps, special cases) as the settings
 * make them: null until known; asks whoami once per app run if no page has yet.
 */
export function useRuleWords(): RuleWords | null {
  const [words, setWords] = useState(currentRuleWords)
  useEffect(() => {
    const off = onRules(() => setWords(currentRuleWords()))
    if (!currentRuleWords() && !loading) loading = whoami().finally(() => (loading = null))
    else setWords(currentRuleWords())
    return off
  }, [])
  return words
}
