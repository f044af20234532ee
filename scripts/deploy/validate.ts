import Module, { builtinModules } from 'node:module'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import { COLLECTIONS, type IndexSpec } from '../../server/platform/collections'
import { DENY_ALL_RULE, planDatabase, type CollectionSetup } from '../../server/platform/db-setup'
import { BUDGETS } from '../package-sizes'
import { FUNCTIONS, planFunctions, planProblems, type FunctionPlan } from './plan'

/**
 * The release validator behind `npm run deploy -- --dry-run`: everything that would make
 * a real upload fail (or deploy something broken), checked offline against a built tree.
 * A library function so the tests can point it at a temp folder with one defect at a time.
 */

export interface Problem {
  severity: 'error' | 'warning'
  /** File or thing the problem is about, relative to the root. */
  where: string
  message: string
}

export interface ValidateOptions {
  /** Function folders to deploy (default: the five of the contract). */
  functions?: readonly string[]
  /** The function deploy plan (default: planFunctions(process.env)). */
  plan?: FunctionPlan[]
  /** Collections the code declares (default: COLLECTIONS). */
  collections?: Record<string, { indexes: IndexSpec[] }>
  /** The database setup plan (default: planDatabase(collections)). */
  dbPlan?: CollectionSetup[]
  /** wx-server-sdk version every function must pin (default: the root package.json's). */
  wxServerSdkVersion?: string
  budgets?: typeof BUDGETS
}

/** WeChat's hard limits on the mini-program code package. */
export const WECHAT_LIMITS = {
  mainPackage: 2 * 1024 * 1024,
  subpackage: 2 * 1024 * 1024,
  total: 20 * 1024 * 1024,
}

/** File types a mini-program upload keeps (miniprogram-ci's MiniProgramWhiteList); others are dropped. */
export const UPLOAD_EXTENSIONS = new Set([
  '.wxml',
  '.wxss',
  '.wxs',
  '.png',
  '.jpg',
  '.jpeg',
  '.gif',
  '.svg',
  '.js',
  '.json',
  '.cer',
  '.mp3',
  '.aac',
  '.m4a',
  '.mp4',
  '.wav',
  '.ogg',
  '.silk',
  '.wasm',
  '.br',
  '.cur',
  '.ico',
  '.skel',
  '.crt',
  '.cert',
])

/** Private-info APIs that must be declared in app.json `requiredPrivateInfos` when the code calls them. */
export const PRIVATE_INFO_APIS = [
  'getLocation',
  'getFuzzyLocation',
  'chooseLocation',
  'choosePoi',
  'chooseAddress',
  'startLocationUpdate',
  'startLocationUpdateBackground',
  'onLocationChange',
]
/** Of those, the ones that also need `permission['scope.userLocation'].desc`. */
export const USER_LOCATION_APIS = new Set(['getLocation', 'getFuzzyLocation', 'startLocationUpdate', 'startLocationUpdateBackground', 'onLocationChange'])

/** Functions that must carry a timer trigger. */
const REQUIRED_TIMER: Record<string, true> = { scheduler: true }

/** Files a function root may hold besides index.js, package.json and config.json. */
const ALLOWED_FUNCTION_FILES = new Set(['index.js', 'package.json', 'config.json', 'package-lock.json', 'vendor'])

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const norm = (p: unknown) => (typeof p === 'string' ? p.replace(/^\.\//, '').replace(/\/?$/, '/') : '')

function readJson(file: string): { value?: any; error?: string } {
  if (!existsSync(file)) return { error: 'missing' }
  try {
    return { value: JSON.parse(readFileSync(file, 'utf8')) }
  } catch (err) {
    return { error: `not valid JSON (${err instanceof Error ? err.message : String(err)})` }
  }
}

function folderSize(dir: string, skip: Set<string> = new Set()): number {
  if (!existsSync(dir)) return 0
  let total = 0
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue
    const full = path.join(dir, name)
    const st = statSync(full)
    total += st.isDirectory() ? folderSize(full) : st.size
  }
  return total
}

function listFiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name)
    if (statSync(full).isDirectory()) listFiles(full, out)
    else out.push(full)
  }
  return out
}

// ---------------------------------------------------------------- cron

const CRON_FIELDS: Array<{ name: string; min: number; max: number; names?: string[] }> = [
  { name: 'second', min: 0, max: 59 },
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { name: 'day of week', min: 0, max: 6, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] },
  { name: 'year', min: 1970, max: 2099 },
]

