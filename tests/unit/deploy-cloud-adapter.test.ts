import { BUNDLE_ENV } from '../helpers/bundle'
import {
  clearCodeCache,
  cloudCodes,
  cloudNotifier,
  cloudStorage,
  databaseOf,
  jsonLogger,
  runInCloud,
  templateData,
  templateValue,
  type WxCloud,
} from '../../server/platform/cloud'

/** The production details of the cloud adapter that the deploy relies on (no wx-server-sdk loaded). */

function fakeCloud(send: jest.Mock = jest.fn().mockResolvedValue({})) {
  return {
    database: () => ({}),
    getWXContext: () => ({ OPENID: '' }),
    uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://env/${cloudPath}` })),
    getTempFileURL: jest.fn(),
    openapi: { wxacode: { getUnlimited: jest.fn(async () => ({ buffer: Buffer.from('png') })) }, subscribeMessage: { send } },
  } satisfies WxCloud
}

describe('structured logs', () => {
  test('every line is JSON with the function, action and invocation id', () => {
    const sink = { log: jest.fn(), error: jest.fn() }
    const log = jsonLogger({ fn: 'inspection', action: 'checkIn', invocationId: 'abc' }, sink)
    log.error('internal_error', { requestId: 'r1' })
    const line = JSON.parse(sink.error.mock.calls[0][0])
    expect(line).toMatchObject({ level: 'error', event: 'internal_error', fn: 'inspection', action: 'checkIn', invocationId: 'abc', requestId: 'r1' })
    expect(typeof line.ts).toBe('string')
  })

  test('each call ends with a summary line carrying the outcome', async () => {
    const spy = jest.spyOn(console, 'log').mockImplementation(() => {})
    Object.assign(process.env, BUNDLE_ENV)
    try {
      const answer = await runInCloud('account', {} as never, { action: 'nope' }, fakeCloud())
      expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
      const summary = spy.mock.calls.map((c) => JSON.parse(String(c[0]))).find((l) => l.event === 'call')
      expect(summary).toMatchObject({ level: 'info', fn: 'account', action: 'nope', ok: false, code: 'INVALID_INPUT' })
      expect(summary.invocationId).toMatch(/^[0-9a-f]{12}$/)
    } finally {
      for (const k of Object.keys(BUNDLE_ENV)) delete process.env[k]
      spy.mockRestore()
    }
  })
})

describe('the database object', () => {
  test('cloud.database() is called once per function instance, however many calls it serves', async () => {
    const cloud = fakeCloud()
    const database = jest.fn(() => ({}))
    cloud.database = database
    const spy = jest.spyOn(console, 'log').mockImplementation(() => {})
    Object.assign(process.env, BUNDLE_ENV)
    try {
      for (let i = 0; i < 3; i++) await runInCloud('account', {} as never, { action: 'nope' }, cloud)
    } finally {
      for (const k of Object.keys(BUNDLE_ENV)) delete process.env[k]
      spy.mockRestore()
    }
    expect(database).toHaveBeenCalledTimes(1)
    expect(databaseOf(cloud)).toBe(database.mock.results[0].value)
  })
})

describe('subscription messages', () => {
  test('values are shaped for their template field types', () => {
    expect(templateValue('thing1', '赣州市某某科技有限公司的一次检查逾期未录入结果')).toHaveLength(20)
    expect(templateValue('time3', '2026-03-02T01:30:00.000Z')).toBe('2026年3月2日 09:30')
    expect(templateValue('date2', '2026-03-02')).toBe('2026年3月2日')
    expect(templateValue('character_string4', 'abc')).toBe('abc')
  })

  test('TEMPLATE_<KEY>_FIELDS maps data keys to the template fields, dropping unmapped keys', () => {
    expect(templateData({ company: '甲公司', dueAt: '2026-03-02T01:30:00.000Z', extra: 'x' }, 'company=thing1, dueAt=time3')).toEqual({
      thing1: { value: '甲公司' },
      time3: { value: '2026年3月2日 09:30' },
    })
    expect(templateData({ thing1: 'a' }, undefined)).toEqual({ thing1: { value: 'a' } })
  })
})

describe('generated codes', () => {
  test('a code for the same page and scene is generated and stored once per instance', async () => {
    clearCodeCache()
    const cloud = fakeCloud()
    const codes = cloudCodes(cloud, cloudStorage(cloud))
    const a = await codes.image({ scene: 'c=1', page: 'officer/scan/index' })
    const b = await codes.image({ scene: 'c=1', page: 'officer/scan/index' })
    const c = await codes.image({ scene: 'c=2', page: 'officer/scan/index' })
    expect(a).toBe('cloud://env/codes/officer_scan_index/c_1.png')
    expect(b).toBe(a)
    expect(c).not.toBe(a)
    expect(cloud.openapi.wxacode.getUnlimited).toHaveBeenCalledTimes(2)
    expect(cloud.uploadFile).toHaveBeenCalledTimes(2)
  })
})

describe('the notifier', () => {
  const log = () => ({ info: jest.fn(), error: jest.fn() })
  test('skips an unconfigured template, sends with the mapped fields, treats 43101 as normal', async () => {
    const send = jest
      .fn()
      .mockResolvedValueOnce({})
      .mockRejectedValueOnce(Object.assign(new Error('errCode: 43101 | errMsg: user refuse to accept the msg'), { errCode: 43101 }))
      .mockRejectedValueOnce(Object.assign(new Error('argument invalid'), { errCode: 47003 }))
    const l = log()
    const notify = cloudNotifier(
      fakeCloud(send),
      { TEMPLATE_OVERDUE_REMINDER: 'tpl-1', TEMPLATE_OVERDUE_REMINDER_FIELDS: 'company=thing1', MINIPROGRAM_STATE: 'trial' },
      l,
    )
    await notify.send({ touser: 'o1', template: 'checkin_notice', data: { company: '甲' } })
    expect(send).not.toHaveBeenCalled()
    expect(l.info).toHaveBeenCalledWith('notify_skipped', expect.objectContaining({ reason: 'TEMPLATE_CHECKIN_NOTICE not set' }))
    await notify.send({ touser: 'o1', template: 'overdue_reminder', page: 'officer/record-result/index?id=i1', data: { company: '甲' } })
    expect(send).toHaveBeenCalledWith({
      touser: 'o1',
      templateId: 'tpl-1',
      page: 'officer/record-result/index?id=i1',
      data: { thing1: { value: '甲' } },
      miniprogramState: 'trial',
      lang: 'zh_CN',
    })
    await notify.send({ touser: 'o2', template: 'overdue_reminder', data: { company: '甲' } })
    expect(l.info).toHaveBeenCalledWith('notify_not_subscribed', expect.objectContaining({ errCode: 43101 }))
    await notify.send({ touser: 'o3', template: 'overdue_reminder', data: { company: '甲' } })
    expect(l.error).toHaveBeenCalledWith('notify_failed', expect.objectContaining({ errCode: 47003 }))
  })
})
