import { isCommand, isLogicOp, isQueryOp, type LogicOp, type QueryOp } from './command'
import { compareValues, isPlainObject, parsePath, toJson, typeRank, valueEquals, valuesAt, type Json } from './values'

/**
 * Compiles a `where()` condition into an exact predicate (the source of truth) plus index
 * hints: necessary conditions the store can answer from its indexes to narrow the rows
 * it reads. Semantics follow the SDK and MongoDB:
 *  - a nested plain object is flattened to dot paths (`{ a: { b: 1 } }` ≡ `{ 'a.b': 1 }`),
 *    an empty one is dropped, `undefined` values are dropped;
 *  - equality against an array field matches when any element (or the whole array) equals;
 *  - comparisons stay within a type (`_.gt(1)` never matches the string '2');
 *  - only `db.command` values are operators. A `$`-prefixed key in a plain object is
 *    refused: the real SDK would pass it through to the server as an operator.
 */

export type Hint =
  | { path: string; kind: 'eq'; values: Array<string | number | boolean> }
  | { path: string; kind: 'range'; op: 'gt' | 'gte' | 'lt' | 'lte'; value: number | string }

export interface CompiledWhere {
  test(doc: unknown): boolean
  hints: Hint[]
}

type DocTest = (doc: unknown) => boolean
type FieldTest = (candidates: unknown[]) => boolean
interface Compiled<T> {
  test: T
  hints: Hint[]
}

export function compileWhere(condition: unknown): CompiledWhere {
  if (!isPlainObject(condition) && !isLogicOp(condition)) {
    throw new Error('where() expects a condition object or db.command.and/or(...)')
  }
  if (isPlainObject(condition)) {
    const keys = Object.keys(condition)
    if (keys.length > 0 && keys.every((k) => condition[k] === undefined)) {
      throw new Error('where() condition values must not all be undefined')
    }
  }
  return compileCondition(condition)
}

function compileCondition(condition: unknown): Compiled<DocTest> {
  if (isLogicOp(condition)) return compileTopLogic(condition)
  if (!isPlainObject(condition)) throw new Error('a condition inside db.command.and/or must be an object')
  const fields: Array<[string, unknown]> = []
  flatten(condition, '', fields)
  const parts = fields.map(([path, value]) => {
    const segs = parsePath(path)
    const field = compileField(value, path)
    return { test: (doc: unknown) => field.test(valuesAt(doc, segs)), hints: field.hints }
  })
  return { test: (doc) => parts.every((p) => p.test(doc)), hints: parts.flatMap((p) => p.hints) }
}

function compileTopLogic(op: LogicOp): Compiled<DocTest> {
  const parts = op.operands.map(compileCondition)
  if (op.op === 'and') return { test: (doc) => parts.every((p) => p.test(doc)), hints: parts.flatMap((p) => p.hints) }
  return { test: (doc) => parts.some((p) => p.test(doc)), hints: [] }
}

/** The SDK's flattening of nested condition objects into dot paths. */
function flatten(obj: Record<string, unknown>, prefix: string, out: Array<[string, unknown]>): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue
    const path = prefix ? `${prefix}.${key}` : key
    parsePath(path) // refuses `$` keys before anything else
    if (isPlainObject(value)) {
      flatten(value, path, out)
    } else {
      out.push([path, value])
    }
  }
}

function compileField(value: unknown, path: string): Compiled<FieldTest> {
  if (isQueryOp(value)) return compileQueryOp(value, path)
  if (isLogicOp(value)) {
    const parts = value.operands.map((v) => {
      if (isPlainObject(v)) throw new Error(`field "${path}": a plain object inside a field-level and/or is not supported`)
      return compileField(v, path)
    })
    if (value.op === 'and') return { test: (c) => parts.every((p) => p.test(c)), hints: parts.flatMap((p) => p.hints) }
    return { test: (c) => parts.some((p) => p.test(c)), hints: [] }
  }
  if (isCommand(value)) throw new Error(`field "${path}": update operators cannot be used in where()`)
  return compileQueryOp({ op: 'eq', operand: value } as QueryOp, path)
}

function literal(value: unknown, path: string): Json {
  if (isCommand(value)) throw new Error(`field "${path}": operators cannot be nested inside a value`)
  if (Array.isArray(value)) value.forEach((v) => literal(v, path))
  if (isPlainObject(value)) Object.entries(value).forEach(([k, v]) => (parsePath(k), literal(v, path)))
  const json = toJson(value, `where.${path}`)
  return json === undefined ? null : json
}

const isScalar = (v: Json): v is string | number | boolean => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'

function compileQueryOp(q: QueryOp, path: string): Compiled<FieldTest> {
  switch (q.op) {
    case 'eq':
    case 'neq': {
      const v = literal(q.operand, path)
      const eq: FieldTest = (c) => c.some((x) => valueEquals(x, v))
      if (q.op === 'neq') return { test: (c) => !eq(c), hints: [] }
      return { test: eq, hints: isScalar(v) ? [{ path, kind: 'eq', values: [v] }] : [] }
    }
    case 'in':
    case 'nin': {
      if (!Array.isArray(q.operand)) throw new Error(`field "${path}": ${q.op} expects an array`)
      const vs = q.operand.map((v) => literal(v, path))
      const any: FieldTest = (c) => vs.some((v) => c.some((x) => valueEquals(x, v)))
      if (q.op === 'nin') return { test: (c) => !any(c), hints: [] }
      return { test: any, hints: vs.every(isScalar) ? [{ path, kind: 'eq', values: vs as Array<string | number | boolean> }] : [] }
    }
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte': {
      const v = literal(q.operand, path)
      if (v === null) {
        // MongoDB: $gte/$lte null behave as equality to null; $gt/$lt null match nothing.
        return q.op === 'gte' || q.op === 'lte' ? { test: (c) => c.some((x) => valueEquals(x, null)), hints: [] } : { test: () => false, hints: [] }
      }
      if (!isScalar(v)) throw new Error(`field "${path}": ${q.op} expects a number, string or boolean`)
      const op = q.op
      const rank = typeRank(v)
      const ok = (x: unknown): boolean => {
        if (typeRank(x) !== rank) return false
        const c = compareValues(x, v)
        return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0
      }
      const hints: Hint[] = typeof v === 'boolean' ? [] : [{ path, kind: 'range', op, value: v }]
      return { test: (c) => c.some(ok), hints }
    }
    case 'exists': {
      const want = q.operand === true
      return { test: (c) => c.some((x) => x !== undefined) === want, hints: [] }
    }
    default:
      throw new Error(`field "${path}": unsupported operator`)
  }
}
