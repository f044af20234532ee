import { isCommand, isUpdateOp } from './command'
import { isPlainObject, parsePath, toJson, type Json } from './values'

/**
 * Compiles `update({ data })` the way the SDK encodes it: nested plain objects become
 * `$set` on dot paths (so `{ a: { b: 1 } }` sets `a.b` and keeps the rest of `a`), empty
 * objects and `undefined` are dropped, `_.inc/_.push/_.remove` become `$inc/$push/$unset`.
 * The returned function applies it to a copy of a document with MongoDB's rules.
 */

export type JsonDoc = Record<string, Json>

type Step =
  | { kind: 'set'; path: string; segs: string[]; value: Json }
  | { kind: 'inc'; path: string; segs: string[]; by: number }
  | { kind: 'push'; path: string; segs: string[]; values: Json[] }
  | { kind: 'unset'; path: string; segs: string[] }

export function compileUpdate(data: unknown): (doc: JsonDoc) => JsonDoc {
  if (!isPlainObject(data)) throw new Error('options.data must be an object')
  if (Object.keys(data).length === 0) throw new Error('options.data must not be empty')
  if (Object.prototype.hasOwnProperty.call(data, '_id')) throw new Error('不能更新_id的值 (the _id of a document cannot be updated)')
  const steps: Step[] = []
  collect(data, '', steps)
  if (steps.length === 0) throw new Error('update has nothing to write: empty objects and undefined values are dropped by the SDK')
  checkConflicts(steps)
  return (doc) => {
    const out = JSON.parse(JSON.stringify(doc)) as JsonDoc
    for (const step of steps) apply(out, step)
    return out
  }
}

function collect(obj: Record<string, unknown>, prefix: string, out: Step[]): void {
  for (const [key, value] of Object.entries(obj)) {
    if (value === undefined) continue
    const path = prefix ? `${prefix}.${key}` : key
    const segs = parsePath(path)
    if (segs[0] === '_id') throw new Error('不能更新_id的值 (the _id of a document cannot be updated)')
    if (isUpdateOp(value)) {
      if (value.op === 'inc') out.push({ kind: 'inc', path, segs, by: value.operand as number })
      else if (value.op === 'push')
        out.push({ kind: 'push', path, segs, values: (value.operand as unknown[]).map((v, i) => toJson(v, `${path}[${i}]`) ?? null) })
      else out.push({ kind: 'unset', path, segs })
    } else if (isCommand(value)) {
      throw new Error(`field "${path}": query operators cannot be used in update data`)
    } else if (isPlainObject(value)) {
      collect(value, path, out)
    } else {
      out.push({ kind: 'set', path, segs, value: toJson(value, path) ?? null })
    }
  }
}

function checkConflicts(steps: Step[]): void {
  const paths = steps.map((s) => s.path).sort()
  for (let i = 1; i < paths.length; i++) {
    if (paths[i] === paths[i - 1] || paths[i].startsWith(paths[i - 1] + '.')) {
      throw new Error(`Updating the path '${paths[i]}' would create a conflict at '${paths[i - 1]}'`)
    }
  }
}

const isIndex = (seg: string) => /^\d+$/.test(seg)
type Container = Record<string, Json> | Json[]

/** Walks to the parent of the last segment; creates objects on the way when `create`. */
function parentOf(doc: JsonDoc, segs: string[], create: boolean): Container | undefined {
  let cur: Container = doc
  for (let i = 0; i < segs.length - 1; i++) {
    const seg = segs[i]
    const next: Json | undefined = Array.isArray(cur) ? (isIndex(seg) ? cur[Number(seg)] : undefined) : cur[seg]
    if (Array.isArray(cur) && !isIndex(seg)) {
      if (!create) return undefined
      throw new Error(`Cannot create field '${seg}' in an array (path '${segs.join('.')}')`)
    }
    if (next === undefined) {
      if (!create) return undefined
      const made: Record<string, Json> = {}
      setChild(cur, seg, made)
      cur = made
      continue
    }
    if (next === null || typeof next !== 'object') {
      if (!create) return undefined
      throw new Error(`Cannot create field '${segs[i + 1]}' in element {${seg}: ${JSON.stringify(next)}}`)
    }
    cur = next
  }
  return cur
}

function setChild(container: Container, seg: string, value: Json): void {
  if (Array.isArray(container)) {
    const idx = Number(seg)
    while (container.length < idx) container.push(null)
    container[idx] = value
  } else {
    container[seg] = value
  }
}

function getChild(container: Container, seg: string): Json | undefined {
  if (Array.isArray(container)) return isIndex(seg) ? container[Number(seg)] : undefined
  return Object.prototype.hasOwnProperty.call(container, seg) ? container[seg] : undefined
}

function apply(doc: JsonDoc, step: Step): void {
  const last = step.segs[step.segs.length - 1]
  if (step.kind === 'unset') {
    const parent = parentOf(doc, step.segs, false)
    if (!parent) return
    if (Array.isArray(parent)) {
      if (isIndex(last) && Number(last) < parent.length) parent[Number(last)] = null // MongoDB nulls array slots
    } else {
      delete parent[last]
    }
    return
  }
  const parent = parentOf(doc, step.segs, true)!
  const current = getChild(parent, last)
  if (step.kind === 'set') {
    setChild(parent, last, step.value)
  } else if (step.kind === 'inc') {
    if (current === undefined) setChild(parent, last, step.by)
    else if (typeof current !== 'number') throw new Error(`Cannot apply $inc to a value of non-numeric type (field '${step.path}')`)
    else setChild(parent, last, current + step.by)
  } else {
    if (current === undefined) setChild(parent, last, [...step.values])
    else if (!Array.isArray(current)) throw new Error(`The field '${step.path}' must be an array but is of type ${current === null ? 'null' : typeof current}`)
    else current.push(...step.values)
  }
}
