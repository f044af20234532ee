import type { ExceptionCategory, Settings } from '@contract'

/**
 * Quiet-period special cases 特殊情形 (SPEC §2.1): the category must be one of the
 * configured ones; a category that requires a reason (Ganzhou: `other`) needs a written
 * reason of at least `minReasonLength` characters (counted after trimming, by code point).
 */

export interface SpecialCaseProblem {
  /** The input field at fault, as INVALID_INPUT names it. */
  path: ['exception', 'category'] | ['exception', 'reason']
  message: string
}

export function specialCaseProblem(exception: { category: string; reason?: string }, settings: Pick<Settings, 'quietPeriod'>): SpecialCaseProblem | null {
  const category = findCategory(exception.category, settings)
  if (!category) return { path: ['exception', 'category'], message: `未知的特殊情形类别：${exception.category.slice(0, 40)}` }
  if (category.requiresReason) {
    const length = [...(exception.reason ?? '').trim()].length
    if (length < category.minReasonLength) {
      return { path: ['exception', 'reason'], message: `选择“${category.label}”须填写不少于 ${category.minReasonLength} 个字的理由` }
    }
  }
  return null
}

export const findCategory = (key: string, settings: Pick<Settings, 'quietPeriod'>): ExceptionCategory | undefined =>
  settings.quietPeriod.categories.find((c) => c.key === key)
