import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import { demoWeapp } from './standin/session'

/**
 * The officer at the gate, on the weapp build (WeChat stand-in) against the emulator: on
 * 12 December (quiet production period) officer A taps 扫码入企, WeChat's scanner reads a
 * park company's gate code, the preview shows the quiet-period verdict, the check-in is
 * refused, A picks a special case and checks in. Officer B, whose phone refuses the
 * location, opens the same gate code and joins with one tap.
 */

const CLOCK = '2026-12-12T02:00:00Z'
const PARK = buildDemoRoster().companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
/** What WeChat's scanner answers for a mini-program code: its page path, the scene encoded. */
const gateCode = (companyId: string) => ({ path: `officer/preview/index?scene=${encodeURIComponent(`c=${companyId}`)}` })

const { emulator, launch } = demoWeapp(CLOCK)

test('A scans a park company in the quiet period, is refused, picks a special case and checks in', async () => {
  const a = await launch({
    openid: 'demo-officer-1',
    location: { latitude: PARK.location.lat, longitude: PARK.location.lng, accuracy: 25 },
  })
  a.fakes.scans.push(gateCode(PARK.id))
  await a.tap({ id: 'tile-scan' })
  // The scan page opens WeChat's scanner at once; the code leads to the preview.
  await a.waitForRoute('officer/preview/index')
  expect(a.stack.map((p) => p.route)).toEqual(['pages/home/index', 'officer/scan/index', 'officer/preview/index'])
  expect(a.page.options.scene).toBe(encodeURIComponent(`c=${PARK.id}`))

  await a.see({ id: 'company-name' })
  expect(a.find({ id: 'company-name' }) && a.text()).toContain(PARK.name)
  await a.see({ text: /安静生产期：园区企业本月1–25日无特殊情形不得入企（至12月25日）/ })
  await a.see({ text: /已获取（精度约 25 米）/ })
  await a.see({ id: 'exception-picker' })

  await a.tap({ id: 'btn-checkin' })
  const error = await a.see({ id: 'error' })
  expect(JSON.stringify(error)).toMatch(/安静生产期/)
  expect(a.fakes.calls).toContain('inspection.checkIn')

  await a.tap({ id: 'exception-emergency' })
  await a.tap({ id: 'btn-checkin' })
  await a.see({ id: 'checkin-done' })
  await a.see({ text: '已登记入企检查' })
  await a.see({ text: '等待同部门执法人员扫码加入' })
  await a.see({ text: '安静生产期例外入企' })
  expect(a.fakes.calls.filter((c) => c === 'inspection.checkIn')).toHaveLength(2)
})

test('B of the same department opens the gate code without a location and joins with one tap', async () => {
  const b = await launch({ openid: 'demo-officer-2', url: gateCode(PARK.id).path, location: null })
  await b.see({ id: 'open-inspection' })
  await b.see({ text: /本部门张伟正在检查该企业/ })
  await b.see({ text: '未获取到定位' })
  await b.see({ id: 'location-fallback' })
  await b.tap({ id: 'btn-checkin' })
  await b.see({ id: 'checkin-done' })
  await b.see({ text: '已加入检查' })
  await b.see({ text: '张伟、李娜（2人）' })
})

test('the inspection both officers see in the cloud is the one the pages made', async () => {
  const token = await emulator().login('demo-officer-1')
  const open = await emulator().call('inspection', 'list', { status: 'open' }, token)
  const ours = open.data.items.filter((i: { companyId: string; checkInAt: number }) => i.companyId === PARK.id && i.checkInAt >= Date.parse(CLOCK))
  expect(ours).toHaveLength(1)
  expect(ours[0].officerIds).toEqual([DEMO_IDS.officer1, DEMO_IDS.officer2])
  expect(ours[0].flags).toContain('quiet_exception')
  expect(ours[0].exception).toMatchObject({ category: 'emergency', review: 'pending' })
})
