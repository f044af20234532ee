import { EJSON } from 'bson'
import type { DbCommand, DocData } from '../../server/platform/db'

/**
 * The cloud database's wire shapes (what @cloudbase/database sends: MongoDB-style EJSON)
 * turned back into calls on the database port (`db.command` values), so the emulator's
 * own engine answers them. Only what the SDK produces for the port's operators is
 * understood; anything else is refused loudly (WireError), never guessed.
 */

export class WireError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

const unsupported = (what: string) => new WireError('INVALID_PARAM', `${what} is not supported by the local cloud (emulator/cloud-wire)`)

/** EJSON text → plain values (numbers as numbers). */
export function parseEjson(text: unknown, what: string): unknown {
  if (typeof text !== 'string') throw new WireError('INVALID_PARAM', `${what} must be an EJSON string`)
  try {
    return EJSON.parse(text, { relaxed: true })
  } catch (err) {
    throw new WireError('INVALID_PARAM', `${what} is not valid EJSON: ${(err as Error).message}`)
  }
}

/** A document as the cloud sends it back: one EJSON string per document. */
export const stringifyDoc = (doc: unknown): string => EJSON.stringify(doc as DocData, { relaxed: true })

const isPlain = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v)

const FIELD_OPS: Record<string, (c: DbCommand, v: unknown) => unknown> = {
  $eq: (c, v) => c.eq(v),
  $ne: (c, v) => c.neq(v),
  $gt: (c, v) => c.gt(v),
  $gte: (c, v) => c.gte(v),
  $lt: (c, v) => c.lt(v),
  $lte: (c, v) => c.lte(v),
  $in: (c, v) => c.in(v as unknown[]),
  $nin: (c, v) => c.nin(v as unknown[]),
  $exists: (c, v) => c.exists(v as boolean),
}

/** `{ $gt: 1, $lt: 5 }` on one field → `_.gt(1).and(_.lt(5))`; a literal stays a literal (equality). */
function fieldCondition(command: DbCommand, path: string, value: unknown): unknown {
  if (!isPlain(value) || !Object.keys(value).some((k) => k.startsWith('$'))) return value
  const ops = Object.entries(value).map(([op, operand]) => {
    const make = FIELD_OPS[op]
    if (!make) throw unsupported(`query operator ${op} (field "${path}")`)
    return make(command, operand)
  })
  return ops.length === 1 ? ops[0] : command.and(...ops)
}

/** A decoded `query` (parsed EJSON) → a where() condition for the port. */
export function whereOf(command: DbCommand, query: unknown): DocData | undefined {
  if (query === undefined || query === null || query === '') return undefined
  if (!isPlain(query)) throw new WireError('INVALID_PARAM', 'query must be an object')
  const fields: DocData = {}
  const logic: unknown[] = []
  for (const [key, value] of Object.entries(query)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value)) throw new WireError('INVALID_PARAM', `${key} expects an array`)
      const parts = value.map((q) => whereOf(command, q) ?? {})
      logic.push(key === '$and' ? command.and(parts) : command.or(parts))
    } else if (key.startsWith('$')) {
      throw unsupported(`query operator ${key}`)
    } else {
      fields[key] = fieldCondition(command, key, value)
    }
  }
  if (logic.length === 0) return fields
  const all = Object.keys(fields).length ? [fields, ...logic] : logic
  return (all.length === 1 ? all[0] : command.and(all)) as DocData
}

/** `{ "a": -1, "b": 1 }` → orderBy pairs, in the order given. */
export function orderOf(order: unknown): Array<[string, 'asc' | 'desc']> {
  if (order === undefined) return []
  if (!isPlain(order)) throw new WireError('INVALID_PARAM', 'order must be an object')
  return Object.entries(order).map(([path, dir]) => [path, Number(dir) < 0 ? 'desc' : 'asc'])
}

/** An encoded update (`$set/$inc/$unset/$push`) → the port's update data with `db.command` values. */
export function updateOf(command: DbCommand, data: unknown): DocData {
  if (!isPlain(data)) throw new WireError('INVALID_PARAM', 'update data must be an object')
  const out: DocData = {}
  for (const [op, fields] of Object.entries(data)) {
    if (!isPlain(fields)) throw new WireError('INVALID_PARAM', `${op} expects an object`)
    for (const [path, value] of Object.entries(fields)) {
      if (op === '$set') out[path] = value
      else if (op === '$inc') out[path] = command.inc(value as number)
      else if (op === '$unset') out[path] = command.remove()
      else if (op === '$push') {
        if (!isPlain(value) || !Array.isArray(value.$each) || Object.keys(value).length !== 1)
          throw unsupported(`$push modifiers other than $each (field "${path}")`)
        out[path] = command.push(value.$each)
      } else throw unsupported(`update operator ${op}`)
    }
  }
  return out
}
