import path from 'node:path'
import { checkSourceStylesheets, formatProblem, listFiles } from '../../scripts/weapp/wechat-compilers'

/**
 * Every stylesheet under src/ goes through WeChat's WXSS compiler (wcsc) as it is, so a
 * selector WXSS refuses (`*`, for one) is named in the source file that holds it, before
 * any build: Taro copies selectors into the weapp build unchanged.
 */

const ROOT = path.resolve(__dirname, '..', '..')

test('every stylesheet in src/ is valid WXSS', () => {
  const src = path.join(ROOT, 'src')
  expect(listFiles(src, ['.css']).length).toBeGreaterThan(10)
  expect(checkSourceStylesheets(src).map((p) => formatProblem(p, 'src/'))).toEqual([])
})

test('a source stylesheet with a * selector is named with its line', () => {
  const fixture = path.join(ROOT, 'tests', 'weapp', 'fixtures', 'broken')
  expect(checkSourceStylesheets(fixture).map((p) => formatProblem(p))).toEqual(['pages/bad/index.wxss:5:9: error at token `*`'])
})
