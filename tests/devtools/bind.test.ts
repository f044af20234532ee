import path from 'node:path'

/**
 * The bind journey in WeChat DevTools through miniprogram-automator, against the built
 * weapp package. Runs only where WeChat DevTools exists (WECHAT_DEVTOOLS_CLI set, and
 * `npm i -D miniprogram-automator`); the H5 suite in tests/e2e covers the same journey
 * in Chromium everywhere else.
 */
const cli = process.env.WECHAT_DEVTOOLS_CLI
const suite = process.env.WECHAT_DEVTOOLS_CLI ? describe : describe.skip
if (!cli) console.info('devtools suite skipped: set WECHAT_DEVTOOLS_CLI to the WeChat DevTools cli path to run it')

suite('bind in WeChat DevTools', () => {
  jest.setTimeout(180_000)
  let miniProgram: any

  beforeAll(async () => {
    const automator = require('miniprogram-automator')
    miniProgram = await automator.launch({ cliPath: cli, projectPath: path.resolve(__dirname, '../..') })
  })
  afterAll(async () => miniProgram?.close())

  test('an unbound user opens bind-officer from home and sees a refusal for a wrong code', async () => {
    const home = await miniProgram.reLaunch('/pages/home/index')
    await home.waitFor('#btn-bind-officer')
    await (await home.$('#btn-bind-officer')).tap()
    const bind = await miniProgram.currentPage()
    expect(bind.path).toBe('pages/bind-officer/index')
    await (await bind.$('#input-certNo')).input('36070000003')
    await (await bind.$('#input-name')).input('王芳')
    await (await bind.$('#input-code')).input('WRONG123')
    await (await bind.$('#btn-submit')).tap()
    await bind.waitFor('#error')
    expect(await (await bind.$('#error')).text()).toMatch(/不正确|无效/)
  })
})
