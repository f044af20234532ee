import { readFileSync } from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { listFiles } from './wechat-compilers'

/**
 * What the weapp build asks of WeChat's `wx`: every `Taro.X` (and `Taro.cloud.X`) the
 * source calls, checked against miniprogram-api-typings, WeChat's own declaration of the
 * API, with the base library each one needs. On weapp, Taro forwards these calls to `wx`
 * by name, so a name WeChat does not have fails only on a phone.
 */

/** A member of `wx` (or `wx.cloud`) and the base library it needs (null: every version). */
export interface WxApi {
  name: string
  minLib: string | null
}

export interface TaroCall {
  /** `navigateTo`, or `cloud.callFunction`. */
  name: string
  file: string
  line: number
}

/**
 * Members of @tarojs/taro that Taro's runtime implements itself (they never reach `wx`),
 * and hooks (`use*`). Add here only what is not a WeChat API.
 */
export const TARO_RUNTIME_ONLY = new Set([
  'getCurrentInstance',
  'getEnv',
  'ENV_TYPE',
  'eventCenter',
  'Events',
  'pxTransform',
  'initPxTransform',
  'nextTick',
  'getCurrentPages',
  'getApp',
  'options',
  'Current',
  'addInterceptor',
  'cleanInterceptors',
  'interceptors',
  'preload',
])

const typingsDir = () => path.join(path.dirname(require.resolve('miniprogram-api-typings/package.json')), 'types', 'wx')

const parse = (file: string) => ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true)

/** `需要基础库： \`2.25.0\`` in a member's doc comment (not the plugin line). */
function minLibOf(member: ts.Node, text: string): string | null {
  const comments = ts.getLeadingCommentRanges(text, member.getFullStart()) ?? []
  for (const c of comments) {
    for (const line of text.slice(c.pos, c.end).split('\n')) {
      if (line.includes('插件')) continue
      const m = /需要基础库[：:]\s*`([\d.]+)`/.exec(line)
      if (m) return m[1]
    }
  }
  return null
}

