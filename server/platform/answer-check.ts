import type { z } from 'zod'

/**
 * Where an answer departs from its action's answer schema in `types/`: a field of the wrong
 * shape, or a field the contract does not declare. Used by the dispatcher on platforms that
 * ask for it (the emulator and the tests, never the cloud), so an answer that drifts from
 * the contract fails a test instead of reaching a page.
 */
export function answerProblems(schema: z.ZodType, data: unknown): string[] {
  const parsed = schema.safeParse(data)
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.') || '(answer)'}: ${i.message}`)
  return [...new Set(undeclared(data, parsed.data, 'data'))].map((p) => `${p}: not declared in types/`)
}

const isPlain = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype

/** Paths present in the raw answer but dropped by the schema (zod objects strip unknown keys). */
function undeclared(raw: unknown, parsed: unknown, path: string): string[] {
  if (Array.isArray(raw) && Array.isArray(parsed)) return raw.flatMap((r, i) => undeclared(r, parsed[i], `${path}[]`))
  if (!isPlain(raw) || !isPlain(parsed)) return []
  return Object.keys(raw).flatMap((k) => (raw[k] === undefined ? [] : k in parsed ? undeclared(raw[k], parsed[k], `${path}.${k}`) : [`${path}.${k}`]))
}
