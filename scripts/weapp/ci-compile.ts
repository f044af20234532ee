import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * The offline compile of miniprogram-ci (`ci.getCompiledResult`), the compile an upload
 * runs: with es6 and minify on it refuses broken JS, WXML, WXSS and JSON the way WeChat
 * DevTools does. It runs in a child process (scripts/weapp/ci-compile-worker.cjs) because
 * miniprogram-ci does not let its process exit; the child ends itself or is killed.
 */

/** The `setting` block of a project.config.json. */
export interface ProjectSetting {
  es6?: boolean
  enhance?: boolean
  postcss?: boolean
  minified?: boolean
}

/** miniprogram-ci's compile settings for a project.config.json `setting` (its names differ). */
export function ciCompileSettings(setting: ProjectSetting = {}): Record<string, boolean> {
  return {
    es6: setting.es6 ?? false,
    es7: setting.enhance ?? false,
    minify: setting.minified ?? false,
    autoPrefixWXSS: setting.postcss ?? false,
  }
}

/** The compile settings of the project at `projectPath` (its project.config.json). */
export function projectCompileSettings(projectPath: string): Record<string, boolean> {
  const config = JSON.parse(readFileSync(path.join(projectPath, 'project.config.json'), 'utf8')) as { setting?: ProjectSetting }
  return ciCompileSettings(config.setting)
}

export type CiCompileResult =
  | { ok: true; ms: number; sizes: Record<string, number>; messages: string[] }
  | { ok: false; ms: number; error: string; code?: number | string; stack?: string; output?: string }

/**
 * Compiles the mini-program at `projectPath` offline. Never rejects: a compile error, a
 * crash of the child and a timeout all come back as `{ ok: false, error }`.
 */
export function ciCompile(projectPath: string, options: { settings?: Record<string, boolean>; timeoutMs?: number } = {}): Promise<CiCompileResult> {
  const settings = options.settings ?? projectCompileSettings(projectPath)
  const timeoutMs = options.timeoutMs ?? 180_000
  const started = Date.now()
  // miniprogram-ci leaves an empty folder in its working directory per compile: give it its own.
  const cwd = mkdtempSync(path.join(os.tmpdir(), 'inspectpass-ci-compile-'))
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(__dirname, 'ci-compile-worker.cjs'), path.resolve(projectPath), JSON.stringify(settings)], {
      cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let out = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (out += d.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('close', (code, signal) => {
      clearTimeout(timer)
      rmSync(cwd, { recursive: true, force: true })
      const line = out.split('\n').find((l) => l.startsWith('CI_COMPILE_RESULT '))
      const ms = Date.now() - started
      if (line) {
        const result = JSON.parse(line.slice('CI_COMPILE_RESULT '.length)) as CiCompileResult
        resolve({ ...result, ms, ...(result.ok ? {} : { output: out.replace(line, '').trim().slice(-4000) }) })
      } else {
        const why = signal === 'SIGKILL' ? `timed out after ${Math.round(timeoutMs / 1000)} s` : `exited with ${code ?? signal} without a result`
        resolve({ ok: false, ms, error: `miniprogram-ci compile ${why}`, output: out.trim().slice(-4000) })
      }
    })
  })
}

/** One line per failure, for a test or the deploy dry run. */
export function describeCiFailure(result: CiCompileResult): string {
  if (result.ok) return ''
  return [`miniprogram-ci compile failed: ${result.error}${result.code ? ` (code ${result.code})` : ''}`, result.output ? `output:\n${result.output}` : '']
    .filter(Boolean)
    .join('\n')
}
