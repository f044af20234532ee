import { command } from '../../emulator/db/command'
import { cloudError, collectionMissingError } from '../../emulator/db/errors'
import { orderOf, updateOf, whereOf, WireError } from '../../emulator/cloud-wire/decode'
import { multipartFields, wireError } from '../../emulator/cloud-wire/server'

/** The local cloud's translation of the SDK's wire shapes (emulator/cloud-wire); the real SDK's side is in tests/cloud/wire.test.ts. */

describe('queries from the wire', () => {
  it('reads literals, field operators and top-level $and/$or as the port’s commands', () => {
    expect(whereOf(command, { kind: 'probe', 'a.b': true, n: { $gte: 1, $lt: 5 }, s: { $in: ['x'] } })).toEqual({
      kind: 'probe',
      'a.b': true,
      n: command.and(command.gte(1), command.lt(5)),
      s: command.in(['x']),
    })
    expect(whereOf(command, { $or: [{ a: 1 }, { b: { $exists: true } }] })).toEqual(command.or([{ a: 1 }, { b: command.exists(true) }]))
    expect(whereOf(command, { a: 1, $and: [{ b: { $ne: 2 } }] })).toEqual(command.and([{ a: 1 }, command.and([{ b: command.neq(2) }])]))
    expect(whereOf(command, undefined)).toBeUndefined()
  })

  it('refuses what the port has no operator for, rather than guessing', () => {
    expect(() => whereOf(command, { a: { $regex: 'x' } })).toThrow(WireError)
    expect(() => whereOf(command, { $nor: [{ a: 1 }] })).toThrow(/\$nor is not supported/)
  })

  it('keeps the order of orderBy fields and their directions', () => {
    expect(orderOf({ a: -1, b: 1 })).toEqual([
      ['a', 'desc'],
      ['b', 'asc'],
    ])
  })
})

describe('updates from the wire', () => {
  it('turns $set/$inc/$unset/$push back into the port’s update data', () => {
    expect(updateOf(command, { $set: { 'a.b': 1, list: [1, 2] }, $inc: { n: 2 }, $unset: { gone: '' }, $push: { p: { $each: ['z'] } } })).toEqual({
      'a.b': 1,
      list: [1, 2],
      n: command.inc(2),
      gone: command.remove(),
      p: command.push(['z']),
    })
  })

  it('refuses operators and modifiers the port does not have', () => {
    expect(() => updateOf(command, { $addToSet: { a: 1 } })).toThrow(/\$addToSet is not supported/)
    expect(() => updateOf(command, { $push: { p: { $each: [1], $position: 0 } } })).toThrow(/\$push modifiers/)
  })
})

describe('errors onto the wire', () => {
  it('a write conflict travels as DATABASE_TRANSACTION_CONFLICT with the engine’s words, for the SDK to prefix again', () => {
    const err = cloudError('document.update', '-501001 resource system error. [WriteConflict] Write conflict on gates/co_1 (MongoDB error 112).', -501001)
    expect(wireError(err)).toEqual({ code: 'DATABASE_TRANSACTION_CONFLICT', message: '[WriteConflict] Write conflict on gates/co_1 (MongoDB error 112).' })
  })

  it('other engine errors keep their number’s code', () => {
    expect(wireError(collectionMissingError('collection.get', 'nope'))).toMatchObject({
      code: 'DATABASE_COLLECTION_NOT_EXIST',
      message: expect.stringMatching(/^\[ResourceNotFound\] collection "nope"/),
    })
    expect(wireError(new Error('boom'))).toEqual({ code: 'SYS_ERR', message: 'boom' })
    expect(wireError(new WireError('INVALID_PARAM', 'bad'))).toEqual({ code: 'INVALID_PARAM', message: 'bad' })
  })
})

it('reads multipart fields as bytes (the SDK’s binary requestData has no filename)', () => {
  const b = '----b0'
  const bin = Buffer.from([0x08, 0x01, 0xff, 0x00, 0x0d, 0x0a])
  const body = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="action"\r\n\r\nwx.openApi\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="requestData"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    bin,
    Buffer.from(`\r\n--${b}--\r\n`),
  ])
  const fields = multipartFields(body, `multipart/form-data; boundary=${b}`)
  expect(fields.get('action')?.toString()).toBe('wx.openApi')
  expect(fields.get('requestData')).toEqual(bin)
})
