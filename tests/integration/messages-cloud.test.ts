import { TEST_KEYS } from '../helpers/keys'
import { registry } from '@server/functions'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import { cloudNotifier, type WxCloud } from '@server/platform/cloud'
import type { Platform } from '@server/platform/context'
import type { Database } from '@server/platform/db'
import { openDatabase } from '../../emulator/db'
import { buildDemoRoster, seedDemo } from '../../emulator/seed/demo'
import { DEMO_IDS } from '../../emulator/seed/demo-roster'
import { inProcessPlatform } from '../helpers/platform'

/**
 * In WeChat cloud the same notices go out through `subscribeMessage.send` (the cloud
 * notifier the deployed entries use), with the template ids and field names of the
 * environment (docs/deploy.md §12): the check-in notice and the result to the company's
 * contact, with the data shaped for the template's fields. An unset template is skipped.
 */

const NOW = Date.parse('2026-12-26T10:00:00+08:00')
const town = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.townCompany)!
const ENV = {
  TEMPLATE_CHECKIN_NOTICE: 'tpl-checkin',
  TEMPLATE_CHECKIN_NOTICE_FIELDS: 'department=thing1,officers=thing2,purpose=thing3,time=time4',
  TEMPLATE_RESULT_NOTICE: 'tpl-result',
  TEMPLATE_RESULT_NOTICE_FIELDS: 'department=thing1,date=date2,outcome=phrase3,rectifyBy=date4',
}

let db: Database
const send = jest.fn().mockResolvedValue({ errCode: 0 })
const cloud = {
  database: () => ({}),
  getWXContext: () => ({ OPENID: '' }),
  uploadFile: jest.fn(),
  getTempFileURL: jest.fn(),
  openapi: { wxacode: { getUnlimited: jest.fn() }, subscribeMessage: { send } },
} satisfies WxCloud
const platform = (openid: string): Platform => {
  const base = inProcessPlatform(db, openid, NOW, ENV)
  return { ...base, notify: cloudNotifier(cloud, ENV, base.log) }
}
const run = (fn: 'inspection', openid: string, event: object) => dispatch(fn, registry[fn] as never, event, platform(openid)) as Promise<any>
/** A complaint-sourced check-in at the town company by `openid`, as request `clientRequestId`. */
const checkInAtTown = (openid: string, clientRequestId: string) =>
  run('inspection', openid, {
    action: 'checkIn',
    scene: `c=${town.id}`,
    clientRequestId,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: { ...town.location, accuracy: 10 },
  })

beforeAll(async () => {
  db = openDatabase(':memory:')
  await seedDemo(db as never, { now: NOW - 86_400_000, keys: TEST_KEYS, history: false })
  clearSettingsCache()
})

test('the check-in notice and the result reach the company contact through subscribeMessage.send, shaped for the template', async () => {
  const open = await checkInAtTown('demo-officer-1', 'cloud-msg-0001')
  expect(open).toMatchObject({ ok: true })
  const id = open.data.inspection.id
  expect(send).toHaveBeenCalledTimes(1)
  expect(send.mock.calls[0][0]).toEqual({
    touser: 'demo-enterprise-2',
    templateId: 'tpl-checkin',
    page: `enterprise/inspection/index?id=${id}`,
    data: {
      thing1: { value: '赣州市市场监督管理局' },
      thing2: { value: '张伟 36070000001' },
      thing3: { value: '投诉举报核查' },
      time4: { value: '2026年12月26日 10:00' },
    },
    miniprogramState: 'formal',
    lang: 'zh_CN',
  })

  await checkInAtTown('demo-officer-2', 'cloud-msg-0002')
  expect(send).toHaveBeenCalledTimes(1) // a join tells nobody again
  expect(
    await run('inspection', 'demo-officer-1', {
      action: 'recordResult',
      inspectionId: id,
      outcome: 'rectify',
      findings: '灭火器过期',
      rectifyBy: '2027-01-15',
    }),
  ).toMatchObject({ ok: true })
  expect(send).toHaveBeenCalledTimes(2)
  expect(send.mock.calls[1][0]).toMatchObject({
    touser: 'demo-enterprise-2',
    templateId: 'tpl-result',
    page: `enterprise/rate/index?inspectionId=${id}`,
    data: { thing1: { value: '赣州市市场监督管理局' }, date2: { value: '2026年12月26日' }, phrase3: { value: '责令整改' }, date4: { value: '2027年1月15日' } },
  })
})

test('a user who has not subscribed (43101) is skipped: the check-in still succeeds and the inbox keeps the notice', async () => {
  send.mockRejectedValueOnce(Object.assign(new Error('errCode: 43101 user refuse to accept the msg'), { errCode: 43101 }))
  const res = await checkInAtTown('demo-officer-3', 'cloud-msg-0003')
  expect(res).toMatchObject({ ok: true, data: { joined: false } })
  const stored = await db
    .collection('messages')
    .where({ ref: `inspections/${res.data.inspection.id}` })
    .get()
  expect(stored.data).toHaveLength(1)
})
