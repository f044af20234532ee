import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { planDatabase } from '../../server/platform/db-setup'
import { planFunctions } from '../../scripts/deploy/plan'
import { validateRelease, type ValidateOptions } from '../../scripts/deploy/validate'

/**
 * `npm run deploy -- --dry-run` must catch everything that would make a real upload fail.
 * A small but complete release is written to a temp folder once; each case copies it,
 * plants one defect, and expects validateRelease to name it.
 */

const FUNCTIONS = ['account', 'scheduler']
const COLLECTIONS = { users: { indexes: [{ fields: [['openid', 'asc']] as Array<[string, 'asc' | 'desc']>, unique: true }] }, audit: { indexes: [] } }
const MB = 1024 * 1024
const BIG_BUDGETS = { weappMainPackage: 30 * MB, weappSubpackage: 30 * MB, functionBundle: 30 * MB }

const tmp = mkdtempSync(path.join(os.tmpdir(), 'inspectpass-release-'))
const base = path.join(tmp, 'base')
let n = 0

const write = (root: string, file: string, text: string | Buffer) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true })
  writeFileSync(path.join(root, file), text)
}
const json = (v: unknown) => JSON.stringify(v, null, 2)

const bundle = (opts: { openapi?: string[]; collections?: string[] } = {}) => `"use strict";
const cloud = require("wx-server-sdk");
const crypto = require("node:crypto");
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV });
exports.main = async (event) => {
  const db = cloud.database();
  ${(opts.collections ?? ['users']).map((c) => `await db.collection("${c}").get();`).join('\n  ')}
  ${(opts.openapi ?? ['wxacode.getUnlimited']).map((p) => `await cloud.openapi.${p}({});`).join('\n  ')}
  return { ok: true, data: crypto.randomBytes(2).toString("hex") };
};
`

function writeBase(root: string) {
  write(root, 'package.json', json({ name: 'x', devDependencies: { 'wx-server-sdk': '4.0.2' } }))
  write(
    root,
    'project.config.json',
    json({ miniprogramRoot: 'dist/weapp/', cloudfunctionRoot: 'cloudfunctions/', appid: 'touristappid', compileType: 'miniprogram' }),
  )
  const page = (p: string) => {
    for (const ext of ['.js', '.json', '.wxml', '.wxss']) write(root, `dist/weapp/${p}${ext}`, ext === '.json' ? '{}' : '')
  }
  write(
    root,
    'dist/weapp/app.json',
    json({
      pages: ['pages/home/index'],
      subPackages: [{ root: 'officer', pages: ['scan/index'] }],
      requiredPrivateInfos: ['getLocation'],
      permission: { 'scope.userLocation': { desc: '用于核验执法人员是否在企业现场' } },
    }),
  )
  write(root, 'dist/weapp/app.js', '')
  page('pages/home/index')
  page('officer/scan/index')
  write(root, 'src/officer/lib/location.ts', 'export const where = () => Taro.getLocation({ type: "gcj02" })\n')
  for (const fn of FUNCTIONS) {
    write(root, `cloudfunctions/${fn}/index.js`, bundle())
    write(root, `cloudfunctions/${fn}/package.json`, json({ name: fn, main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } }))
    write(
      root,
      `cloudfunctions/${fn}/config.json`,
      json(
        fn === 'scheduler'
          ? { permissions: { openapi: ['wxacode.getUnlimited'] }, triggers: [{ name: 'hourly', type: 'timer', config: '0 0 * * * * *' }] }
          : { permissions: { openapi: ['wxacode.getUnlimited'] } },
      ),
    )
  }
}

beforeAll(() => writeBase(base))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

/** A fresh copy of the base release with `defect` applied. */
function release(defect: (root: string) => void = () => {}): string {
  const root = path.join(tmp, `case-${++n}`)
  cpSync(base, root, { recursive: true })
  defect(root)
  return root
}

const options = (extra: ValidateOptions = {}): ValidateOptions => ({
  functions: FUNCTIONS,
  collections: COLLECTIONS,
  plan: planFunctions({}, FUNCTIONS),
  budgets: BIG_BUDGETS,
  ...extra,
})