/**
 * WeChat cloud timer triggers take a 7-field cron: second minute hour day month weekday year.
 * Answers what is wrong, or null.
 */
export function cronProblem(expr: unknown): string | null {
  if (typeof expr !== 'string') return 'the cron expression must be a string'
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7) return `"${expr}" has ${fields.length} fields; WeChat timer triggers need 7 (second minute hour day month weekday year)`
  for (let i = 0; i < 7; i++) {
    const spec = CRON_FIELDS[i]
    const value = (v: string): number | null => {
      if (/^\d+$/.test(v)) return Number(v)
      const idx = spec.names?.indexOf(v.toUpperCase()) ?? -1
      return idx >= 0 ? idx + (spec.name === 'month' ? 1 : 0) : null
    }
    for (const item of fields[i].split(',')) {
      const [range, step, extra] = item.split('/')
      if (extra !== undefined || (step !== undefined && !/^[1-9]\d*$/.test(step))) return `"${expr}": the ${spec.name} field "${fields[i]}" has a bad step`
      if (range === '*') continue
      const bounds = range.split('-')
      if (bounds.length > 2) return `"${expr}": the ${spec.name} field "${fields[i]}" is not a value, range or list`
      for (const b of bounds) {
        const n = value(b)
        if (n === null || n < spec.min || n > spec.max) return `"${expr}": the ${spec.name} field "${fields[i]}" is outside ${spec.min}–${spec.max}`
      }
    }
  }
  return null
}

// ---------------------------------------------------------------- function bundles

/** A stand-in for wx-server-sdk: enough for a bundle's top level (cloud.init) to run. */
function stubWxServerSdk(): unknown {
  const noop = () => undefined
  return new Proxy(
    { DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'), SYMBOL_CURRENT_ENV: Symbol('SYMBOL_CURRENT_ENV'), init: noop },
    {
      // A CommonJS module like the real SDK: no __esModule/default, so the bundle's interop wraps it.
      get: (target, key) =>
        key in target
          ? (target as Record<PropertyKey, unknown>)[key]
          : typeof key === 'symbol' || ['__esModule', 'default', 'then'].includes(key)
            ? undefined
            : noop,
      has: (target, key) => key in target,
    },
  )
}

/** Loads a bundle as the cloud would, with wx-server-sdk stubbed; reports what it required that the cloud will not have. */
export function loadBundle(file: string): { exports?: Record<string, unknown>; missingModules: string[]; error?: string } {
  const missingModules: string[] = []
  const builtins = new Set(builtinModules)
  const req = (id: string): unknown => {
    if (id === 'wx-server-sdk') return stubWxServerSdk()
    if (builtins.has(id.replace(/^node:/, ''))) return require(id)
    missingModules.push(id)
    throw new Error(`Cannot find module '${id}' (only wx-server-sdk is installed in the cloud)`)
  }
  const mod = { exports: {} as Record<string, unknown> }
  try {
    const wrapper = vm.runInThisContext(Module.wrap(readFileSync(file, 'utf8')), { filename: file }) as (...args: unknown[]) => void
    wrapper.call(mod.exports, mod.exports, req, mod, file, path.dirname(file))
    return { exports: mod.exports, missingModules }
  } catch (err) {
    return { missingModules, error: err instanceof Error ? err.message : String(err) }
  }
}

/** `openapi.<ns>.<method>` calls in a bundle = the permissions its config.json must declare. */
export function openapiUsed(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/openapi\.([A-Za-z]+)\.([A-Za-z]+)\s*\(/g)].map((m) => `${m[1]}.${m[2]}`))].sort()
}

