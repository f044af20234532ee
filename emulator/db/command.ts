import type { DbCommand } from '../../server/platform/db'

/**
 * `db.command` for the emulator. Operators are class instances, never plain objects:
 * a plain `{ $gt: '' }` arriving from user input can therefore never act as an operator
 * (the matcher refuses `$` keys outright, see match.ts).
 */

export type QueryOpName = 'eq' | 'neq' | 'gt' | 'gte' | 'lt' | 'lte' | 'in' | 'nin' | 'exists'
export type UpdateOpName = 'inc' | 'push' | 'remove'

/** Shared chaining, as the SDK's LogicCommand: `_.gt(1).and(_.lt(5))`, `_.gt(1).lt(5)`. */
abstract class Chainable {
  and(...conditions: unknown[]): LogicOp {
    return new LogicOp('and', [this, ...spread(conditions)])
  }
  or(...conditions: unknown[]): LogicOp {
    return new LogicOp('or', [this, ...spread(conditions)])
  }
  eq(value: unknown): LogicOp {
    return this.and(command.eq(value))
  }
  neq(value: unknown): LogicOp {
    return this.and(command.neq(value))
  }
  gt(value: unknown): LogicOp {
    return this.and(command.gt(value))
  }
  gte(value: unknown): LogicOp {
    return this.and(command.gte(value))
  }
  lt(value: unknown): LogicOp {
    return this.and(command.lt(value))
  }
  lte(value: unknown): LogicOp {
    return this.and(command.lte(value))
  }
  in(values: unknown[]): LogicOp {
    return this.and(command.in(values))
  }
  nin(values: unknown[]): LogicOp {
    return this.and(command.nin(values))
  }
  exists(present: boolean): LogicOp {
    return this.and(command.exists(present))
  }
}

/** A field comparison: `{ field: _.gt(3) }`. */
export class QueryOp extends Chainable {
  constructor(
    readonly op: QueryOpName,
    readonly operand: unknown,
  ) {
    super()
  }
}

/** `_.and(...)` / `_.or(...)`: at top level over condition objects, at field level over operators. */
export class LogicOp extends Chainable {
  constructor(
    readonly op: 'and' | 'or',
    readonly operands: unknown[],
  ) {
    super()
  }
}

/** An update operator: `{ field: _.inc(1) }`. */
export class UpdateOp {
  constructor(
    readonly op: UpdateOpName,
    readonly operand: unknown,
  ) {}
}

/** The SDK accepts both `_.or(a, b)` and `_.or([a, b])`. */
function spread(args: unknown[]): unknown[] {
  return args.length === 1 && Array.isArray(args[0]) ? (args[0] as unknown[]) : args
}

function listOperand(name: string, values: unknown): unknown[] {
  if (!Array.isArray(values)) throw new Error(`db.command.${name}() expects an array`)
  return values
}

export const command: DbCommand = {
  eq: (value) => new QueryOp('eq', value),
  neq: (value) => new QueryOp('neq', value),
  gt: (value) => new QueryOp('gt', value),
  gte: (value) => new QueryOp('gte', value),
  lt: (value) => new QueryOp('lt', value),
  lte: (value) => new QueryOp('lte', value),
  in: (values) => new QueryOp('in', listOperand('in', values)),
  nin: (values) => new QueryOp('nin', listOperand('nin', values)),
  exists: (present) => {
    if (typeof present !== 'boolean') throw new Error('db.command.exists() expects a boolean')
    return new QueryOp('exists', present)
  },
  and: (...conditions) => new LogicOp('and', spread(conditions)),
  or: (...conditions) => new LogicOp('or', spread(conditions)),
  inc: (by) => {
    if (typeof by !== 'number' || !Number.isFinite(by)) throw new Error('db.command.inc() expects a finite number')
    return new UpdateOp('inc', by)
  },
  // As the SDK: push(x) and push(x, y) push the arguments; push([x, y]) pushes the elements.
  push: (...values: unknown[]) => {
    const first = values[0]
    if (first !== null && typeof first === 'object' && !Array.isArray(first) && Object.prototype.hasOwnProperty.call(first, 'each')) {
      // The SDK reads `{ each, position, sort, slice }` as $push modifiers; not emulated.
      throw new Error('db.command.push({ each, … }) modifiers are not supported by the emulator')
    }
    return new UpdateOp('push', Array.isArray(first) && values.length === 1 ? [...(first as unknown[])] : values)
  },
  remove: () => new UpdateOp('remove', undefined),
}

export const isQueryOp = (v: unknown): v is QueryOp => v instanceof QueryOp
export const isLogicOp = (v: unknown): v is LogicOp => v instanceof LogicOp
export const isUpdateOp = (v: unknown): v is UpdateOp => v instanceof UpdateOp
export const isCommand = (v: unknown): boolean => v instanceof Chainable || v instanceof UpdateOp
