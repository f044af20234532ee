import { startCloudEmulator, type CloudTestEmulator } from '../helpers/cloud'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * Rule 22 in the cloud: a check-in's notice and a result's message reach the company's bound
 * user through the real wx-server-sdk's `openapi.subscribeMessage.send`, with the template id
 * and field names the deploy puts in the functions' environment (docs/deploy.md §12). The
 * local cloud records each send (emulator/cloud-wire/openapi.ts).
 */

const town = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.townCompany)!
const ENV = {
  TEMPLATE_CHECKIN_NOTICE: 'tpl-checkin-notice',
  TEMPLATE_CHECKIN_NOTICE_FIELDS: 'department=thing1,officers=thing2,time=time3',
  TEMPLATE_RESULT_NOTICE: 'tpl-result-notice',
}

let emu: CloudTestEmulator
const sent = async (templateId: string) =>
  (await emu.emulator.db.collection('outbox').where({ template: templateId }).get()).data as Array<{
    touser: string
    page: string
    data: Record<string, { value: string }>
  }>

beforeAll(async () => {
  emu = await startCloudEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z', env: ENV })
}, 120_000)
afterAll(() => emu?.close())

test('the check-in notice and the result go out as subscription messages with the configured templates', async () => {
  const location = { ...town.location, accuracy: 10 }
  const opened = await emu.call(
    'inspection',
    'checkIn',
    { scene: `c=${town.id}`, clientRequestId: 'cloud-sub-0001', source: 'complaint', sourceRef: 'TS-2026-0101', location },
    'demo-officer-1',
  )
  expect(opened).toMatchObject({ ok: true })
  const notices = await sent('tpl-checkin-notice')
  expect(notices).toHaveLength(1)
  expect(notices[0].touser).toBe('demo-enterprise-2')
  expect(notices[0].page).toContain(opened.data.inspection.id)
  // Field names from TEMPLATE_CHECKIN_NOTICE_FIELDS, values shaped for WeChat's field types.
  expect(notices[0].data).toMatchObject({ thing1: { value: '赣州市市场监督管理局' }, thing2: { value: expect.stringContaining('张伟') } })
  expect(notices[0].data.time3.value).toMatch(/^2026年12月26日 10:00$/)

  expect(
    await emu.call(
      'inspection',
      'checkIn',
      { scene: `c=${town.id}`, clientRequestId: 'cloud-sub-0002', source: 'complaint', sourceRef: 'TS-2026-0101', location },
      'demo-officer-2',
    ),
  ).toMatchObject({ ok: true })
  const result = await emu.call(
    'inspection',
    'recordResult',
    { inspectionId: opened.data.inspection.id, outcome: 'compliant', findings: '现场检查未发现问题' },
    'demo-officer-1',
  )
  expect(result).toMatchObject({ ok: true })
  const results = await sent('tpl-result-notice')
  expect(results.map((m) => m.touser)).toEqual(['demo-enterprise-2'])
})