/** Collection names used as literals in a bundle (`collection("users")`). */
export function collectionsUsed(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/\.collection\(\s*["'`]([A-Za-z0-9_-]+)["'`]\s*\)/g)].map((m) => m[1]))].sort()
}

/** Subscription-message template keys a bundle sends (`template:"overdue_reminder"`). */
export function templatesUsed(bundle: string): string[] {
  return [...new Set([...bundle.matchAll(/template\s*:\s*["'`]([a-z0-9_]+)["'`]/g)].map((m) => m[1]))].sort()
}

function validateFunction(
  root: string,
  cloudRoot: string,
  fn: string,
  o: Required<Pick<ValidateOptions, 'budgets' | 'collections'>> & { sdk: string },
): Problem[] {
  const out: Problem[] = []
  const dir = path.join(root, cloudRoot, fn)
  const where = (f = '') => path.posix.join(cloudRoot, fn, f)
  const err = (w: string, message: string) => out.push({ severity: 'error', where: w, message })
  const warn = (w: string, message: string) => out.push({ severity: 'warning', where: w, message })
  if (!existsSync(dir)) {
    err(where(), `function folder missing: run \`npm run build:functions\` (cloud function ${fn} would not be deployed)`)
    return out
  }

  // Stray files: the cloud runs index.js; TypeScript sources, maps and node_modules only bloat or confuse it.
  for (const name of readdirSync(dir)) {
    if (ALLOWED_FUNCTION_FILES.has(name)) continue
    if (name === 'node_modules')
      err(where(name), 'node_modules must not be uploaded: dependencies are installed in the cloud from package.json (remote npm install); delete the folder')
    else if (/\.(ts|tsx|map)$/.test(name))
      err(where(name), `stray ${name} in the function root: only the bundle index.js is deployed (delete it; sources live in server/)`)
    else warn(where(name), `unexpected ${name} in the function root would be uploaded with the function`)
  }

  // package.json: only wx-server-sdk, the version the bundles were built and tested against.
  const pkg = readJson(path.join(dir, 'package.json'))
  if (pkg.error) err(where('package.json'), `package.json ${pkg.error}`)
  else {
    const deps = Object.keys(pkg.value.dependencies ?? {})
    if (deps.length !== 1 || deps[0] !== 'wx-server-sdk')
      err(where('package.json'), `dependencies must be exactly wx-server-sdk (found: ${deps.join(', ') || 'none'}); everything else is bundled into index.js`)
    else if (pkg.value.dependencies['wx-server-sdk'] !== o.sdk)
      err(
        where('package.json'),
        `wx-server-sdk ${pkg.value.dependencies['wx-server-sdk']} differs from the root package.json's ${o.sdk} that the code is built and tested against`,
      )
    if (pkg.value.devDependencies && Object.keys(pkg.value.devDependencies).length)
      err(where('package.json'), 'devDependencies would be installed in the cloud too: remove them')
    if (pkg.value.main !== undefined && pkg.value.main !== 'index.js')
      err(where('package.json'), `"main" is ${pkg.value.main}; the cloud runs index.main, so it must be index.js`)
  }

  // index.js: present, loadable with only wx-server-sdk, exporting main.
  const indexFile = path.join(dir, 'index.js')
  let bundle = ''
  if (!existsSync(indexFile)) err(where('index.js'), 'index.js missing: run `npm run build:functions`')
  else {
    bundle = readFileSync(indexFile, 'utf8')
    const loaded = loadBundle(indexFile)
    if (loaded.missingModules.length)
      err(
        where('index.js'),
        `requires ${loaded.missingModules.join(', ')}, which the cloud will not install (only wx-server-sdk): bundle it (scripts/build-functions.mjs)`,
      )
    else if (loaded.error) err(where('index.js'), `fails to load: ${loaded.error}`)
    else if (typeof loaded.exports?.main !== 'function') err(where('index.js'), 'does not export a main function (the cloud calls index.main)')
    // Libraries loaded on first use (exceljs for the exports) ship beside index.js in vendor/.
    for (const [, rel] of bundle.matchAll(/require\(["'`](\.\/vendor\/[^"'`]+)["'`]\)/g)) {
      if (!existsSync(path.join(dir, rel))) err(where(rel.slice(2)), `${rel} is required by index.js but missing: run \`npm run build:functions\``)
    }
    const size = statSync(indexFile).size
    if (size > o.budgets.functionBundle)
      err(where('index.js'), `bundle ${kb(size)} is over the project budget ${kb(o.budgets.functionBundle)} (scripts/package-sizes.ts)`)
    for (const name of collectionsUsed(bundle)) {
      if (!Object.prototype.hasOwnProperty.call(o.collections, name))
        err(
          where('index.js'),
          `uses collection "${name}", which is not in COLLECTIONS (server/platform/collections.ts): the setup would not create it and every query on it would fail in the cloud`,
        )
    }
  }

  // config.json: permissions for every openapi call, a valid timer where one is needed.
  const cfg = readJson(path.join(dir, 'config.json'))
  if (cfg.error) err(where('config.json'), `config.json ${cfg.error}`)
  else {
    const declared: unknown = cfg.value.permissions?.openapi
    const list = Array.isArray(declared) ? declared.filter((x): x is string => typeof x === 'string') : []
    if (declared !== undefined && (!Array.isArray(declared) || list.length !== declared.length))
      err(where('config.json'), 'permissions.openapi must be an array of API names')
    for (const perm of openapiUsed(bundle)) {
      if (!list.includes(perm))
        err(where('config.json'), `the code calls openapi ${perm} but permissions.openapi does not declare "${perm}": the call would be refused in the cloud`)
    }
    const triggers: unknown = cfg.value.triggers
    if (triggers !== undefined && !Array.isArray(triggers)) err(where('config.json'), 'triggers must be an array')
    const list2 = Array.isArray(triggers) ? (triggers as Array<Record<string, unknown>>) : []
    const names = new Set<string>()
    for (const t of list2) {
      const tname = typeof t?.name === 'string' ? t.name : ''
      if (!/^[A-Za-z][A-Za-z0-9_-]{0,59}$/.test(tname))
        err(where('config.json'), `trigger name "${String(t?.name)}" is invalid (letters, digits, - and _, starting with a letter)`)
      if (names.has(tname)) err(where('config.json'), `trigger name "${tname}" is used twice`)
      names.add(tname)
      if (t?.type !== 'timer') err(where('config.json'), `trigger "${tname}" has type ${String(t?.type)}; only "timer" is supported`)
      else {
        const problem = cronProblem(t.config)
        if (problem) err(where('config.json'), `trigger "${tname}": ${problem}`)
      }
    }
    if (REQUIRED_TIMER[fn] && !list2.some((t) => t?.type === 'timer'))
      err(
        where('config.json'),
        `${fn} needs a timer trigger (e.g. {"name":"hourly","type":"timer","config":"0 0 * * * * *"}): without it overdue inspections and complaints are never marked`,
      )
    if (cfg.value.envVariables !== undefined)
      warn(
        where('config.json'),
        'envVariables in config.json is not applied by WeChat; function variables (TZ, ADMIN_OPENIDS, TEMPLATE_*) are set by `npm run deploy`',
      )
  }
  return out
}

// ---------------------------------------------------------------- weapp

function validateWeapp(root: string, weappDir: string, budgets: typeof BUDGETS): Problem[] {
  const out: Problem[] = []
  const rel = (p: string) => path.relative(root, p).split(path.sep).join('/')
  const err = (w: string, message: string) => out.push({ severity: 'error', where: w, message })
  const warn = (w: string, message: string) => out.push({ severity: 'warning', where: w, message })
  const appFile = path.join(weappDir, 'app.json')
  const app = readJson(appFile)
  if (app.error) {
    err(rel(appFile), `app.json ${app.error}: run \`npm run build:weapp\``)
    return out
  }
  const a = app.value as {
    pages?: unknown
    subPackages?: unknown
    subpackages?: unknown
    requiredPrivateInfos?: unknown
    permission?: Record<string, { desc?: string }>
  }
  const pageFiles = (base: string, page: string, w: string) => {
    for (const ext of ['.js', '.json', '.wxml']) {
      if (!existsSync(path.join(weappDir, base, page + ext))) err(w, `page ${path.posix.join(base, page)} has no ${ext} file in the build`)
    }
  }
  const pages = Array.isArray(a.pages) ? (a.pages as unknown[]) : []
  if (!pages.length) err('app.json', 'app.json lists no pages')
  for (const p of pages) {
    if (typeof p !== 'string') err('app.json', `page entry ${JSON.stringify(p)} is not a path`)
    else pageFiles('', p, 'app.json')
  }
  const subs = (a.subPackages ?? a.subpackages ?? []) as Array<{ root?: unknown; pages?: unknown }>
  const roots: string[] = []
  for (const s of Array.isArray(subs) ? subs : []) {
    const r = typeof s.root === 'string' ? s.root.replace(/\/$/, '') : ''
    if (!r) {
      err('app.json', 'a subpackage has no root')
      continue
    }
    if (roots.includes(r)) err('app.json', `subpackage root ${r} is declared twice`)
    roots.push(r)
    if (!existsSync(path.join(weappDir, r))) {
      err('app.json', `subpackage ${r} is declared but ${rel(path.join(weappDir, r))} does not exist`)
      continue
    }
    for (const p of pages) if (typeof p === 'string' && p.startsWith(r + '/')) err('app.json', `main-package page ${p} lies inside subpackage root ${r}`)
    const sp = Array.isArray(s.pages) ? (s.pages as unknown[]) : []
    if (!sp.length) err('app.json', `subpackage ${r} lists no pages`)
    for (const p of sp) if (typeof p === 'string') pageFiles(r, p, 'app.json')
  }

  // Privacy: an API that reads private information must be declared, and location needs a purpose.
  const declared = Array.isArray(a.requiredPrivateInfos) ? (a.requiredPrivateInfos as string[]) : []
  const used = new Set<string>()
  for (const file of listFiles(path.join(root, 'src')).filter((f) => /\.(t|j)sx?$/.test(f))) {
    const text = readFileSync(file, 'utf8')
    for (const api of PRIVATE_INFO_APIS) if (new RegExp(`\\b(?:wx|Taro)\\.${api}\\b`).test(text)) used.add(api)
  }
  for (const api of used) {
    if (!declared.includes(api))
      err(
        'app.json',
        `the pages call ${api} but app.json requiredPrivateInfos does not declare "${api}": WeChat refuses the call (and review rejects the version); add it in src/app.config.ts`,
      )
    if (USER_LOCATION_APIS.has(api) && !a.permission?.['scope.userLocation']?.desc)
      err('app.json', `the pages call ${api} but app.json permission["scope.userLocation"].desc (the purpose shown to the user) is missing`)
  }
  if (declared.includes('getLocation') && declared.includes('getFuzzyLocation'))
    err('app.json', 'requiredPrivateInfos may not declare both getLocation and getFuzzyLocation')

  // Sizes: WeChat's hard limits, then the project's own budgets.
  const mainPackage = folderSize(weappDir, new Set([...roots, 'project.config.json', 'project.private.config.json']))
  const subSizes = roots.map((r) => [r, folderSize(path.join(weappDir, r))] as const)
  const total = mainPackage + subSizes.reduce((n, [, s]) => n + s, 0)
  if (mainPackage > WECHAT_LIMITS.mainPackage) err('dist/weapp', `main package ${kb(mainPackage)} is over WeChat's 2 MB limit: the upload would be refused`)
  else if (mainPackage > budgets.weappMainPackage)
    err('dist/weapp', `main package ${kb(mainPackage)} is over the project budget ${kb(budgets.weappMainPackage)} (scripts/package-sizes.ts)`)
  for (const [r, s] of subSizes) {
    if (s > WECHAT_LIMITS.subpackage) err(`dist/weapp/${r}`, `subpackage ${r} ${kb(s)} is over WeChat's 2 MB limit: the upload would be refused`)
    else if (s > budgets.weappSubpackage)
      err(`dist/weapp/${r}`, `subpackage ${r} ${kb(s)} is over the project budget ${kb(budgets.weappSubpackage)} (scripts/package-sizes.ts)`)
  }
  if (total > WECHAT_LIMITS.total) err('dist/weapp', `all packages together ${kb(total)} are over WeChat's 20 MB limit`)

  const dropped = listFiles(weappDir).filter((f) => !UPLOAD_EXTENSIONS.has(path.extname(f).toLowerCase()) && !/project(\.private)?\.config\.json$/.test(f))
  if (dropped.length)
    warn(
      'dist/weapp',
      `${dropped.length} file(s) of types WeChat does not upload will be left out: ${dropped.slice(0, 3).map(rel).join(', ')}${dropped.length > 3 ? ', …' : ''}`,
    )
  return out
}

// ---------------------------------------------------------------- the release

export function validateRelease(rootDir: string, options: ValidateOptions = {}): Problem[] {
  const root = path.resolve(rootDir)
  const functions = options.functions ?? FUNCTIONS
  const collections = options.collections ?? COLLECTIONS
  const budgets = options.budgets ?? BUDGETS
  const out: Problem[] = []
  const err = (where: string, message: string) => out.push({ severity: 'error', where, message })
  const warn = (where: string, message: string) => out.push({ severity: 'warning', where, message })

  // project.config.json: where DevTools and miniprogram-ci look for the code.
  const project = readJson(path.join(root, 'project.config.json'))
  let weappRoot = 'dist/weapp/'
  const cloudRoot = 'cloudfunctions/'
  if (project.error) err('project.config.json', `project.config.json ${project.error}`)
  else {
    const p = project.value
    if (norm(p.miniprogramRoot) !== 'dist/weapp/')
      err('project.config.json', `miniprogramRoot is ${JSON.stringify(p.miniprogramRoot)}; it must be "dist/weapp/" (where \`npm run build:weapp\` writes)`)
    else weappRoot = norm(p.miniprogramRoot)
    if (norm(p.cloudfunctionRoot) !== 'cloudfunctions/')
      err('project.config.json', `cloudfunctionRoot is ${JSON.stringify(p.cloudfunctionRoot)}; it must be "cloudfunctions/"`)
    if (p.compileType !== undefined && p.compileType !== 'miniprogram')
      err('project.config.json', `compileType is ${JSON.stringify(p.compileType)}; it must be "miniprogram"`)
  }

  out.push(...validateWeapp(root, path.join(root, weappRoot), budgets))

  // Functions.
  const rootPkg = readJson(path.join(root, 'package.json'))
  const sdk = options.wxServerSdkVersion ?? rootPkg.value?.devDependencies?.['wx-server-sdk'] ?? rootPkg.value?.dependencies?.['wx-server-sdk'] ?? '4.0.2'
  for (const fn of functions) out.push(...validateFunction(root, cloudRoot.replace(/\/$/, ''), fn, { budgets, collections, sdk }))
  const cloudDir = path.join(root, cloudRoot)
  if (existsSync(cloudDir)) {
    for (const name of readdirSync(cloudDir)) {
      if (statSync(path.join(cloudDir, name)).isDirectory() && !functions.includes(name))
        warn(`${cloudRoot}${name}`, `folder ${name} is not one of the deployed functions (${functions.join(', ')}) and will not be uploaded`)
    }
  }

  // The function plan: every function configured, TZ set, a runtime that runs the bundles.
  const plan = options.plan ?? planFunctions(process.env, functions)
  for (const fn of functions)
    if (!plan.some((p) => p.name === fn)) err('scripts/deploy/plan.ts', `function ${fn} has no entry in the deploy plan (runtime, timeout, TZ)`)
  for (const message of planProblems(plan)) err('scripts/deploy/plan.ts', message)

  // The database setup: every collection, its indexes, the deny-all rule.
  const dbPlan = options.dbPlan ?? planDatabase(collections)
  const denyAll = JSON.stringify(DENY_ALL_RULE)
  for (const [name, { indexes }] of Object.entries(collections)) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,63}$/.test(name))
      err('server/platform/collections.ts', `collection name "${name}" is not allowed in CloudBase (letters, digits, - and _, starting with a letter)`)
    const entry = dbPlan.find((c) => c.name === name)
    if (!entry) {
      err('server/platform/db-setup.ts', `collection ${name} has no setup entry: it would not be created, indexed or locked down`)
      continue
    }
    for (const spec of indexes) {
      const wanted = spec.fields.map(([f, d]) => `${f}:${d}`).join(',')
      const found = entry.indexes.find((ix) => ix.keys.map((k) => `${k.field}:${k.direction}`).join(',') === wanted && ix.unique === !!spec.unique)
      if (!found) err('server/platform/db-setup.ts', `collection ${name}: the index on ${wanted}${spec.unique ? ' (unique)' : ''} has no setup entry`)
    }
    const names = entry.indexes.map((ix) => ix.name)
    for (const n of new Set(names))
      if (names.filter((x) => x === n).length > 1) err('server/platform/db-setup.ts', `collection ${name}: index name ${n} is used twice`)
    let rule: unknown
    try {
      rule = JSON.parse(entry.rule)
    } catch {
      rule = null
    }
    if (JSON.stringify(rule) !== denyAll)
      err('server/platform/db-setup.ts', `collection ${name}: security rule ${entry.rule} is not ${denyAll}; clients must not read or write directly`)
  }
  return out
}

/** Facts the dry run prints beside the problems. */
export function describeRelease(rootDir: string, functions: readonly string[] = FUNCTIONS) {
  const root = path.resolve(rootDir)
  const templates = new Set<string>()
  const fnSizes: Record<string, number> = {}
  for (const fn of functions) {
    const file = path.join(root, 'cloudfunctions', fn, 'index.js')
    if (!existsSync(file)) continue
    fnSizes[fn] = statSync(file).size
    for (const t of templatesUsed(readFileSync(file, 'utf8'))) templates.add(t)
  }
  const weapp = path.join(root, 'dist', 'weapp')
  const app = readJson(path.join(weapp, 'app.json')).value as { subPackages?: Array<{ root: string }> } | undefined
  const roots = (app?.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  return {
    mainPackage: folderSize(weapp, new Set([...roots, 'project.config.json'])),
    subpackages: Object.fromEntries(roots.map((r) => [r, folderSize(path.join(weapp, r))])),
    functions: fnSizes,
    templates: [...templates].sort(),
  }
}
