import type { TestEmulator } from '../helpers/emulator'
import { closeAll, journeyDescribe, loginAs, openPage, openPhone, screenshot, see, startApp, tap, visible, type Phone } from './helpers'

/** 大字模式 (适老化): one tap from home enlarges every page, and the choice stays on the phone. */

const d = journeyDescribe('large-text')
jest.setTimeout(90_000)

d('large-text mode', () => {
  let app: TestEmulator
  let phone: Phone
  beforeAll(async () => {
    app = await startApp({ clock: '2026-12-12T02:00:00Z' })
    phone = await openPhone()
    await loginAs(phone, app, 'demo-enterprise-2')
  })
  afterAll(() => closeAll(phone, app))

  const fontSizeOf = (selector: string) =>
    phone.page
      .locator(visible(selector))
      .first()
      .evaluate((el) => el.getBoundingClientRect().height)

  it('one tap on home makes the text larger there and on the next page, and a second tap restores it', async () => {
    await see(phone, '#page-home')
    const before = await fontSizeOf('.page-head__title')
    await tap(phone, '#btn-large-text')
    await see(phone, '.page--large')
    expect(await fontSizeOf('.page-head__title')).toBeGreaterThan(before * 1.15)
    await screenshot(phone, 'home-large-text')
    // Another page, opened fresh: still large.
    await openPage(phone, app, '/enterprise/inspections/index')
    await see(phone, '.page--large')
    await openPage(phone, app, '/pages/home/index')
    await tap(phone, '#btn-large-text')
    await see(phone, '#page-home')
    expect(await phone.page.locator(visible('.page--large')).count()).toBe(0)
  })
})
