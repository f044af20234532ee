import path from 'node:path'
import ExcelJS from 'exceljs'

/**
 * The company's journeys in WeChat DevTools through miniprogram-automator, against the
 * built weapp package (`npm run build:weapp`) and the cloud environment selected in
 * DevTools. Runs only where WeChat DevTools exists: WECHAT_DEVTOOLS_CLI set,
 * miniprogram-automator installed (`npm i -D miniprogram-automator`, kept out of the
 * default install), and the DevTools user bound as the contact of a monitoring-point
 * company. The camera is mocked (wx.scanCode) and so is the document viewer.
 *
 * One DevTools session is one WeChat identity, so the officers' side comes from a phone:
 * WECHAT_DEVTOOLS_CARD_TOKEN = a certificate card token shown within the last 5 minutes,
 * WECHAT_DEVTOOLS_RATING_TOKEN = an unused rating token of an inspection of this company.
 * Without them the verify and rate steps check the refusal of a forged code instead.
 * The H5 suite (tests/e2e/enterprise-journey.test.ts) runs every journey end to end.
 */
const cli = process.env.WECHAT_DEVTOOLS_CLI
const suite = process.env.WECHAT_DEVTOOLS_CLI ? describe : describe.skip
if (!cli) console.info('devtools enterprise journey skipped: set WECHAT_DEVTOOLS_CLI to the WeChat DevTools cli path to run it')

