/** Supervisors see on the dashboard that the holiday calendar runs out, until the next year is entered in the settings (rule 10). */
import { clearSettingsCache } from '../../server/platform/dispatch'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

let emu: TestEmulator
const dashboard = async (openid: string) => emu.call('supervision', 'dashboard', { month: '2026-12' }, await emu.login(openid))

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-15T02:00:00Z' })
})
afterAll(async () => emu?.close())

it('warns supervisors (not department admins) in the dashboard answer while 2027 is unknown', async () => {
  const sup = await dashboard('demo-supervisor-city')
  expect(sup.ok).toBe(true)
  expect(sup.data.calendarWarning).toMatch(/2027年的放假日期和调休上班日期/)
  const admin = await dashboard('demo-deptadmin-1')
  expect(admin.ok).toBe(true)
  expect(admin.data.calendarWarning).toBeUndefined()
})

it('stops warning once the settings hold 2027', async () => {
  await emu.emulator.db
    .collection('system')
    .doc('settings')
    .set({ data: { calendar: { years: [{ year: 2027, holidays: ['2027-02-08'], workdays: [] }], warnDaysBefore: 60 } } })
  clearSettingsCache()
  const sup = await dashboard('demo-supervisor-city')
  expect(sup.ok).toBe(true)
  expect(sup.data.calendarWarning).toBeUndefined()
})
