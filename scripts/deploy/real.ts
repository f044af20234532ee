import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { managerNodeAdmin, planDatabase, setupDatabase, type ManagerNodeLike } from '../../server/platform/db-setup'
import { ciCompileSettings, type ProjectSetting } from '../weapp/ci-compile'
import { runtimeMajor, MIN_RUNTIME_MAJOR, type FunctionPlan } from './plan'

/**
 * The real upload, given the two official tools (loaded from tools/deploy by index.ts, or
 * fakes in tests). Order: functions (code, settings, triggers), then the database setup,
 * then the mini-program — so a new client version never meets old functions.
 */

/** The slice of miniprogram-ci used here. */
export interface MiniprogramCi {
  Project: new (o: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string; ignores?: string[] }) => unknown
  upload(o: {
    project: unknown
    version: string
    desc?: string
    robot?: number
    setting?: Record<string, unknown>
    onProgressUpdate?: (t: unknown) => void
  }): Promise<unknown>
  cloud: {
    uploadFunction(o: {
      project: unknown
      env: string
      name: string
      path: string
      remoteNpmInstall: boolean
    }): Promise<{ filesCount: number; packSize: number }>
    createTimeTrigger(o: {
      project: unknown
      envId: string
      functionName: string
      triggersConfig: Array<{ name: string; type: string; config: string }>
    }): Promise<string>
  }
}

/** The slice of @cloudbase/manager-node used here (besides what db-setup uses). */
export interface CloudbaseManager extends ManagerNodeLike {
  functions: {
    getFunctionDetail(name: string): Promise<{
      Runtime?: string
      Environment?: { Variables?: Array<{ Key: string; Value: string }> }
      Triggers?: Array<{ TriggerName?: string; Type?: string; TriggerDesc?: string }>
    }>
    createFunction(p: { func: Record<string, unknown>; functionRootPath: string; force: boolean }): Promise<unknown>
    updateFunctionConfig(f: Record<string, unknown>): Promise<unknown>
    deleteFunctionTrigger(name: string, triggerName: string): Promise<unknown>
  }
}

export interface DeployContext {
  root: string
  appid: string
  envId: string
  privateKeyPath: string
  version: string
  desc: string
  robot?: number
  plan: FunctionPlan[]
  log: (line: string) => void
}

const isNotFound = (err: unknown) =>
  /ResourceNotFound|not exist|不存在/i.test(`${(err as { code?: string })?.code ?? ''} ${(err as Error)?.message ?? String(err)}`)

/** Existing variables stay (set by hand in the console); the plan's win. */
export function mergeEnv(existing: Array<{ Key: string; Value: string }> | undefined, planned: Record<string, string>): Record<string, string> {
  return { ...Object.fromEntries((existing ?? []).map((v) => [v.Key, v.Value])), ...planned }
}

