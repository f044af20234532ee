import fc from 'fast-check'
import { z } from 'zod'
import type BetterSqlite3 from 'better-sqlite3'
import { ErrorCode } from '@contract'

/**
 * Fuzzing helpers (docs/RELIABILITY.md): arbitraries generated from the zod contract
 * (through zod's JSON-schema export, input side), hostile values beyond it, a change log
 * on the emulator's SQLite tables, and the checks every answer must pass.
 */

type JsonSchema = {
  type?: string | string[]
  properties?: Record<string, JsonSchema>
  required?: string[]
  items?: JsonSchema
  minItems?: number
  maxItems?: number
  minLength?: number
  maxLength?: number
  pattern?: string
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  enum?: unknown[]
  const?: unknown
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
}

export const toJsonSchema = (schema: z.ZodType): JsonSchema => z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema

/** Real values by field name, so generated calls reach past "not found" into the handlers. */
export type Pools = Record<string, unknown[]>

/** An arbitrary of values the JSON schema accepts (refinements aside); `pools` by field name. */
export function fromSchema(schema: JsonSchema, pools: Pools = {}, key = ''): fc.Arbitrary<unknown> {
  const generated = generate(schema, pools, key)
  const pool = pools[key]
  return pool && pool.length ? fc.oneof({ arbitrary: fc.constantFrom(...pool), weight: 3 }, { arbitrary: generated, weight: 1 }) : generated
}

function generate(s: JsonSchema, pools: Pools, key: string): fc.Arbitrary<unknown> {
  if (s.const !== undefined) return fc.constant(s.const)
  if (s.enum) return fc.constantFrom(...s.enum)
  const alternatives = s.anyOf ?? s.oneOf
  if (alternatives) return fc.oneof(...alternatives.map((a) => fromSchema(a, pools, key)))
  if (s.allOf && s.allOf.length) return fromSchema(s.allOf[0], pools, key)
  const type = Array.isArray(s.type) ? s.type[0] : s.type
  switch (type) {
    case 'object': {
      const props = s.properties ?? {}
      const model: Record<string, fc.Arbitrary<unknown>> = {}
      for (const [k, v] of Object.entries(props)) model[k] = fromSchema(v, pools, k)
      return fc.record(model, { requiredKeys: (s.required ?? []).filter((k) => k in props) as never[] })
    }
    case 'array': {
      const item = s.items ? fromSchema(s.items, pools, key) : fc.string()
      const min = s.minItems ?? 0
      // Mostly short arrays; the maximum itself now and then.
      const max = s.maxItems ?? 5
      return fc.oneof(
        { arbitrary: fc.array(item, { minLength: min, maxLength: Math.max(min, Math.min(max, 4)) }), weight: 9 },
        { arbitrary: fc.array(item, { minLength: max, maxLength: max }), weight: 1 },
      )
    }
    case 'string': {
      const min = s.minLength ?? 0
      const max = s.maxLength ?? 300
      if (s.format === 'date-time')
        return fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString())
      if (s.pattern) return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length >= min && v.length <= max)
      // Lengths count UTF-16 units: fit any text into [min, max] instead of filtering.
      const fit = (v: string) => (v.length > max ? v.slice(0, max) : v.padEnd(min, '字'))
      return fc.oneof(
        fc.string({ minLength: min, maxLength: Math.min(max, 60) }),
        fc.string({ unit: 'grapheme', maxLength: Math.min(max, 60) }).map(fit),
        fc.constant(max).map((n) => '检'.repeat(n)),
      )
    }
    case 'integer': {
      const min = s.minimum ?? Number.MIN_SAFE_INTEGER
      const max = s.maximum ?? Number.MAX_SAFE_INTEGER
      return fc.oneof(
        fc.integer({ min: Math.max(min, Number.MIN_SAFE_INTEGER), max: Math.min(max, Number.MAX_SAFE_INTEGER) }),
        fc.constantFrom(min, max).filter(Number.isSafeInteger),
      )
    }
    case 'number': {
      const min = s.minimum ?? -1e12
      const max = s.maximum ?? 1e12
      return fc.oneof(fc.double({ min, max, noNaN: true, noDefaultInfinity: true }), fc.constantFrom(min, max))
    }
    case 'boolean':
      return fc.boolean()
    case 'null':
      return fc.constant(null)
    default:
      return fc.jsonValue({ maxDepth: 2 })
  }
}

const deep = (depth: number, leaf: unknown, asArray: boolean): unknown => {
  let v = leaf
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v }
  return v
}

/** An object with an own `__proto__` key (what JSON.parse makes of `{"__proto__": …}`). */
export const withOwnKey = (key: string, value: unknown, base: Record<string, unknown> = {}): Record<string, unknown> => {
  const o: Record<string, unknown> = { ...base }
  Object.defineProperty(o, key, { value, enumerable: true, configurable: true, writable: true })
  return o
}

