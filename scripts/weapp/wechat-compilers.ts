import { spawnSync } from 'node:child_process'
import { accessSync, chmodSync, constants, copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * WeChat's own template and stylesheet compilers, `wcc` (WXML + WXS) and `wcsc` (WXSS), as
 * shipped by the npm package miniprogram-compiler. They are the compilers WeChat DevTools
 * runs, so a file they refuse is a file DevTools refuses. The package arrives without the
 * execute bit on its binaries; `compilerPath` sets it at use time.
 */

export interface CompileProblem {
  /** Path relative to the compiled root, as the compiler names it. */
  file: string
  line: number
  column: number
  message: string
}

export type Compiler = 'wcc' | 'wcsc'

const PLATFORM_DIR: Partial<Record<NodeJS.Platform, string>> = { linux: 'linux', darwin: 'mac', win32: 'windows' }

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/** The compiler's binary for this machine, made executable (or copied to a temp folder where it can be). */
export function compilerPath(name: Compiler): string {
  const dir = PLATFORM_DIR[process.platform]
  if (!dir || (dir === 'linux' && process.arch !== 'x64'))
    throw new Error(`miniprogram-compiler has no ${name} for ${process.platform}-${process.arch} (only Linux x64, macOS and Windows)`)
  const pkg = path.dirname(require.resolve('miniprogram-compiler/package.json'))
  const bin = path.join(pkg, 'bin', dir, process.platform === 'win32' ? `${name}.exe` : name)
  if (process.platform === 'win32' || isExecutable(bin)) return bin
  try {
    chmodSync(bin, 0o755)
    return bin
  } catch {
    // A read-only node_modules: run a copy.
    const copyDir = path.join(os.tmpdir(), 'miniprogram-compiler-bin')
    const copy = path.join(copyDir, name)
    if (!isExecutable(copy)) {
      mkdirSync(copyDir, { recursive: true })
      copyFileSync(bin, copy)
      chmodSync(copy, 0o755)
    }
    return copy
  }
}

/** Every file under `root` with one of the extensions, relative and with forward slashes, sorted. */
export function listFiles(root: string, exts: readonly string[]): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules') continue
      const full = path.join(dir, name)
      if (statSync(full).isDirectory()) walk(full)
      else if (exts.some((e) => name.endsWith(e))) out.push(path.relative(root, full).split(path.sep).join('/'))
    }
  }
  if (existsSync(root)) walk(root)
  return out.sort()
}

/**
 * Reads the compilers' messages. wcc: `file:line:col: message` (sometimes without the space);
 * wcsc: `ERR: file(line:col): message`. Lines that name no position are kept whole.
 */
export function parseCompilerOutput(output: string, fallbackFile: string): CompileProblem[] {
  const problems: CompileProblem[] = []
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line || /^error file count/i.test(line)) continue
    const wcsc = /^(?:ERR:\s*)?(.+?)\((\d+):(\d+)\):\s*(.*)$/.exec(line)
    const wcc = /^(.+?\.(?:wxml|wxs)):(\d+):(\d+):\s*(.*)$/.exec(line)
    const m = wcsc ?? wcc
    if (m) problems.push({ file: m[1].replace(/^\.\//, ''), line: Number(m[2]), column: Number(m[3]), message: m[4] })
    else problems.push({ file: fallbackFile, line: 0, column: 0, message: line.replace(/^ERR:\s*/, '') })
  }
  return problems
}

function run(name: Compiler, cwd: string, args: string[], fallbackFile: string): CompileProblem[] {
  const r = spawnSync(compilerPath(name), args, { cwd, maxBuffer: 64 * 1024 * 1024 })
  if (r.error) throw r.error
  if (r.status === 0) return []
  const text = r.stderr.toString().trim()
  const problems = parseCompilerOutput(text, fallbackFile)
  return problems.length ? problems : [{ file: fallbackFile, line: 0, column: 0, message: `${name} exited with ${r.status ?? r.signal} and no message` }]
}

const dedupe = (problems: CompileProblem[]) => {
  const seen = new Set<string>()
  return problems.filter((p) => {
    const key = `${p.file}:${p.line}:${p.column}:${p.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/**
 * Compiles every .wxml and .wxs under `root` with wcc, as DevTools does (all at once, so
 * imports resolve). wcc stops at the first error, so on a failure each script and then each
 * template (with the scripts that compile) is compiled on its own, to name every broken file.
 */
export function compileWxml(root: string): CompileProblem[] {
  const wxml = listFiles(root, ['.wxml'])
  const wxs = listFiles(root, ['.wxs'])
  const all = run('wcc', root, ['-d', ...wxml, ...wxs, '-gn', '$gwx'], wxml[0] ?? wxs[0] ?? '.')
  if (!all.length) return []
  const scripts = wxs.map((f) => ({ f, problems: run('wcc', root, ['-d', f, '-gn', '$gwx'], f) }))
  const goodScripts = scripts.filter((s) => !s.problems.length).map((s) => s.f)
  const templates = wxml.flatMap((f) => run('wcc', root, ['-d', f, ...goodScripts, '-gn', '$gwx'], f))
  const each = [...scripts.flatMap((s) => s.problems), ...templates]
  // Alone, a template may miss what it imports: those messages are not the template's fault.
  const found = each.filter((p) => !/not found/i.test(p.message))
  return dedupe(found.length ? found : all)
}

/**
 * Compiles every .wxss under `root` with wcsc (each file first, with all others as its
 * possible imports, so every broken stylesheet is named once).
 */
export function compileWxss(root: string, files: string[] = listFiles(root, ['.wxss'])): CompileProblem[] {
  if (!files.length) return []
  const all = run('wcsc', root, ['-db', '-pc', '0', ...files], files[0])
  if (!all.length) return []
  return dedupe(files.flatMap((f) => run('wcsc', root, ['-db', '-pc', '0', f, ...files.filter((x) => x !== f)], f)))
}

/**
 * The stylesheets of the mini-program's source (plain CSS, compiled as Taro copies them),
 * each through wcsc on its own: a selector WXSS refuses is named in `src/`, where it is fixed.
 */
export function checkSourceStylesheets(srcRoot: string): CompileProblem[] {
  const files = listFiles(srcRoot, ['.css', '.wxss'])
  return dedupe(files.flatMap((f) => run('wcsc', srcRoot, ['-db', '-pc', '0', f], f).filter((p) => !/not found from/.test(p.message))))
}

export const formatProblem = (p: CompileProblem, prefix = '') => `${prefix}${p.file}${p.line ? `:${p.line}:${p.column}` : ''}: ${p.message}`
