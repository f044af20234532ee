import { ruleWords, type RuleWords } from '@rule-words'
import type { RuleSettings } from '@contract'

/**
 * The rules' words for the pages, from the settings whoami last sent (every whoami answer
 * passes through `rememberRules`). Pages read them with `useRuleWords`.
 */

let words: RuleWords | null = null
const listeners = new Set<() => void>()

export function rememberRules(rules: RuleSettings): void {
  words = ruleWords(rules)
  listeners.forEach((l) => l())
}

/** The words, or null until a whoami answer arrived. */
export const currentRuleWords = (): RuleWords | null => words

/** Called whenever new rules arrive; answers the unsubscribe. */
export function onRules(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}