const HUGE = 'x'.repeat(99_000)
const HUGE_CJK = '中'.repeat(33_000) // 99 KB as UTF-8
const UNICODE = [
  '\ud800', // lone high surrogate
  '\udfff', // lone low surrogate
  'a\ud83db', // broken pair
  '\u202e\u202dRTL', // RTL override
  '\u200b\u200c\u200d\ufeff', // zero-width and BOM
  '👩‍👩‍👧‍👦🏳️‍🌈', // emoji ZWJ sequences
  '\u0000', // NUL
  'a\u0000b',
  '\u0301\u0301\u0301', // combining marks alone
  '𠀀𪚥', // astral CJK
  '\r\n\t\v\f',
  '\u2028\u2029',
]

/** Hostile values for a field: wrong types, operators, huge and odd strings, bounds. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -0,
    -1,
    1e308,
    -1e308,
    2 ** 53 + 1,
    -(2 ** 53 + 1),
    1.5,
    4e-324,
    '',
    ' ',
    '   \t  ',
    [],
    [[]],
    {},
    [null],
    ['a', 1, null],
    { $gt: '' },
    { $ne: null },
    { $regex: '.*' },
    { $where: 'sleep(1000)' },
    { $in: ['co_0001', 'co_0002'] },
    { $exists: true },
    { _id: 'co_0001' },
    '$gt',
    '__proto__',
    'constructor',
    '../../../../etc/passwd',
    '%00',
    '<script>alert(1)</script>',
    "' OR '1'='1' --",
    '"; DROP TABLE c_users; --',
    'c=co_0001',
    'c=../../x',
    'r.AAAAAAAAAA.AAAAAAAAAAAAAAAA',
    HUGE,
    HUGE_CJK,
    ...UNICODE,
  ),
  fc.constantFrom(...UNICODE).chain((u) => fc.string({ maxLength: 20 }).map((s) => s + u + s)),
  fc.integer({ min: 1, max: 400 }).map((d) => deep(d, 'x', false)),
  fc.integer({ min: 1, max: 400 }).map((d) => deep(d, 1, true)),
  fc.constant(withOwnKey('__proto__', { admin: true, roles: ['admin'] })),
  fc.constant({ constructor: { prototype: { admin: true } } }),
  fc.constant(withOwnKey('prototype', { polluted: true })),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.jsonValue({ maxDepth: 3 }),
)

/** Every [path] into a JSON value that can be replaced (objects and arrays, recursively). */
export function pathsOf(v: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  const keys: Array<string | number> = Array.isArray(v) ? v.map((_, i) => i) : v && typeof v === 'object' ? Object.keys(v) : []
  for (const k of keys) {
    out.push([...prefix, k])
    pathsOf((v as Record<string | number, unknown>)[k], [...prefix, k], out)
  }
  return out
}

export function setPath(v: unknown, path: Array<string | number>, value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? setPath(x, rest, value) : x))
  const o = v as Record<string, unknown>
  return withOwnKey(String(head), setPath(o[head as string], rest, value), o)
}

export function dropPath(v: unknown, path: Array<string | number>): unknown {
  if (path.length === 1) {
    if (Array.isArray(v)) return v.filter((_, i) => i !== path[0])
    const { [path[0] as string]: _omit, ...rest } = v as Record<string, unknown>
    return rest
  }
  const [head, ...rest] = path
  if (Array.isArray(v)) return v.map((x, i) => (i === head ? dropPath(x, rest) : x))
  const o = v as Record<string, unknown>
  return { ...o, [head as string]: dropPath(o[head as string], rest) }
}

export type BodyKind = 'valid' | 'field' | 'extra' | 'drop' | 'whole'

/**
 * Bodies for one action: `{ action, ...fields }` mostly valid by the contract, or with one
 * field replaced by a hostile value, extra hostile keys, a field dropped, or a hostile body.
 */
export function bodyArbitrary(action: string, input: z.ZodType, pools: Pools): fc.Arbitrary<{ kind: BodyKind; body: unknown }> {
  const valid = fromSchema(toJsonSchema(input), pools) as fc.Arbitrary<Record<string, unknown>>
  const withAction = (fields: Record<string, unknown>) => ({ action, ...fields })
  const field = fc.tuple(valid, fc.nat(), nastyValue).map(([fields, i, nasty]) => {
    const paths = pathsOf(fields)
    const body = paths.length ? (setPath(fields, paths[i % paths.length], nasty) as Record<string, unknown>) : withOwnKey('x', nasty, fields)
    return withAction(body)
  })
  const extra = fc
    .tuple(valid, fc.constantFrom('__proto__', 'constructor', 'prototype', '$where', 'action', '_id', 'openid', 'userInfo', 'roles', 'caller'), nastyValue)
    .map(([fields, key, nasty]) => (key === 'action' ? { ...withAction(fields), action: nasty } : withOwnKey(key, nasty, withAction(fields))))
  const drop = fc.tuple(valid, fc.nat()).map(([fields, i]) => {
    const paths = pathsOf(fields)
    return withAction(paths.length ? (dropPath(fields, paths[i % paths.length]) as Record<string, unknown>) : fields)
  })
  const whole = fc.oneof(
    valid.map((fields) => fields), // missing action
    valid.map((fields) => ({ action: `${action}X`, ...fields })), // unknown action
    valid.map((fields) => ({ action: action.toUpperCase(), ...fields })),
    valid.map((fields) => ({ action: [action], ...fields })),
    valid.map((fields) => ({ action: { $eq: action }, ...fields })),
    valid.map((fields) => [withAction(fields)]),
    fc.constantFrom<unknown>(
      null,
      0,
      'account',
      [],
      true,
      { action: '__proto__' },
      { action: 'constructor' },
      { action: 'hasOwnProperty' },
      { action: 'toString' },
    ),
    fc.integer({ min: 10, max: 2000 }).map((d) => ({ action, x: deep(d, 'y', false) })),
    fc.constant({ action, pad: HUGE }),
  )
  return fc.oneof(
    { arbitrary: valid.map((f) => ({ kind: 'valid' as const, body: withAction(f) })), weight: 4 },
    { arbitrary: field.map((body) => ({ kind: 'field' as const, body })), weight: 4 },
    { arbitrary: extra.map((body) => ({ kind: 'extra' as const, body })), weight: 1 },
    { arbitrary: drop.map((body) => ({ kind: 'drop' as const, body })), weight: 1 },
    { arbitrary: whole.map((body) => ({ kind: 'whole' as const, body })), weight: 1 },
  )
}

