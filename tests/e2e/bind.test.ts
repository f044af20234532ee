import { DEMO_BIND_CODES } from '../../emulator/seed/demo'
import type { TestEmulator } from '../helpers/emulator'
import { closeAll, journeyDescribe, loginAs, openPhone, screenshot, see, startApp, tap, textOf, type Phone } from './helpers'

/** A newcomer binds their WeChat identity as an officer, then as a company, in the H5 build. */

const d = journeyDescribe('bind')

d('binding (H5)', () => {
  jest.setTimeout(90_000)
  let app: TestEmulator
  let phone: Phone | undefined

  beforeAll(async () => {
    app = await startApp({ seed: 'demo', clock: '2026-12-10T02:00:00Z' })
  })
  afterEach(async () => {
    await closeAll(phone)
    phone = undefined
  })
  afterAll(() => closeAll(app))

  /** A phone signed in as a fresh WeChat identity (a new openid with an emulator session). */
  async function openAs(openid: string): Promise<Phone> {
    phone = await openPhone()
    await loginAs(phone, app, openid)
    return phone
  }

  it('an unbound visitor sees the quiet-period banner and binds as an officer', async () => {
    const p = await openAs('e2e-new-officer')
    await see(p, '#quiet-banner')
    expect(await textOf(p, '#quiet-banner')).toContain('安静生产期')
    await screenshot(p, 'home-unbound')

    await tap(p, '#btn-bind-officer')
    await see(p, '#page-bind-officer')
    const officer = DEMO_BIND_CODES.officers[0]

    // A wrong code is refused with a message a person can act on; nothing is bound.
    await p.page.locator('#input-certNo:visible input').fill(officer.certNo)
    await p.page.locator('#input-name:visible input').fill(officer.name)
    await p.page.locator('#input-code:visible input').fill('WRONG123')
    await tap(p, '#btn-submit')
    await see(p, '#error')
    expect(await textOf(p, '#error')).toMatch(/绑定|无效|不符/)
    await screenshot(p, 'bind-officer')

    await p.page.locator('#input-code:visible input').fill(officer.code)
    await tap(p, '#btn-submit')
    await see(p, '#bind-success')

    const token = await app.login('e2e-new-officer')
    const who = await app.call('account', 'whoami', {}, token)
    expect(who.data.user.roles).toContain('officer')
    expect(who.data.user.name).toBe(officer.name)

    // Back home, the officer's tiles are there.
    await p.page.locator('#tile-scan:visible').waitFor({ timeout: 10_000 })
  })

  it('a company contact binds with the USCC and the code; a used code cannot bind twice', async () => {
    const p = await openAs('e2e-new-company')
    await tap(p, '#btn-bind-company')
    await see(p, '#page-bind-company')
    const company = DEMO_BIND_CODES.companies[0]
    await p.page.locator('#input-uscc:visible input').fill(company.uscc)
    await p.page.locator('#input-code:visible input').fill(company.code)
    await screenshot(p, 'bind-company')
    await tap(p, '#btn-submit')
    await see(p, '#bind-success')
    await p.page.locator('#tile-verify-officer:visible').waitFor({ timeout: 10_000 })
    await screenshot(p, 'home-enterprise')

    // Somebody else tries the same, now used, code.
    const other = await app.login('e2e-code-thief')
    const reuse = await app.call('account', 'bindEnterprise', { uscc: company.uscc, code: company.code }, other)
    expect(reuse.ok).toBe(false)
    expect(reuse.error?.code).toBe('FORBIDDEN')
  })
})
