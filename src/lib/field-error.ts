/** The input field a refusal names (INVALID_INPUT's first issue), so a page can say it next to that field; null when none. */
export function fieldOfError(error: { code: string; details?: unknown }): string | null {
  if (error.code !== 'INVALID_INPUT') return null
  const issues = (error.details as { issues?: Array<{ path?: unknown[] }> } | undefined)?.issues
  const first = issues?.[0]?.path?.[0]
  return typeof first === 'string' ? first : null
}