const CARD_TOKEN = process.env.WECHAT_DEVTOOLS_CARD_TOKEN
const RATING_TOKEN = process.env.WECHAT_DEVTOOLS_RATING_TOKEN
/** Well-formed but unsigned: the server must refuse it as TOKEN_INVALID. */
const FORGED = { card: 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA', rating: 'r.AAAAAAAAAA.AAAAAAAAAAAAAAAA' }

suite('enterprise journey in WeChat DevTools', () => {
  jest.setTimeout(240_000)
  let miniProgram: any

  /** Calls the enterprise cloud function as the DevTools user, from inside the mini-program. */
  const cloud = (action: string, fields: object = {}): Promise<any> =>
    miniProgram.evaluate(
      (a: string, f: object) =>
        new Promise((resolve) =>
          (globalThis as any).wx.cloud.callFunction({
            name: 'enterprise',
            data: { ...f, action: a },
            success: (r: any) => resolve(r.result),
            fail: (e: any) => resolve({ ok: false, error: e }),
          }),
        ),
      action,
      fields,
    )
  const pageAt = async (route: string) => {
    await miniProgram.waitFor(async () => (await miniProgram.currentPage()).path === route)
    return miniProgram.currentPage()
  }

  beforeAll(async () => {
    let automator: any
    try {
      automator = require('miniprogram-automator')
    } catch {
      throw new Error('miniprogram-automator is not installed: npm i -D miniprogram-automator')
    }
    miniProgram = await automator.launch({ cliPath: cli, projectPath: path.resolve(__dirname, '../..') })
    await miniProgram.mockWxMethod('openDocument', { errMsg: 'openDocument:ok' })
  })
  afterAll(async () => miniProgram?.close())

  test('verifies the officer by scanning the certificate card with the camera', async () => {
    const token = CARD_TOKEN ?? FORGED.card
    await miniProgram.mockWxMethod('scanCode', {
      errMsg: 'scanCode:ok',
      scanType: 'WX_CODE',
      result: '',
      path: `enterprise/verify-officer/index?scene=${encodeURIComponent(token)}`,
    })
    const home = await miniProgram.reLaunch('/pages/home/index')
    await home.waitFor('#tile-verify-officer')
    await (await home.$('#tile-verify-officer')).tap()
    const page = await pageAt('enterprise/verify-officer/index')
    await page.waitFor('#btn-scan')
    await (await page.$('#btn-scan')).tap()
    await page.waitFor('#verify-result')
    const title = await (await page.$('#verify-title')).text()
    if (CARD_TOKEN) expect(title).toMatch(/^执法证有效$|^执法证无效：(已暂扣|已吊销|已过期)$|^二维码已过期，请执法人员刷新亮证码$/)
    else expect(title).toBe('无法识别的亮证码')
  })

  test('rates the inspection opened by the rating code', async () => {
    const page = await miniProgram.reLaunch(`/enterprise/rate/index?scene=${encodeURIComponent(RATING_TOKEN ?? FORGED.rating)}`)
    if (!RATING_TOKEN) {
      await page.waitFor('#rate-stopped')
      expect(await (await page.$('#rate-stopped-title')).text()).toBe('无法识别的评价码')
      return
    }
    await page.waitFor('#rating-summary')
    await (await page.$('#score-4')).tap()
    await (await page.$('#tag-1')).tap()
    await (await page.$('#btn-rate')).tap()
    await page.waitFor('#rate-done')
    const list = await cloud('inspections')
    expect(list.data.items.some((i: any) => i.rating.state === 'rated' && i.rating.score === 4)).toBe(true)
  })

  test('files an anonymous complaint and sees it with its timeline', async () => {
    const page = await miniProgram.reLaunch('/enterprise/complain/index')
    await page.waitFor('#category-picker')
    await (await page.$('#category-repeated_inspection')).tap()
    await (await page.$('#input-content')).input('同一事项本月已被检查两次，请核查是否重复检查。')
    await (await page.$('#switch-anonymous')).tap()
    await (await page.$('#btn-complain')).tap()
    await page.waitFor('#complain-done')
    expect(await (await page.$('#complain-done')).text()).toMatch(/15个工作日内答复，截止\d+月\d+日/)
    await (await page.$('#btn-my-complaints')).tap()
    const list = await pageAt('enterprise/complaints/index')
    await list.waitFor('.complaint-item')
    expect(await (await list.$('.complaint-item')).text()).toMatch(/重复检查[\s\S]*匿名/)
  })

  test("lists the company's inspections with their rating state", async () => {
    const page = await miniProgram.reLaunch('/enterprise/inspections/index')
    await page.waitFor(async () => (await page.$$('.inspection-item')).length > 0 || (await page.$('#inspections-empty')) !== null)
    for (const item of await page.$$('.inspection-item')) expect(await item.text()).toMatch(/待评价|已评价|检查中|结果逾期/)
  })

  test('adds an unscanned visit to the ledger and exports exactly the ledger', async () => {
    const before = await cloud('ledger')
    expect(before.ok).toBe(true)
    const page = await miniProgram.reLaunch('/enterprise/ledger/index')
    await page.waitFor('#chain-status')
    expect(await (await page.$('#chain-status-title')).text()).toBe('台账完整性校验通过')
    await (await page.$('#btn-add-entry')).tap()
    await page.waitFor('#entry-form')
    await (await page.$('#btn-dept-manual')).tap()
    await page.waitFor('#input-dept-name')
    await (await page.$('#input-dept-name')).input('赣州市城市管理局')
    await (await page.$('#input-officers')).input('赵军、钱磊')
    await (await page.$('#input-purpose')).input('市容环境卫生检查')
    await (await page.$('#btn-save-entry')).tap()
    await page.waitFor('#entry-saved')
    expect(await (await page.$('#entry-saved')).text()).toMatch('未扫码')

    await (await page.$('#btn-export')).tap()
    const after = await cloud('ledger')
    expect(after.data.items).toHaveLength(before.data.items.length + 1)
    const dates = after.data.items.map((e: any) => e.date).sort()
    const file = await cloud('exportLedger', { from: dates[0], to: dates[dates.length - 1] })
    const url: string =
      file.data.url ??
      (await miniProgram.evaluate(
        (id: string) => new Promise((r) => (globalThis as any).wx.cloud.getTempFileURL({ fileList: [id], success: (x: any) => r(x.fileList[0].tempFileURL) })),
        file.data.fileID,
      ))
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await (await fetch(url)).arrayBuffer()) as any)
    const seqs: number[] = []
    for (const sheet of wb.worksheets) sheet.eachRow((row, n) => n > 1 && seqs.push(Number(row.getCell(9).value)))
    expect(seqs.sort((a, b) => a - b)).toEqual(after.data.items.map((e: any) => e.seq).sort((a: number, b: number) => a - b))
  })
})
