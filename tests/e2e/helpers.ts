/**
 * Shared pieces of the browser tests: the emulator serving the H5 build in this process,
 * a headless Chromium per person, dev-mode sign-in, tap counting and screenshots.
 * Nothing here knows about a particular journey.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

export const ROOT = path.resolve(__dirname, '../..')
export const H5_DIR = path.join(ROOT, 'dist/h5')
export const SCREENSHOT_DIR = path.join(ROOT, 'docs/screenshots')
/** Where the H5 app keeps the emulator session token (src/services/session.ts). */
export const TOKEN_KEY = 'ip.devToken'
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Why the e2e suite cannot run here, or null when it can (an H5 build and Chromium exist). */
export function e2eUnavailable(): string | null {
  const missing = !existsSync(path.join(H5_DIR, 'index.html'))
    ? `no H5 build in ${H5_DIR}: run \`npm run build:h5\` first`
    : !existsSync(CHROMIUM)
      ? `no Chromium at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM_PATH)`
      : null
  // A journey skipped in CI would pass without testing anything: there, missing is a failure.
  if (missing && process.env.CI) throw new Error(`end-to-end tests cannot run in CI: ${missing}`)
  return missing
}

/** `describe` for a journey, or `describe.skip` with a warning saying why when the suite cannot run here. */
export function journeyDescribe(name: string): jest.Describe {
  const unavailable = e2eUnavailable()
  if (unavailable) console.warn(`${name} e2e skipped: ${unavailable}`)
  return unavailable ? describe.skip : describe
}

/** Closes what a journey opened (phones, then the app), skipping what a failed start left undefined. */
export async function closeAll(...opened: Array<{ close(): Promise<void> } | undefined>): Promise<void> {
  for (const o of opened) await o?.close()
}

/** The emulator with the demo data (or none), serving the H5 build at its base URL. */
export async function startApp(opts: { seed?: 'demo' | 'none'; clock?: string } = {}): Promise<TestEmulator> {
  return startTestEmulator({ seed: opts.seed ?? 'demo', clock: opts.clock, staticDir: H5_DIR })
}

export interface Phone {
  context: BrowserContext
  page: Page
  /** Taps made through `tap()` since the last `resetTaps()`. */
  taps: number
  resetTaps(): void
  close(): Promise<void>
}

/**
 * A phone: a fresh Chromium profile at 375×812 (iPhone X size in CSS px), Chinese locale.
 * `geolocation` grants the location permission at that position; without it the page is
 * refused the position, as when an officer denies it.
 */
export async function openPhone(opts: { geolocation?: { latitude: number; longitude: number; accuracy?: number } } = {}): Promise<Phone> {
  const dir = mkdtempSync(path.join(tmpdir(), 'ip-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 375, height: 812 },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    ...(opts.geolocation ? { geolocation: opts.geolocation, permissions: ['geolocation'] } : {}),
  })
  const page = context.pages()[0] ?? (await context.newPage())
  page.setDefaultTimeout(15_000)
  const phone: Phone = {
    context,
    page,
    taps: 0,
    resetTaps() {
      phone.taps = 0
    },
    async close() {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
  return phone
}

/** A GPS fix at a company's registered location (for `openPhone({ geolocation })`). */
export const atGate = (company: { location: { lat: number; lng: number } }, accuracy = 20) => ({
  latitude: company.location.lat,
  longitude: company.location.lng,
  accuracy,
})

/** Emulator sessions of demo identities, in the order asked (for driving their side through the API). */
export async function logins(app: TestEmulator, ...openids: string[]): Promise<string[]> {
  const tokens: string[] = []
  for (const openid of openids) tokens.push(await app.login(openid))
  return tokens
}

/**
 * Signs the phone in as a demo identity: a dev-mode token stored the way Taro H5's
 * setStorageSync stores it (`localStorage[key] = JSON.stringify({ data })`), then home.
 */
export async function loginAs(phone: Phone, app: TestEmulator, openid: string): Promise<void> {
  const token = await app.login(openid)
  if (!token) throw new Error(`dev login failed for ${openid}`)
  await phone.page.goto(`${app.baseUrl}/`)
  await phone.page.evaluate(([key, value]) => localStorage.setItem(key, JSON.stringify({ data: value })), [TOKEN_KEY, token] as const)
  await openPage(phone, app, '/pages/home/index')
}

/** Opens a page of the H5 app by its route (hash router), as a fresh load. */
export async function openPage(phone: Phone, app: TestEmulator, route: string): Promise<void> {
  await phone.page.goto('about:blank')
  await phone.page.goto(`${app.baseUrl}/#${route.startsWith('/') ? route : '/' + route}`)
}

/** Taro H5 keeps earlier pages in the DOM, hidden: only the visible match counts. */
export const visible = (selector: string) => `${selector} >> visible=true`

/** Waits for an element to be shown. */
export async function see(phone: Phone, selector: string): Promise<void> {
  await phone.page.locator(visible(selector)).first().waitFor({ state: 'visible' })
}

/** Waits until the visible page shows `text` somewhere. */
export async function seeText(phone: Phone, text: string | RegExp): Promise<void> {
  await phone.page.getByText(text).locator('visible=true').first().waitFor({ state: 'visible' })
}

/** The visible text of an element. */
export async function textOf(phone: Phone, selector: string): Promise<string> {
  return (await phone.page.locator(visible(selector)).first().innerText()).trim()
}

/** A user's tap on a visible element, counted. */
export async function tap(phone: Phone, selector: string): Promise<void> {
  const el = phone.page.locator(visible(selector)).first()
  await el.waitFor({ state: 'visible' })
  await el.click()
  phone.taps += 1
}

/** Types into a Taro `<Input>` or `<Textarea>` by its id (the real field is its child in H5). */
export async function fill(phone: Phone, id: string, value: string): Promise<void> {
  const field = phone.page.locator(visible(`#${id} input, #${id} textarea`)).first()
  await field.waitFor({ state: 'visible' })
  await field.fill(value)
}

/** Writes docs/screenshots/<name>.png when SCREENSHOTS=1 (after fonts and images settle). */
export async function screenshot(phone: Phone, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  await phone.page.evaluate(() => document.fonts?.ready)
  await phone.page.waitForTimeout(400)
  await phone.page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) })
}

