import { existsSync } from 'node:fs'
import path from 'node:path'
import { compileWxml, compileWxss, formatProblem, listFiles } from '../../scripts/weapp/wechat-compilers'

/**
 * The weapp build (npm test builds it first) through WeChat's own compilers, wcc and wcsc:
 * what they refuse, WeChat DevTools refuses, and the package cannot be uploaded.
 */

const ROOT = path.resolve(__dirname, '..', '..')
const WEAPP = path.join(ROOT, 'dist', 'weapp')
const FIXTURE = path.join(__dirname, 'fixtures', 'broken')

const report = (problems: ReturnType<typeof compileWxml>, root: string) => problems.map((p) => formatProblem(p, `${path.relative(ROOT, root)}/`))

describe('the weapp build', () => {
  beforeAll(() => {
    if (!existsSync(path.join(WEAPP, 'app.json'))) throw new Error('dist/weapp is not built: run `npm run build:weapp` (npm test does)')
  })

  test('has templates, scripts and stylesheets for every page', () => {
    expect(listFiles(WEAPP, ['.wxml']).length).toBeGreaterThan(20)
    expect(listFiles(WEAPP, ['.wxs']).length).toBeGreaterThan(0)
    expect(listFiles(WEAPP, ['.wxss']).length).toBeGreaterThan(20)
  })

  test('every .wxml and .wxs compiles with wcc', () => {
    expect(report(compileWxml(WEAPP), WEAPP)).toEqual([])
  })

  // A failure here names the built file; tests/unit/wxss-sources.test.ts names the source.
  test('every .wxss compiles with wcsc', () => {
    expect(report(compileWxss(WEAPP), WEAPP)).toEqual([])
  })
})

describe('a broken file is named with its line', () => {
  test('a template and a WXS script', () => {
    expect(report(compileWxml(FIXTURE), FIXTURE)).toEqual([
      'tests/weapp/fixtures/broken/pages/bad/helper.wxs:3:12: Unexpected token ```',
      expect.stringMatching(/^tests\/weapp\/fixtures\/broken\/pages\/bad\/index\.wxml:4:\d+: expect end-tag `text`/),
    ])
  })

  test('a stylesheet', () => {
    expect(report(compileWxss(FIXTURE), FIXTURE)).toEqual(['tests/weapp/fixtures/broken/pages/bad/index.wxss:5:9: error at token `*`'])
  })
})
