import { mkdtempSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { DEMO_BIND_CODES } from '../../emulator/seed/demo'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

/** A newcomer binds their WeChat identity as an officer, then as a company, in the H5 build. */

const ROOT = path.resolve(__dirname, '../..')
const SHOTS = process.env.SCREENSHOTS === '1'
jest.setTimeout(90_000)

let emu: TestEmulator
let browser: BrowserContext

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-10T02:00:00Z', staticDir: path.join(ROOT, 'dist', 'h5') })
  browser = await chromium.launchPersistentContext(mkdtempSync(path.join(tmpdir(), 'ip-chromium-')), {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  })
})

afterAll(async () => {
  await browser?.close()
  await emu?.close()
})

/** Opens the app as a fresh WeChat identity (a new openid with an emulator session). */
async function openAs(openid: string): Promise<Page> {
  const token = await emu.login(openid)
  const page = await browser.newPage()
  await page.goto(emu.baseUrl + '/')
  // Taro H5 storage keeps `{ data }` as JSON under the key.
  await page.evaluate((t) => localStorage.setItem('ip.devToken', JSON.stringify({ data: t })), token)
  await page.goto(emu.baseUrl + '/#/pages/home/index')
  await page.reload()
  return page
}

async function shot(page: Page, name: string) {
  if (!SHOTS) return
  mkdirSync(path.join(ROOT, 'docs', 'screenshots'), { recursive: true })
  await page.waitForTimeout(400)
  await page.screenshot({ path: path.join(ROOT, 'docs', 'screenshots', `${name}.png`) })
}

test('an unbound visitor sees the quiet-period banner and binds as an officer', async () => {
  const page = await openAs('e2e-new-officer')
  await page.locator('#quiet-banner:visible').waitFor()
  await expect(page.locator('#quiet-banner:visible').innerText()).resolves.toContain('安静生产期')
  await shot(page, 'home-unbound')

  await page.locator('#btn-bind-officer:visible').click()
  await page.locator('#page-bind-officer:visible').waitFor()
  const officer = DEMO_BIND_CODES.officers[0]

  // A wrong code is refused with a message a person can act on; nothing is bound.
  await page.locator('#input-certNo:visible input').fill(officer.certNo)
  await page.locator('#input-name:visible input').fill(officer.name)
  await page.locator('#input-code:visible input').fill('WRONG123')
  await page.locator('#btn-submit:visible').click()
  await page.locator('#error:visible').waitFor()
  expect(await page.locator('#error:visible').innerText()).toMatch(/绑定|无效|不符/)
  await shot(page, 'bind-officer')

  await page.locator('#input-code:visible input').fill(officer.code)
  await page.locator('#btn-submit:visible').click()
  await page.locator('#bind-success:visible').waitFor()

  const token = await emu.login('e2e-new-officer')
  const who = await emu.call('account', 'whoami', {}, token)
  expect(who.data.user.roles).toContain('officer')
  expect(who.data.user.name).toBe(officer.name)

  // Back home, the officer's tiles are there.
  await page.locator('#tile-scan:visible').waitFor({ timeout: 10_000 })
  await page.close()
})

test('a company contact binds with the USCC and the code; a used code cannot bind twice', async () => {
  const page = await openAs('e2e-new-company')
  await page.locator('#btn-bind-company:visible').click()
  await page.locator('#page-bind-company:visible').waitFor()
  const company = DEMO_BIND_CODES.companies[0]
  await page.locator('#input-uscc:visible input').fill(company.uscc)
  await page.locator('#input-code:visible input').fill(company.code)
  await shot(page, 'bind-company')
  await page.locator('#btn-submit:visible').click()
  await page.locator('#bind-success:visible').waitFor()
  await page.locator('#tile-verify-officer:visible').waitFor({ timeout: 10_000 })
  await shot(page, 'home-enterprise')

  // Somebody else tries the same, now used, code.
  const other = await emu.login('e2e-code-thief')
  const reuse = await emu.call('account', 'bindEnterprise', { uscc: company.uscc, code: company.code }, other)
  expect(reuse.ok).toBe(false)
  expect(reuse.error?.code).toBe('FORBIDDEN')
  await page.close()
})