const errors = (root: string, extra?: ValidateOptions) =>
  validateRelease(root, options(extra))
    .filter((p) => p.severity === 'error')
    .map((p) => `${p.where}: ${p.message}`)

const edit = (root: string, file: string, change: (v: any) => void) => {
  const v = JSON.parse(readFileSync(path.join(root, file), 'utf8'))
  change(v)
  write(root, file, json(v))
}

test('a complete release has no problems', () => {
  expect(validateRelease(release(), options())).toEqual([])
})

describe('cloud functions', () => {
  test.each<[string, (root: string) => void, RegExp]>([
    [
      'a function folder is missing',
      (r) => rmSync(path.join(r, 'cloudfunctions/account'), { recursive: true }),
      /cloudfunctions\/account: function folder missing/,
    ],
    ['index.js is missing', (r) => rmSync(path.join(r, 'cloudfunctions/account/index.js')), /account\/index\.js: index\.js missing/],
    [
      'index.js does not export main',
      (r) => write(r, 'cloudfunctions/account/index.js', 'require("wx-server-sdk").init({});\nexports.handler = () => 1\n'),
      /does not export a main function/,
    ],
    [
      'index.js requires a module the cloud will not install',
      (r) => write(r, 'cloudfunctions/account/index.js', 'const z = require("zod");\nexports.main = () => z\n'),
      /requires zod, which the cloud will not install/,
    ],
    ['index.js throws while loading', (r) => write(r, 'cloudfunctions/account/index.js', 'exports.main = () => {\n'), /account\/index\.js: fails to load/],
    ['index.ts lies beside index.js', (r) => write(r, 'cloudfunctions/account/index.ts', 'export {}'), /account\/index\.ts: stray index\.ts/],
    [
      'node_modules lies in the function root',
      (r) => write(r, 'cloudfunctions/scheduler/node_modules/x/index.js', ''),
      /scheduler\/node_modules: node_modules must not be uploaded/,
    ],
    [
      'package.json has another dependency',
      (r) => edit(r, 'cloudfunctions/account/package.json', (p) => (p.dependencies.dayjs = '1.11.0')),
      /dependencies must be exactly wx-server-sdk \(found: wx-server-sdk, dayjs\)/,
    ],
    [
      'package.json pins another wx-server-sdk',
      (r) => edit(r, 'cloudfunctions/account/package.json', (p) => (p.dependencies['wx-server-sdk'] = '2.6.3')),
      /wx-server-sdk 2\.6\.3 differs from the root package\.json's 4\.0\.2/,
    ],
    ['package.json is missing', (r) => rmSync(path.join(r, 'cloudfunctions/account/package.json')), /account\/package\.json: package\.json missing/],
    [
      'config.json is not JSON',
      (r) => write(r, 'cloudfunctions/account/config.json', '{ permissions: [] '),
      /account\/config\.json: config\.json not valid JSON/,
    ],
    [
      'wxacode.getUnlimited is used but not declared',
      (r) => edit(r, 'cloudfunctions/account/config.json', (c) => (c.permissions.openapi = [])),
      /calls openapi wxacode\.getUnlimited but permissions\.openapi does not declare/,
    ],
    [
      'subscribeMessage.send is used but not declared',
      (r) => write(r, 'cloudfunctions/scheduler/index.js', bundle({ openapi: ['wxacode.getUnlimited', 'subscribeMessage.send'] })),
      /scheduler\/config\.json: the code calls openapi subscribeMessage\.send/,
    ],
    ['the scheduler has no timer trigger', (r) => edit(r, 'cloudfunctions/scheduler/config.json', (c) => delete c.triggers), /scheduler needs a timer trigger/],
    [
      'the timer has a 6-field cron',
      (r) => edit(r, 'cloudfunctions/scheduler/config.json', (c) => (c.triggers[0].config = '0 0 * * * *')),
      /has 6 fields; WeChat timer triggers need 7/,
    ],
    [
      'the timer has an out-of-range cron field',
      (r) => edit(r, 'cloudfunctions/scheduler/config.json', (c) => (c.triggers[0].config = '0 0 25 * * * *')),
      /the hour field "25" is outside 0–23/,
    ],
    [
      'a trigger is not a timer',
      (r) => edit(r, 'cloudfunctions/account/config.json', (c) => (c.triggers = [{ name: 'upload', type: 'cos', config: 'bucket' }])),
      /trigger "upload" has type cos; only "timer" is supported/,
    ],
    [
      'a bundle uses a collection the setup does not know',
      (r) => write(r, 'cloudfunctions/account/index.js', bundle({ collections: ['users', 'invoices'] })),
      /uses collection "invoices", which is not in COLLECTIONS/,
    ],
  ])('%s', (_name, defect, expected) => {
    expect(errors(release(defect))).toEqual([expect.stringMatching(expected)])
  })

  test('a bundle over the project budget', () => {
    expect(errors(release(), { budgets: { ...BIG_BUDGETS, functionBundle: 100 } })).toEqual([
      expect.stringMatching(/account\/index\.js: bundle .* over the project budget/),
      expect.stringMatching(/scheduler\/index\.js: bundle .* over the project budget/),
    ])
  })
})

