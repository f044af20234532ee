import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { ciCompile, describeCiFailure, projectCompileSettings, type CiCompileResult } from '../../scripts/weapp/ci-compile'

/**
 * The offline compile of miniprogram-ci, with the settings an upload uses (es6 + minify,
 * from project.config.json): the weapp build passes it, and a broken script is named with
 * its file and line. Both compiles run at once (each ≈ 15–60 s, mostly waiting).
 */

const ROOT = path.resolve(__dirname, '..', '..')
const WEAPP = path.join(ROOT, 'dist', 'weapp')
const tmp = mkdtempSync(path.join(os.tmpdir(), 'inspectpass-ci-'))
const broken = path.join(tmp, 'broken')
let build: CiCompileResult
let fixture: CiCompileResult

beforeAll(async () => {
  if (!existsSync(path.join(WEAPP, 'app.json'))) throw new Error('dist/weapp is not built: run `npm run build:weapp` (npm test does)')
  cpSync(path.join(__dirname, 'fixtures', 'ci-project'), broken, { recursive: true })
  const page = path.join(broken, 'pages', 'index', 'index.js')
  writeFileSync(page, readFileSync(page, 'utf8').replace('n + 1', 'n + '))
  ;[build, fixture] = await Promise.all([ciCompile(WEAPP), ciCompile(broken)])
}, 240_000)
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

test("the build's project.config.json is what miniprogram-ci expects: an empty root, the pinned base library, release settings", () => {
  const dist = JSON.parse(readFileSync(path.join(WEAPP, 'project.config.json'), 'utf8'))
  const repo = JSON.parse(readFileSync(path.join(ROOT, 'project.config.json'), 'utf8'))
  expect(dist.miniprogramRoot).toBe('')
  expect(dist.libVersion).toBe(repo.libVersion)
  expect(projectCompileSettings(WEAPP)).toEqual({ es6: true, es7: false, minify: true, autoPrefixWXSS: false })
})

test('the weapp build compiles offline with es6 and minify on', () => {
  expect(describeCiFailure(build)).toBe('')
  if (!build.ok) return
  const app = JSON.parse(readFileSync(path.join(WEAPP, 'app.json'), 'utf8')) as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
  const pages = [...app.pages, ...app.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  for (const p of pages) for (const ext of ['.js', '.json', '.wxml']) expect(Object.keys(build.sizes)).toContain(p + ext)
  expect(build.sizes['app.js']).toBeGreaterThan(0)
  console.log(`miniprogram-ci compiled ${Object.keys(build.sizes).length} files in ${(build.ms / 1000).toFixed(1)} s`)
})

test('a script with a syntax error is named with its file and line', () => {
  expect(fixture.ok).toBe(false)
  expect(describeCiFailure(fixture)).toMatch(/pages\/index\/index\.js: Unexpected token \(5:\d+\)/)
})
