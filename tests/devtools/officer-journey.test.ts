import path from 'node:path'

/**
 * The officer journey in WeChat DevTools through miniprogram-automator, against the built
 * weapp package (`npm run build:weapp`) and the cloud environment selected in DevTools.
 * Runs only where WeChat DevTools exists: WECHAT_DEVTOOLS_CLI set, miniprogram-automator
 * installed (`npm i -D miniprogram-automator`, kept out of the default install), the
 * DevTools user bound as an officer of a department, and today inside the quiet period
 * (days 1–25). The camera and GPS are mocked (wx.scanCode, wx.getLocation).
 *
 * The second officer's join needs a second WeChat identity, which one DevTools session
 * cannot be: set WECHAT_DEVTOOLS_JOINED=1 once a colleague has scanned the same company
 * (on a phone) to run the record-result and rating-code steps; otherwise the test checks
 * that recording is refused with NEED_TWO_OFFICERS. The H5 suite (tests/e2e) runs the
 * whole two-officer journey in Chromium everywhere else.
 */
const cli = process.env.WECHAT_DEVTOOLS_CLI
/** The gate code's scene of a park company in the cloud environment's data. */
const scene = process.env.WECHAT_DEVTOOLS_PARK_SCENE ?? 'c=co_0001'
const suite = cli ? describe : describe.skip
if (!cli) console.info('devtools officer journey skipped: set WECHAT_DEVTOOLS_CLI to the WeChat DevTools cli path to run it')

/** miniprogram-automator is optional: required only when the suite runs, so this file compiles without it. */
function loadAutomator(): any {
  try {
    return require('miniprogram-automator')
  } catch {
    throw new Error('miniprogram-automator is not installed: npm i -D miniprogram-automator')
  }
}

suite('officer journey in WeChat DevTools', () => {
  jest.setTimeout(240_000)
  let miniProgram: any

  beforeAll(async () => {
    miniProgram = await loadAutomator().launch({ cliPath: cli, projectPath: path.resolve(__dirname, '../..') })
    await miniProgram.mockWxMethod('scanCode', {
      errMsg: 'scanCode:ok',
      scanType: 'WX_CODE',
      result: '',
      path: `officer/preview/index?scene=${encodeURIComponent(scene)}`,
    })
    await miniProgram.mockWxMethod('getLocation', { errMsg: 'getLocation:ok', latitude: 25.83, longitude: 114.93, accuracy: 30 })
  })
  afterAll(async () => miniProgram?.close())

  test('scan, quiet-period refusal, special case, check in in 2 taps, then record and rating code', async () => {
    const home = await miniProgram.reLaunch('/pages/home/index')
    await home.waitFor('#tile-scan')
    await (await home.$('#tile-scan')).tap()
    // The scan page opens the (mocked) camera by itself and goes on to the preview.
    await miniProgram.waitFor(async () => (await miniProgram.currentPage()).path === 'officer/preview/index')
    const preview = await miniProgram.currentPage()
    await preview.waitFor('#btn-checkin')
    expect(await (await preview.$('#verdict')).text()).toMatch(/安静生产期/)

    let taps = 0
    await (await preview.$('#btn-checkin')).tap()
    taps++
    await preview.waitFor('#error')
    expect(await (await preview.$('#error')).text()).toMatch(/安静生产期/)
    const afterRefusal = taps
    await (await preview.$('#exception-emergency')).tap()
    taps++
    await (await preview.$('#btn-checkin')).tap()
    taps++
    await preview.waitFor('#checkin-done')
    expect(taps - afterRefusal).toBeLessThanOrEqual(2)
    expect(await (await preview.$('#checkin-done')).text()).toMatch(/安静生产期例外入企/)

    await (await preview.$('#btn-to-record')).tap()
    await miniProgram.waitFor(async () => (await miniProgram.currentPage()).path === 'officer/record-result/index')
    const record = await miniProgram.currentPage()
    await (await record.$('#outcome-compliant')).tap()
    await (await record.$('#input-findings')).input('检查安全生产台账与消防设施，未发现问题。')
    await (await record.$('#btn-record')).tap()
    if (process.env.WECHAT_DEVTOOLS_JOINED === '1') {
      await miniProgram.waitFor(async () => (await miniProgram.currentPage()).path === 'officer/rating-code/index')
      const rating = await miniProgram.currentPage()
      await rating.waitFor('#rating-qr')
      expect(await (await rating.$('#rating-title')).text()).toBe('请企业负责人扫码评价')
    } else {
      await record.waitFor('#need-two')
      expect(await (await record.$('#error')).text()).toMatch(/两/)
    }
  })
})