/**
 * A change log on every collection table (`c_*`): TEMP triggers append the collection
 * and document id of each insert, update and delete. Only this connection sees them;
 * nothing is written to the database file.
 */
export function installChangeLog(raw: BetterSqlite3.Database): { take(): Array<{ tbl: string; id: string }> } {
  raw.exec(`CREATE TEMP TABLE IF NOT EXISTS fuzz_changes (tbl TEXT NOT NULL, id TEXT NOT NULL)`)
  const tables = (raw.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'c\\_%' ESCAPE '\\'`).all() as Array<{ name: string }>).map(
    (t) => t.name,
  )
  for (const t of tables) {
    const name = t.slice(2)
    raw.exec(`
      CREATE TEMP TRIGGER IF NOT EXISTS "fz_i_${t}" AFTER INSERT ON main."${t}" BEGIN INSERT INTO fuzz_changes VALUES ('${name}', NEW.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS "fz_u_${t}" AFTER UPDATE ON main."${t}" BEGIN INSERT INTO fuzz_changes VALUES ('${name}', NEW.id); END;
      CREATE TEMP TRIGGER IF NOT EXISTS "fz_d_${t}" AFTER DELETE ON main."${t}" BEGIN INSERT INTO fuzz_changes VALUES ('${name}', OLD.id); END;
    `)
  }
  const read = raw.prepare(`SELECT tbl, id FROM fuzz_changes`)
  const clear = raw.prepare(`DELETE FROM fuzz_changes`)
  return {
    take() {
      const rows = read.all() as Array<{ tbl: string; id: string }>
      if (rows.length) clear.run()
      return rows
    },
  }
}

/**
 * Writes a refused call may leave, by design: the rate-limit buckets (every bind failure
 * and every token look-up counts, refused or not), and a FREQUENCY_CAP refusal's
 * `capRefusals` counter (the only trace a refused check-in leaves, SPEC rule 5).
 */
export function allowedRefusalWrite(code: string, change: { tbl: string; id: string }): boolean {
  if (change.tbl === 'rateLimits') return true
  if (code === 'FREQUENCY_CAP' && change.tbl === 'counters') return true
  return false
}

const CODES = new Set<string>(ErrorCode.options)

/** Patterns that must never reach a caller: stack frames and paths of the machine. */
const LEAKS = [
  /\/work\//,
  /node_modules/,
  /\n\s*at /,
  /\bat [\w$.<>]+ \(/,
  /\bat (?:async )?[\w$./-]+\.(?:ts|js):\d+/,
  /\/home\//,
  /\/tmp\//,
  /SQLITE_/,
  /better-sqlite3/,
]

/** Problems with one HTTP answer; `sent` is the request text (echoes of it are not leaks). */
export function answerProblems(status: number, text: string, sent: string): string[] {
  const problems: string[] = []
  if (status >= 500) problems.push(`HTTP ${status}`)
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    problems.push('answer is not JSON')
    return problems
  }
  const b = body as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (b.ok === true) {
    if (!('data' in b)) problems.push('ok answer without data')
  } else if (b.ok === false) {
    if (!b.error || typeof b.error.code !== 'string' || !CODES.has(b.error.code))
      problems.push(`error code not in the contract: ${JSON.stringify(b.error?.code)}`)
    if (typeof b.error?.message !== 'string') problems.push('error without message')
    if (b.error?.code === 'INTERNAL') problems.push('INTERNAL')
  } else problems.push('not an envelope')
  for (const re of LEAKS) {
    const m = re.exec(text)
    if (m && !sent.includes(m[0])) problems.push(`leak ${re}: …${text.slice(Math.max(0, m.index - 40), m.index + 60)}…`)
  }
  return problems
}