function membersOf(file: string, interfaceName: string): Map<string, string | null> {
  const source = parse(file)
  const text = source.getFullText()
  const out = new Map<string, string | null>()
  const visit = (node: ts.Node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === interfaceName) {
      for (const m of node.members) {
        if (!m.name || !(ts.isIdentifier(m.name) || ts.isStringLiteral(m.name))) continue
        const lib = minLibOf(m, text)
        const prev = out.get(m.name.text)
        // Overloads: the first (documented) one wins.
        if (prev === undefined || (prev === null && lib)) out.set(m.name.text, lib)
      }
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return out
}

let cached: Map<string, string | null> | undefined

/** Every member of `wx` (as `name`) and of `wx.cloud` (as `cloud.name`), with its base library. */
export function wxApis(): Map<string, string | null> {
  if (cached) return cached
  const dir = typingsDir()
  const wx = membersOf(path.join(dir, 'lib.wx.api.d.ts'), 'Wx')
  // wx.cloud itself arrived in base library 2.2.3 (WeChat cloud development).
  const cloudLib = wx.get('cloud') ?? '2.2.3'
  for (const [name, lib] of membersOf(path.join(dir, 'lib.wx.cloud.d.ts'), 'WxCloud')) wx.set(`cloud.${name}`, lib ?? cloudLib)
  cached = wx
  return wx
}

/** Source files the weapp build compiles (the `.h5.` platform files are H5 only). */
export function weappSources(srcRoot: string): string[] {
  return listFiles(srcRoot, ['.ts', '.tsx']).filter((f) => !/\.h5\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
}

/** Every `Taro.X`, `Taro.cloud.X` and named runtime import from @tarojs/taro in the weapp sources. */
export function taroCalls(srcRoot: string): TaroCall[] {
  const calls: TaroCall[] = []
  for (const rel of weappSources(srcRoot)) {
    const source = parse(path.join(srcRoot, rel))
    const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
    const visit = (node: ts.Node) => {
      if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Taro') {
        const name = node.name.text
        const parent = node.parent
        if (name === 'cloud' && ts.isPropertyAccessExpression(parent) && parent.expression === node)
          calls.push({ name: `cloud.${parent.name.text}`, file: rel, line: at(node) })
        else if (name !== 'cloud') calls.push({ name, file: rel, line: at(node) })
      }
      if (
        ts.isImportDeclaration(node) &&
        ts.isStringLiteral(node.moduleSpecifier) &&
        node.moduleSpecifier.text === '@tarojs/taro' &&
        !node.importClause?.isTypeOnly
      ) {
        const named = node.importClause?.namedBindings
        if (named && ts.isNamedImports(named)) {
          for (const el of named.elements) {
            const name = (el.propertyName ?? el.name).text
            if (!el.isTypeOnly && !/^use[A-Z]/.test(name)) calls.push({ name, file: rel, line: at(el) })
          }
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(source)
  }
  return calls
}

/** Calls WeChat does not have, as `file:line: Taro.X …`. */
export function unknownWxCalls(calls: TaroCall[], apis = wxApis()): string[] {
  return calls
    .filter((c) => !TARO_RUNTIME_ONLY.has(c.name) && !apis.has(c.name))
    .map((c) => `${c.file}:${c.line}: Taro.${c.name} is not a WeChat API (wx.${c.name} is not in miniprogram-api-typings)`)
}

export const compareVersions = (a: string, b: string) => {
  const pa = a.split('.').map(Number)
  const pb = b.split('.').map(Number)
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0)
    if (d) return Math.sign(d)
  }
  return 0
}

/** The lowest base library that has every called API, and the call that sets it. */
export function requiredBaseLibrary(calls: TaroCall[], apis = wxApis()): { version: string; because: string | null } {
  let version = '1.0.0'
  let because: string | null = null
  for (const c of calls) {
    const lib = apis.get(c.name)
    if (lib && compareVersions(lib, version) > 0) {
      version = lib
      because = `Taro.${c.name} (${c.file}:${c.line})`
    }
  }
  return { version, because }
}

/** What app.json may ask WeChat for, and how (see developers.weixin.qq.com, 全局配置). */
export interface AppPrivacyConfig {
  requiredPrivateInfos?: string[]
  permission?: Record<string, { desc?: string } | undefined>
}

/** The scopes app.json `permission` accepts. */
export const PERMISSION_SCOPES = new Set(['scope.userLocation', 'scope.userFuzzyLocation', 'scope.userLocationBackground'])
/** WeChat cuts (and review refuses) a permission purpose longer than this. */
export const PERMISSION_DESC_MAX = 30

/**
 * What WeChat would refuse in the app config, or what it would make fail on a phone:
 * an unknown or unused private-info declaration, a private API called but not declared,
 * getLocation with getFuzzyLocation (mutually exclusive), a location API without its
 * purpose, an unknown permission scope, an empty or over-long purpose.
 */
export function appPrivacyProblems(
  config: AppPrivacyConfig,
  calls: TaroCall[],
  privateInfoApis: readonly string[],
  userLocationApis: ReadonlySet<string>,
): string[] {
  const problems: string[] = []
  const declared = config.requiredPrivateInfos ?? []
  const called = new Map<string, TaroCall>()
  for (const c of calls) if (privateInfoApis.includes(c.name) && !called.has(c.name)) called.set(c.name, c)
  for (const d of declared) {
    if (!privateInfoApis.includes(d)) problems.push(`requiredPrivateInfos: "${d}" is not an API WeChat lets an app declare (${privateInfoApis.join(', ')})`)
    else if (!called.has(d)) problems.push(`requiredPrivateInfos: "${d}" is declared but no page calls Taro.${d}; declare only what is used`)
  }
  if (declared.includes('getLocation') && declared.includes('getFuzzyLocation'))
    problems.push('requiredPrivateInfos: WeChat refuses getLocation and getFuzzyLocation together')
  for (const [api, c] of called) {
    if (!declared.includes(api)) problems.push(`${c.file}:${c.line}: Taro.${api} needs "${api}" in app.config requiredPrivateInfos`)
    if (userLocationApis.has(api) && !config.permission?.['scope.userLocation']?.desc)
      problems.push(`${c.file}:${c.line}: Taro.${api} needs permission["scope.userLocation"].desc, the purpose shown to the user`)
  }
  for (const [scope, value] of Object.entries(config.permission ?? {})) {
    if (!PERMISSION_SCOPES.has(scope)) problems.push(`permission: "${scope}" is not a scope app.json can declare (${[...PERMISSION_SCOPES].join(', ')})`)
    const desc = value?.desc?.trim() ?? ''
    if (!desc) problems.push(`permission["${scope}"].desc is empty: say why the app needs it`)
    else if ([...desc].length > PERMISSION_DESC_MAX)
      problems.push(`permission["${scope}"].desc has ${[...desc].length} characters; WeChat allows ${PERMISSION_DESC_MAX}`)
  }
  return problems
}