/** Taps the confirm button of the confirmation dialog an irreversible step opens (Taro H5's showModal). */
export async function confirmDialog(phone: Phone): Promise<void> {
  const ok = phone.page.locator('.taro-modal__foot .taro-model__btn:last-child >> visible=true').first()
  await ok.waitFor({ state: 'visible' })
  await ok.click()
}

/** The open picker (Taro H5 keeps every picker's overlay in the DOM, hidden). */
const openPicker = (phone: Phone) => phone.page.locator(visible('.weui-picker')).first()

/** What the open picker's columns offer now, as shown (a date picker: `['2026年', …]`, `['12月']`, `['28日', …]`). */
export async function pickerColumns(phone: Phone): Promise<string[][]> {
  const picker = openPicker(phone)
  await picker.waitFor({ state: 'visible' })
  return picker
    .locator('.weui-picker__group')
    .evaluateAll((groups) => groups.map((g) => Array.from(g.querySelectorAll('.weui-picker__item')).map((i) => (i.textContent ?? '').trim())))
}

/** The open picker's column `column`, once the sheet has finished sliding up: where it points (its item index) and how to drag it. */
async function pickerColumn(phone: Phone, column: number) {
  await openPicker(phone).waitFor({ state: 'visible' })
  await phone.page.waitForTimeout(400)
  const group = openPicker(phone).locator('.weui-picker__group').nth(column)
  const content = group.locator('.weui-picker__content')
  const box = (await group.boundingBox())!
  return {
    items: async () => (await group.locator('.weui-picker__item').allInnerTexts()).map((t) => t.trim()),
    // The column's offset puts its chosen item on the indicator, 102 px down, each item 34 px high (Taro's picker-group);
    // read where the column is going (its style), not where its 0.3 s transition has got to.
    at: async () => Math.round((102 - (await content.evaluate((el) => new DOMMatrix((el as HTMLElement).style.transform).m42))) / 34),
    /** One stroke of the thumb: `rows` items on (negative: back), at most three (the drag ends when the pointer leaves the column). */
    drag: async (rows: number) => {
      const x = box.x + box.width / 2
      const y = box.y + box.height / 2
      await phone.page.mouse.move(x, y)
      await phone.page.mouse.down()
      // One move event: the column adds each move to where it was last drawn.
      await phone.page.mouse.move(x, y - Math.max(-3, Math.min(3, rows)) * 34)
      await phone.page.mouse.up()
      await phone.page.waitForTimeout(350)
    },
  }
}

/** Drags column `column` of the open picker `rows` items on (negative: back), as a thumb does. */
export async function dragPickerColumn(phone: Phone, column: number, rows: number): Promise<void> {
  await (await pickerColumn(phone, column)).drag(rows)
}

/** Turns column `column` of the open picker to the item reading `text` by dragging it; false when the column does not offer it. */
export async function turnPickerColumn(phone: Phone, column: number, text: string): Promise<boolean> {
  const col = await pickerColumn(phone, column)
  const wanted = (await col.items()).indexOf(text)
  if (wanted < 0) return false
  for (let at = await col.at(), strokes = 0; at !== wanted; at = await col.at(), strokes++) {
    if (strokes > 80) throw new Error(`the picker's column ${column} does not turn to ${text}`)
    await col.drag(wanted - at)
  }
  return true
}

/** Opens the date picker at `#id`, turns it to `date` (YYYY-MM-DD) and confirms; throws when the picker does not offer that date. */
export async function pickDate(phone: Phone, id: string, date: string): Promise<void> {
  await tap(phone, `#${id}`)
  const [y, m, d] = date.split('-')
  const wanted = [`${y}年`, `${m}月`, `${d}日`]
  for (let column = 0; column < 3; column++) {
    if (!(await turnPickerColumn(phone, column, wanted[column]))) throw new Error(`the picker #${id} does not offer ${wanted[column]} (${date})`)
  }
  await confirmPicker(phone)
}

/** Taps 确定 on the open picker. */
export async function confirmPicker(phone: Phone): Promise<void> {
  await openPicker(phone).locator('.weui-picker__action').last().click()
  await openPicker(phone).waitFor({ state: 'hidden' })
}
