import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { parse } from 'acorn'
import { PAGES } from '@contract'
import { MIN_RUNTIME_MAJOR } from '../../scripts/deploy/plan'
import { openDatabase } from '../../emulator/db'
import { BUNDLE_ENV, fakeWxCloud, loadBundle } from '../helpers/bundle'
import { budgetBreaches, FUNCTIONS, measureSizes, ROOT } from '../../scripts/package-sizes'

/**
 * What `npm run build:weapp` and `npm run build:functions` produce must be what WeChat
 * DevTools opens and what WeChat cloud deploys (npm test builds both first).
 */

const readJson = (...p: string[]) => JSON.parse(readFileSync(path.join(ROOT, ...p), 'utf8'))

describe('the weapp package', () => {
  test('project.config.json points DevTools at the build and at the cloud functions', () => {
    const project = readJson('project.config.json')
    expect(project.miniprogramRoot).toBe('dist/weapp/')
    expect(project.cloudfunctionRoot).toBe('cloudfunctions/')
    expect(existsSync(path.join(ROOT, project.miniprogramRoot, 'app.json'))).toBe(true)
  })

  test('app.json has the main package, the three role subpackages and the location privacy declaration', () => {
    const app = readJson('dist', 'weapp', 'app.json')
    expect(app.pages[0]).toBe('pages/home/index')
    expect(app.subPackages.map((s: { root: string }) => s.root).sort()).toEqual(['enterprise', 'officer', 'supervisor'])
    expect(app.requiredPrivateInfos).toContain('getLocation')
    expect(app.permission['scope.userLocation'].desc).toMatch(/现场/)
    for (const sub of app.subPackages as Array<{ root: string; pages: string[] }>) {
      for (const page of sub.pages) {
        for (const ext of ['.js', '.json', '.wxml']) expect(existsSync(path.join(ROOT, 'dist', 'weapp', sub.root, page + ext))).toBe(true)
      }
    }
  })

  test('every page printed into a QR code or message exists in the package', () => {
    const app = readJson('dist', 'weapp', 'app.json')
    const declared = new Set<string>([...app.pages, ...app.subPackages.flatMap((s: { root: string; pages: string[] }) => s.pages.map((p) => `${s.root}/${p}`))])
    for (const page of Object.values(PAGES)) expect(declared).toContain(page)
  })

  test('sizes stay within the budgets (main ≤ 700 KB, subpackage ≤ 500 KB, function ≤ 400 KB)', () => {
    expect(budgetBreaches(measureSizes())).toEqual([])
  })
})

describe.each(FUNCTIONS)('the deployable cloud function %s', (fn) => {
  const dir = path.join(ROOT, 'cloudfunctions', fn)

  test(`parses on the deploy's runtime floor, Node ${MIN_RUNTIME_MAJOR} (ES2022 syntax, its vendored files too)`, () => {
    // Node 16 parses all of ES2022 (class fields, private methods, static blocks); nothing later.
    expect(MIN_RUNTIME_MAJOR).toBe(16)
    const files = [
      path.join(dir, 'index.js'),
      ...(existsSync(path.join(dir, 'vendor')) ? readdirSync(path.join(dir, 'vendor')).map((f) => path.join(dir, 'vendor', f)) : []),
    ]
    for (const file of files) {
      expect(() => parse(readFileSync(file, 'utf8'), { ecmaVersion: 2022, sourceType: 'script', allowHashBang: true })).not.toThrow()
    }
  })

  test('has index.js, a package.json with only wx-server-sdk, a config.json, and no TypeScript source', () => {
    expect(existsSync(path.join(dir, 'index.js'))).toBe(true)
    expect(existsSync(path.join(dir, 'index.ts'))).toBe(false)
    const pkg = readJson('cloudfunctions', fn, 'package.json')
    expect(Object.keys(pkg.dependencies)).toEqual(['wx-server-sdk'])
    expect(pkg.main).toBe('index.js')
    const config = readJson('cloudfunctions', fn, 'config.json')
    expect(Array.isArray(config.permissions.openapi)).toBe(true)
    if (fn === 'scheduler') expect(config.triggers[0]).toMatchObject({ type: 'timer' })
  })
})

describe('a function bundle runs as deployed, against a database', () => {
  const db = openDatabase(':memory:')
  const caller = { openid: '' }
  const fakeCloud = fakeWxCloud(db, caller)
  const load = (fn: string) => loadBundle(fn, fakeCloud)
  const saved = { ...process.env }
  beforeAll(() => Object.assign(process.env, BUNDLE_ENV))
  afterAll(() => {
    process.env = saved
  })
  afterAll(() => db.close())

  test('account answers whoami with the caller openid from getWXContext, read inside main', async () => {
    const account = load('account')
    expect(fakeCloud.init).toHaveBeenCalled()
    caller.openid = 'wx-openid-1'
    const answer = await account.main({ action: 'whoami', userInfo: { openId: 'x', appId: 'y' } })
    expect(answer).toMatchObject({ ok: true, data: { openid: 'wx-openid-1', user: null } })
    caller.openid = 'wx-openid-2'
    expect((await account.main({ action: 'whoami' })).data.openid).toBe('wx-openid-2')
  })

  test('an unknown action and bad input come back as envelopes, not exceptions', async () => {
    const account = load('account')
    expect(await account.main({ action: 'dropDatabase' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await account.main({ action: 'bindEnterprise', uscc: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await account.main({ action: 'upsertDepartment', name: '市场监督管理局', region: '360702', field: '市场监管' })).toMatchObject({
      ok: false,
      error: { code: 'UNAUTHENTICATED' },
    })
  })
})