export async function deployRelease(ci: MiniprogramCi, manager: CloudbaseManager, ctx: DeployContext): Promise<void> {
  const { root, log } = ctx
  const cloudRoot = path.join(root, 'cloudfunctions')
  const project = new ci.Project({
    appid: ctx.appid,
    type: 'miniProgram',
    projectPath: path.join(root, 'dist', 'weapp'),
    privateKeyPath: ctx.privateKeyPath,
    ignores: ['node_modules/**/*'],
  })

  for (const fn of ctx.plan) {
    let detail: Awaited<ReturnType<CloudbaseManager['functions']['getFunctionDetail']>> | null = null
    try {
      detail = await manager.functions.getFunctionDetail(fn.name)
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
    if (!detail) {
      // Created here (not by miniprogram-ci, which would pick an old Node runtime and a 3 s timeout).
      log(`function ${fn.name}: creating (${fn.runtime}, ${fn.timeout}s)`)
      await manager.functions.createFunction({
        func: {
          name: fn.name,
          runtime: fn.runtime,
          timeout: fn.timeout,
          memorySize: fn.memorySize,
          envVariables: fn.envVariables,
          installDependency: true,
          handler: 'index.main',
        },
        functionRootPath: cloudRoot,
        force: false,
      })
    } else {
      const major = runtimeMajor(detail.Runtime ?? '')
      if (major !== null && major < MIN_RUNTIME_MAJOR) {
        throw new Error(
          `function ${fn.name} exists with runtime ${detail.Runtime}, which cannot run the bundles. A runtime cannot be changed: delete the function in the cloud console (云开发控制台 → 云函数) and run the deploy again; it will be created with ${fn.runtime}.`,
        )
      }
    }
    const up = await ci.cloud.uploadFunction({ project, env: ctx.envId, name: fn.name, path: path.join(cloudRoot, fn.name), remoteNpmInstall: true })
    log(`function ${fn.name}: code uploaded (${up.filesCount} files, ${(up.packSize / 1024).toFixed(1)} KB)`)
    const envVariables = mergeEnv(detail?.Environment?.Variables, fn.envVariables)
    await manager.functions.updateFunctionConfig({ name: fn.name, timeout: fn.timeout, memorySize: fn.memorySize, envVariables })
    log(`function ${fn.name}: timeout ${fn.timeout}s, variables ${Object.keys(envVariables).sort().join(', ')}`)

    const config = JSON.parse(readFileSync(path.join(cloudRoot, fn.name, 'config.json'), 'utf8')) as {
      triggers?: Array<{ name: string; type: string; config: string }>
    }
    for (const t of config.triggers ?? []) {
      const current = (detail?.Triggers ?? []).find((x) => x.TriggerName === t.name)
      if (current && String(current.TriggerDesc ?? '').includes(t.config)) continue
      if (current) await manager.functions.deleteFunctionTrigger(fn.name, t.name)
      const res = await ci.cloud.createTimeTrigger({ project, envId: ctx.envId, functionName: fn.name, triggersConfig: [t] })
      // miniprogram-ci answers a sentence instead of throwing; only this one means success.
      if (res !== '创建定时触发器成功') throw new Error(`function ${fn.name}: creating timer trigger ${t.name} (${t.config}) failed: ${res}`)
      log(`function ${fn.name}: timer trigger ${t.name} = ${t.config}`)
    }
  }

  const report = await setupDatabase(managerNodeAdmin(manager, ctx.envId), planDatabase(), (line) => log(`database: ${line}`))
  log(`database: ${report.changes.length ? `${report.changes.length} change(s)` : 'already up to date'}`)
  if (report.extraIndexes.length) log(`database: indexes not declared by the code (left alone): ${report.extraIndexes.join(', ')}`)

  const projectConfig = JSON.parse(readFileSync(path.join(root, 'project.config.json'), 'utf8')) as { setting?: ProjectSetting }
  await ci.upload({
    project,
    version: ctx.version,
    desc: ctx.desc,
    robot: ctx.robot,
    // The same settings as the offline compile of the dry run (scripts/weapp/ci-compile.ts).
    setting: ciCompileSettings(projectConfig.setting),
    onProgressUpdate: () => {},
  })
  log(`mini-program ${ctx.version} uploaded as a development version (robot ${ctx.robot ?? 1}): submit it for review in 微信公众平台 → 管理 → 版本管理`)
}

/** Loads the tools installed in tools/deploy (by `npm ci --prefix tools/deploy`). */
export function loadTools(root: string, secretId: string, secretKey: string, envId: string): { ci: MiniprogramCi; manager: CloudbaseManager } {
  const toolsDir = path.join(root, 'tools', 'deploy')
  if (!existsSync(path.join(toolsDir, 'node_modules', 'miniprogram-ci'))) throw new Error('tools/deploy is not installed: run `npm ci --prefix tools/deploy`')
  const { createRequire } = require('node:module') as typeof import('node:module')
  const req = createRequire(path.join(toolsDir, 'package.json'))
  const ci = req('miniprogram-ci') as MiniprogramCi
  const mod = req('@cloudbase/manager-node') as { default?: unknown }
  const CloudBase = (mod.default ?? mod) as new (o: { secretId: string; secretKey: string; envId: string }) => CloudbaseManager
  return { ci, manager: new CloudBase({ secretId, secretKey, envId }) }
}
