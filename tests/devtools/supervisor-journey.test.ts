import path from 'node:path'

/**
 * The supervisor journey in WeChat DevTools through miniprogram-automator, against the built
 * weapp package (`npm run build:weapp`) and the cloud environment selected in DevTools.
 * Runs only where WeChat DevTools exists: WECHAT_DEVTOOLS_CLI set, miniprogram-automator
 * installed (`npm i -D miniprogram-automator`, kept out of the default install), and the
 * DevTools user bound as a city supervisor (grantRole supervisor, region 3607).
 *
 * One DevTools session is one WeChat identity, so the officers' check-in, the company's bad
 * rating and its complaint cannot be made here: the cloud environment must already hold a
 * pending quiet-period exception, a bad rating and an open complaint (the H5 suite in
 * tests/e2e/supervisor-journey.test.ts prepares them itself and runs the whole journey in
 * Chromium). The test reads the dashboard, handles what it finds, and checks that the
 * dashboard moved by exactly that.
 */
const cli = process.env.WECHAT_DEVTOOLS_CLI
const suite = process.env.WECHAT_DEVTOOLS_CLI ? describe : describe.skip
if (!cli) console.info('devtools supervisor journey skipped: set WECHAT_DEVTOOLS_CLI to the WeChat DevTools cli path to run it')

suite('supervisor journey in WeChat DevTools', () => {
  jest.setTimeout(240_000)
  let miniProgram: any

  /** miniprogram-automator is optional: required only when the suite runs, so this file compiles without it. */
  function loadAutomator(): any {
    try {
      return require('miniprogram-automator')
    } catch {
      throw new Error('miniprogram-automator is not installed: npm i -D miniprogram-automator')
    }
  }

  const figure = async (page: any, id: string): Promise<number> => Number(await (await page.$(`#${id}-value`)).text())
  const openDashboard = async () => {
    const page = await miniProgram.reLaunch('/supervisor/dashboard/index')
    await page.waitFor('#card-bad-ratings-value')
    return page
  }

  beforeAll(async () => {
    miniProgram = await loadAutomator().launch({ cliPath: cli, projectPath: path.resolve(__dirname, '../..') })
  })
  afterAll(async () => miniProgram?.close())

  test('alerts show a bad rating; a complaint is handled; an exception ruled unjustified; the dashboard follows', async () => {
    const board = await openDashboard()
    const before = {
      unjustified: await figure(board, 'card-exceptions-unjustified'),
      pending: await figure(board, 'card-exceptions-pending'),
      bad: await figure(board, 'card-bad-ratings'),
    }
    expect(await board.$('#dept-bars')).toBeTruthy()
    expect(await board.$('#trend')).toBeTruthy()

    // Alerts: newest first, a bad rating among them; one tap opens what to do.
    const alerts = await miniProgram.navigateTo('/supervisor/alerts/index')
    await alerts.waitFor('.alert-item')
    const bad = await alerts.$('.alert-item--bad_rating')
    expect(bad).toBeTruthy()
    expect(await bad.text()).toMatch(/差评/)

    // Complaints: open the first unfinished one and take it through accept → reply → close.
    const complaints = await miniProgram.reLaunch('/supervisor/complaints/index')
    await complaints.waitFor('.complaint-item')
    await (await complaints.$('.complaint-item')).tap()
    await complaints.waitFor('#complaint-detail')
    for (const step of ['btn-accept', 'btn-reply', 'btn-close']) {
      const button = await complaints.$(`#${step}`)
      if (!button) continue // already past this step
      await (await complaints.$('#input-text')).input(step === 'btn-reply' ? '经核实，已责令该部门整改并纳入本月通报。' : '已处理')
      await button.tap()
      await complaints.waitFor(step === 'btn-close' ? '#complaint-closed' : 2000)
    }
    expect(await complaints.$('#complaint-closed')).toBeTruthy()

    // Exceptions: the first pending one is ruled unjustified.
    const exceptions = await miniProgram.reLaunch('/supervisor/exceptions/index?status=pending')
    await exceptions.waitFor('.exception-item')
    await (await exceptions.$('.exception-item')).tap()
    await exceptions.waitFor('#btn-unjustified')
    await (await exceptions.$('#input-comment')).input('经核实不属于特殊情形。')
    await (await exceptions.$('#btn-unjustified')).tap()
    await exceptions.waitFor('#review-done')

    const after = await openDashboard()
    expect(await figure(after, 'card-exceptions-unjustified')).toBe(before.unjustified + 1)
    expect(await figure(after, 'card-exceptions-pending')).toBe(before.pending - 1)
    expect(await figure(after, 'card-bad-ratings')).toBe(before.bad)

    // The monthly 通报 is built and can be opened.
    const report = await miniProgram.reLaunch('/supervisor/report/index')
    await report.waitFor('#btn-report')
    await (await report.$('#btn-report')).tap()
    await report.waitFor('#report-link')
    expect(await (await report.$('#report-file')).text()).toMatch(/xlsx/)
  })
})
