/**
 * JSON values as the cloud database (MongoDB underneath) sees them: field paths, the
 * values a path reaches (arrays fan out), and BSON-like ordering where numbers and
 * strings never compare equal to each other.
 */

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null)

const SEGMENT = /^[^$."'\\\u0000][^."'\\\u0000]*$/

/** Splits and checks a dot path. Segments must not start with `$` (that would be an operator). */
export function parsePath(path: string): string[] {
  if (typeof path !== 'string' || path.length === 0) throw new Error('field path must be a non-empty string')
  const segs = path.split('.')
  for (const seg of segs) {
    if (!SEGMENT.test(seg)) {
      throw new Error(
        seg.startsWith('$')
          ? `field name "${seg}" starts with "$": operators must be built with db.command, not plain objects`
          : `invalid field path "${path}"`,
      )
    }
  }
  return segs
}

/** Checks a field name of a stored document (no `$` prefix, no dots). */
export function checkFieldName(key: string): void {
  if (key.length === 0 || key.startsWith('$') || key.includes('.') || key.includes('\u0000')) {
    throw new Error(`invalid field name "${key}" (must not be empty, start with "$" or contain ".")`)
  }
}

/**
 * Deep-copies a value into plain JSON, dropping `undefined` object fields as the SDK does.
 * Rejects what would not round-trip (Date, NaN, functions, class instances…).
 */
export function toJson(value: unknown, where = 'value'): Json | undefined {
  if (value === undefined) return undefined
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`${where}: non-finite number`)
    return value
  }
  if (Array.isArray(value)) return value.map((v, i) => toJson(v, `${where}[${i}]`) ?? null)
  if (isPlainObject(value)) {
    const out: Record<string, Json> = {}
    for (const [k, v] of Object.entries(value)) {
      checkFieldName(k)
      const j = toJson(v, `${where}.${k}`)
      if (j !== undefined) out[k] = j
    }
    return out
  }
  throw new Error(`${where}: only JSON values are supported (got ${Object.prototype.toString.call(value)})`)
}

/**
 * Every value a path reaches in a document, MongoDB-style: an array met in the middle of
 * a path fans out over its elements; an array at the end is offered whole and element by
 * element. `undefined` stands for "missing on this branch".
 */
export function valuesAt(doc: unknown, segs: string[]): unknown[] {
  const out: unknown[] = []
  walk(doc, segs, 0, out)
  return out
}

function walk(value: unknown, segs: string[], i: number, out: unknown[]): void {
  if (i === segs.length) {
    out.push(value)
    if (Array.isArray(value)) out.push(...value)
    return
  }
  const seg = segs[i]
  if (Array.isArray(value)) {
    if (/^\d+$/.test(seg)) {
      walk(value[Number(seg)], segs, i + 1, out)
      return
    }
    for (const el of value) if (isPlainObject(el)) walk(el[seg], segs, i + 1, out)
    return
  }
  if (isPlainObject(value)) {
    walk(Object.prototype.hasOwnProperty.call(value, seg) ? value[seg] : undefined, segs, i + 1, out)
    return
  }
  out.push(undefined)
}

/** BSON type order for sorting: null/missing < numbers < strings < objects < arrays < booleans. */
export function typeRank(v: unknown): number {
  if (v === undefined || v === null) return 1
  if (typeof v === 'number') return 2
  if (typeof v === 'string') return 3
  if (Array.isArray(v)) return 5
  if (typeof v === 'object') return 4
  if (typeof v === 'boolean') return 8
  return 99
}

/** Compares by code point, i.e. the UTF-8 byte order MongoDB uses (JS compares UTF-16 units). */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0
  const n = Math.min(a.length, b.length)
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i)!
    const y = b.codePointAt(i)!
    if (x !== y) return x < y ? -1 : 1
    if (x > 0xffff) i++
  }
  return a.length - b.length < 0 ? -1 : a.length === b.length ? 0 : 1
}

/** Total order over JSON values (BSON-like). Object comparison is key-order sensitive, as in MongoDB. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = typeRank(a)
  const rb = typeRank(b)
  if (ra !== rb) return ra < rb ? -1 : 1
  switch (ra) {
    case 1:
      return 0
    case 2:
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
    case 3:
      return compareStrings(a as string, b as string)
    case 8:
      return a === b ? 0 : a ? 1 : -1
    case 5: {
      const x = a as unknown[]
      const y = b as unknown[]
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compareValues(x[i], y[i])
        if (c) return c
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1
    }
    case 4: {
      const x = Object.entries(a as object)
      const y = Object.entries(b as object)
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const r = typeRank(x[i][1]) - typeRank(y[i][1])
        if (r) return r < 0 ? -1 : 1
        const k = compareStrings(x[i][0], y[i][0])
        if (k) return k
        const c = compareValues(x[i][1], y[i][1])
        if (c) return c
      }
      return x.length === y.length ? 0 : x.length < y.length ? -1 : 1
    }
    default:
      return 0
  }
}

/** Equality as `{ field: value }` tests it: same type bracket and same value (`1` ≠ `'1'`, `null` = missing). */
export function valueEquals(candidate: unknown, value: unknown): boolean {
  if (value === null) return candidate === null || candidate === undefined
  if (candidate === undefined) return false
  return typeRank(candidate) === typeRank(value) && compareValues(candidate, value) === 0
}