describe('the mini-program package', () => {
  test.each<[string, (root: string) => void, RegExp]>([
    ['app.json is missing', (r) => rmSync(path.join(r, 'dist/weapp/app.json')), /app\.json missing: run `npm run build:weapp`/],
    ['a page has no .wxml', (r) => rmSync(path.join(r, 'dist/weapp/pages/home/index.wxml')), /page pages\/home\/index has no \.wxml file/],
    [
      'a subpackage folder is missing',
      (r) => rmSync(path.join(r, 'dist/weapp/officer'), { recursive: true }),
      /subpackage officer is declared but dist\/weapp\/officer does not exist/,
    ],
    [
      'getLocation is used but not declared',
      (r) => edit(r, 'dist/weapp/app.json', (a) => (a.requiredPrivateInfos = [])),
      /call getLocation but app\.json requiredPrivateInfos does not declare "getLocation"/,
    ],
    [
      'the location purpose is missing',
      (r) => edit(r, 'dist/weapp/app.json', (a) => delete a.permission),
      /permission\["scope\.userLocation"\]\.desc .* is missing/,
    ],
    ['the main package is over 2 MB', (r) => write(r, 'dist/weapp/vendors.js', Buffer.alloc(2 * MB + 1)), /main package .* over WeChat's 2 MB limit/],
    [
      'a subpackage is over 2 MB',
      (r) => write(r, 'dist/weapp/officer/sub-vendors.js', Buffer.alloc(2 * MB + 1)),
      /dist\/weapp\/officer: subpackage officer .* over WeChat's 2 MB limit/,
    ],
    [
      'miniprogramRoot points elsewhere',
      (r) => edit(r, 'project.config.json', (p) => (p.miniprogramRoot = 'src/')),
      /miniprogramRoot is "src\/"; it must be "dist\/weapp\/"/,
    ],
    [
      'cloudfunctionRoot points elsewhere',
      (r) => edit(r, 'project.config.json', (p) => (p.cloudfunctionRoot = 'functions/')),
      /cloudfunctionRoot is "functions\/"; it must be "cloudfunctions\/"/,
    ],
  ])('%s', (_name, defect, expected) => {
    expect(errors(release(defect))).toEqual([expect.stringMatching(expected)])
  })

  test('all packages together over 20 MB', () => {
    const root = release((r) => {
      const subs = Array.from({ length: 11 }, (_, i) => `s${i}`)
      edit(r, 'dist/weapp/app.json', (a) => a.subPackages.push(...subs.map((s) => ({ root: s, pages: ['p/index'] }))))
      for (const s of subs) {
        for (const ext of ['.js', '.json', '.wxml']) write(r, `dist/weapp/${s}/p/index${ext}`, '')
        write(r, `dist/weapp/${s}/big.js`, Buffer.alloc(1.9 * MB))
      }
    })
    expect(errors(root)).toEqual([expect.stringMatching(/all packages together .* over WeChat's 20 MB limit/)])
  })

  test('the project budgets apply below WeChat limits', () => {
    expect(errors(release(), { budgets: { ...BIG_BUDGETS, weappMainPackage: 1, weappSubpackage: 1 } })).toEqual([
      expect.stringMatching(/main package .* over the project budget/),
      expect.stringMatching(/subpackage officer .* over the project budget/),
    ])
  })

  test('files WeChat does not upload are a warning, not an error', () => {
    const root = release((r) => write(r, 'dist/weapp/vendors.js.LICENSE.txt', 'MIT'))
    expect(validateRelease(root, options())).toEqual([
      expect.objectContaining({ severity: 'warning', message: expect.stringMatching(/vendors\.js\.LICENSE\.txt/) }),
    ])
  })
})

describe('the deploy plan and the database setup', () => {
  test('TZ not planned for a function', () => {
    const plan = planFunctions({}, FUNCTIONS).map((p) => (p.name === 'scheduler' ? { ...p, envVariables: {} } : p))
    expect(errors(release(), { plan })).toEqual([expect.stringMatching(/function scheduler: TZ is not set in the deploy plan; it must be Asia\/Shanghai/)])
  })

  test('a function without a plan entry', () => {
    expect(errors(release(), { plan: planFunctions({}, ['account']) })).toEqual([expect.stringMatching(/function scheduler has no entry in the deploy plan/)])
  })

  test('a runtime too old for the bundles', () => {
    expect(errors(release(), { plan: planFunctions({ FUNCTION_RUNTIME: 'Nodejs12.16' }, FUNCTIONS) })).toEqual([
      expect.stringMatching(/function account: runtime Nodejs12\.16 cannot run the bundles/),
      expect.stringMatching(/function scheduler: runtime Nodejs12\.16 cannot run the bundles/),
    ])
    // Node 14 cannot parse the bundles' `||=` and `??=`: the floor is the bundles' target, 16.
    expect(errors(release(), { plan: planFunctions({ FUNCTION_RUNTIME: 'Nodejs14.18' }, FUNCTIONS) })).toEqual([
      expect.stringMatching(/function account: runtime Nodejs14\.18 cannot run the bundles \(needs Nodejs16 or later/),
      expect.stringMatching(/function scheduler: runtime Nodejs14\.18 cannot run the bundles/),
    ])
    expect(errors(release(), { plan: planFunctions({ FUNCTION_RUNTIME: 'Nodejs16.13' }, FUNCTIONS) })).toEqual([])
  })

  test('a collection without a setup entry', () => {
    const dbPlan = planDatabase(COLLECTIONS).filter((c) => c.name !== 'audit')
    expect(errors(release(), { dbPlan })).toEqual([expect.stringMatching(/collection audit has no setup entry/)])
  })

  test('an index without a setup entry, and a rule that lets clients in', () => {
    const dbPlan = planDatabase(COLLECTIONS).map((c) => (c.name === 'users' ? { ...c, indexes: [], rule: '{"read":true,"write":false}' } : c))
    expect(errors(release(), { dbPlan })).toEqual([
      expect.stringMatching(/collection users: the index on openid:asc \(unique\) has no setup entry/),
      expect.stringMatching(/collection users: security rule .* is not \{"read":false,"write":false\}/),
    ])
  })
})

describe('the repository itself', () => {
  const root = path.resolve(__dirname, '..', '..')
  const built = existsSync(path.join(root, 'dist', 'weapp', 'app.json')) && existsSync(path.join(root, 'cloudfunctions', 'account', 'index.js'))
  // npm test builds first; without a build there is nothing to validate — locally. In CI a
  // missing build is a failure, never a silent skip.
  ;(built || process.env.CI ? test : test.skip)('the built release passes the dry-run validation', () => {
    if (!built) throw new Error('no build to validate: run `npm run build:functions` and `npm run build:weapp` first (CI must build before this test)')
    expect(validateRelease(root, { plan: planFunctions({}) }).filter((p) => p.severity === 'error')).toEqual([])
  })
})
