/**
 * What a release deploys, computed from the environment alone (no network): the
 * functions with their runtime, timeout and environment variables, and the variables the
 * deploy itself needs. The dry run validates this plan; the real deploy applies it.
 */
import { KEY_ENV, MIN_KEY_LENGTH } from '../../server/platform/keys'
import { FUNCTIONS } from '../package-sizes'

export { FUNCTIONS }
export type FunctionName = (typeof FUNCTIONS)[number]

/**
 * Runtime given to a function the deploy creates. The bundles target node16 (esbuild):
 * they use syntax Node 14 cannot parse (`||=`, `??=`), so 16 is the floor, checked on
 * every built bundle (tests/integration/build-output.test.ts); the runtime of an existing
 * function cannot be changed.
 */
export const DEFAULT_RUNTIME = 'Nodejs16.13'
export const MIN_RUNTIME_MAJOR = 16

/** Seconds; WeChat cloud allows at most 60. Exports (xlsx) and the scheduler need the longest. */
export const FUNCTION_TIMEOUTS: Record<FunctionName, number> = {
  account: 10,
  inspection: 10,
  enterprise: 20,
  supervision: 60,
  scheduler: 60,
}
export const MAX_TIMEOUT_S = 60

/** Every function runs with this time zone (a safety net: the code computes China days explicitly). */
export const FUNCTION_TZ = 'Asia/Shanghai'

export interface FunctionPlan {
  name: string
  runtime: string
  timeout: number
  memorySize: number
  envVariables: Record<string, string>
}

export type Env = Record<string, string | undefined>

const KEY_VARS: string[] = Object.values(KEY_ENV)

/** Variables passed to every function: TZ always; the keys, ADMIN_OPENIDS, TEMPLATE_*, MINIPROGRAM_STATE when set. */
export function functionEnv(env: Env): Record<string, string> {
  const out: Record<string, string> = { TZ: FUNCTION_TZ }
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined || value === '') continue
    if (key === 'ADMIN_OPENIDS' || key === 'MINIPROGRAM_STATE' || KEY_VARS.includes(key) || /^TEMPLATE_[A-Z0-9_]+$/.test(key)) out[key] = value
  }
  return out
}

export function planFunctions(env: Env, names: readonly string[] = FUNCTIONS): FunctionPlan[] {
  const runtime = env.FUNCTION_RUNTIME || DEFAULT_RUNTIME
  return names.map((name) => ({
    name,
    runtime,
    timeout: FUNCTION_TIMEOUTS[name as FunctionName] ?? 20,
    memorySize: 256,
    envVariables: functionEnv(env),
  }))
}

/** Node major of a CloudBase runtime name (`Nodejs16.13` → 16), or null. */
export function runtimeMajor(runtime: string): number | null {
  const m = /^Nodejs(\d+)(\.\d+)?$/i.exec(runtime)
  return m ? Number(m[1]) : null
}

/** Problems with the plan itself (checked by the dry run too). */
export function planProblems(plan: FunctionPlan[]): string[] {
  const out: string[] = []
  for (const fn of plan) {
    if (fn.envVariables.TZ !== FUNCTION_TZ)
      out.push(`function ${fn.name}: TZ is ${fn.envVariables.TZ ?? 'not set'} in the deploy plan; it must be ${FUNCTION_TZ}`)
    const major = runtimeMajor(fn.runtime)
    if (major === null || major < MIN_RUNTIME_MAJOR)
      out.push(`function ${fn.name}: runtime ${fn.runtime} cannot run the bundles (needs Nodejs${MIN_RUNTIME_MAJOR} or later, e.g. ${DEFAULT_RUNTIME})`)
    if (!(fn.timeout >= 1 && fn.timeout <= MAX_TIMEOUT_S)) out.push(`function ${fn.name}: timeout ${fn.timeout}s is outside 1–${MAX_TIMEOUT_S}s`)
    for (const [k, v] of Object.entries(fn.envVariables)) {
      if (!/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(k))
        out.push(`function ${fn.name}: environment variable name ${k} is not allowed (letters, digits, _; starts with a letter)`)
      if (v.length > 1000) out.push(`function ${fn.name}: environment variable ${k} is longer than 1000 characters`)
    }
    const total = Object.entries(fn.envVariables).reduce((n, [k, v]) => n + k.length + v.length, 0)
    if (total > 4096) out.push(`function ${fn.name}: environment variables total ${total} characters (limit 4 KB)`)
  }
  return out
}

/** What the real deploy needs from the environment; each missing or malformed variable is one message. */
export function realDeployEnvProblems(env: Env, fileExists: (p: string) => boolean): string[] {
  const out: string[] = []
  if (!env.WX_APPID) out.push('WX_APPID is not set: the mini-program AppID (微信公众平台 → 开发管理 → 开发设置)')
  else if (!/^wx[0-9a-f]{16}$/.test(env.WX_APPID)) out.push(`WX_APPID "${env.WX_APPID}" does not look like an AppID (wx + 16 hex digits)`)
  if (!env.CLOUD_ENV) out.push('CLOUD_ENV is not set: the cloud environment id (云开发控制台 → 设置 → 环境 ID)')
  if (!env.WX_PRIVATE_KEY_PATH) out.push('WX_PRIVATE_KEY_PATH is not set: the code upload key file (开发管理 → 开发设置 → 小程序代码上传)')
  else if (!fileExists(env.WX_PRIVATE_KEY_PATH)) out.push(`WX_PRIVATE_KEY_PATH: no file at ${env.WX_PRIVATE_KEY_PATH}`)
  if (!env.TCB_SECRET_ID || !env.TCB_SECRET_KEY)
    out.push('TCB_SECRET_ID / TCB_SECRET_KEY are not set: a Tencent Cloud API key for the database setup and function settings (docs/deploy.md step 5)')
  for (const name of KEY_VARS) {
    if ((env[name] ?? '').trim().length < MIN_KEY_LENGTH)
      out.push(
        `${name} is not set or shorter than ${MIN_KEY_LENGTH} characters: the functions refuse to run without it (docs/deploy.md, "Keys"; e.g. \`openssl rand -hex 32\`)`,
      )
  }
  if (env.DEPLOY_VERSION && !/^\d+\.\d+\.\d+([-.][0-9A-Za-z.]+)?$/.test(env.DEPLOY_VERSION))
    out.push(`DEPLOY_VERSION "${env.DEPLOY_VERSION}" is not a version like 1.2.3`)
  if (env.WX_CI_ROBOT && !(Number(env.WX_CI_ROBOT) >= 1 && Number(env.WX_CI_ROBOT) <= 30)) out.push('WX_CI_ROBOT must be a number from 1 to 30')
  if (env.MINIPROGRAM_STATE && !['developer', 'trial', 'formal'].includes(env.MINIPROGRAM_STATE))
    out.push('MINIPROGRAM_STATE must be developer, trial or formal')
  return out
}
