import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

/**
 * Package and bundle sizes, with the budgets they must stay within. Sizes are
 * deterministic, so the budgets are checked by a test in CI (tests/integration/build-output).
 */

export const ROOT = path.resolve(__dirname, '..')
export const FUNCTIONS = ['account', 'inspection', 'enterprise', 'supervision', 'scheduler'] as const

export const BUDGETS = {
  /** WeChat's hard limit is 2 MB per package; we keep far below it for low-end phones. */
  weappMainPackage: 700 * 1024,
  weappSubpackage: 500 * 1024,
  functionBundle: 400 * 1024,
}

function folderSize(dir: string, skip: Set<string> = new Set()): number {
  let total = 0
  for (const name of readdirSync(dir)) {
    if (skip.has(name)) continue
    const full = path.join(dir, name)
    const st = statSync(full)
    total += st.isDirectory() ? folderSize(full) : st.size
  }
  return total
}

export interface Sizes {
  mainPackage: number
  subpackages: Record<string, number>
  functions: Record<string, number>
}

/** Measures dist/weapp (main package = everything outside the subpackage roots) and the function bundles. */
export function measureSizes(): Sizes {
  const weapp = path.join(ROOT, 'dist', 'weapp')
  const appJson = JSON.parse(readFileSync(path.join(weapp, 'app.json'), 'utf8')) as { subPackages?: Array<{ root: string }> }
  const roots = (appJson.subPackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const subpackages = Object.fromEntries(roots.map((r) => [r, folderSize(path.join(weapp, r))]))
  // project.config.json in the output is DevTools metadata, not part of the package.
  const mainPackage = folderSize(weapp, new Set([...roots, 'project.config.json']))
  const functions = Object.fromEntries(FUNCTIONS.map((fn) => [fn, statSync(path.join(ROOT, 'cloudfunctions', fn, 'index.js')).size]))
  return { mainPackage, subpackages, functions }
}

/** Every size over its budget, as readable lines. */
export function budgetBreaches(s: Sizes): string[] {
  const out: string[] = []
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  if (s.mainPackage > BUDGETS.weappMainPackage) out.push(`weapp main package ${kb(s.mainPackage)} > ${kb(BUDGETS.weappMainPackage)}`)
  for (const [r, n] of Object.entries(s.subpackages)) if (n > BUDGETS.weappSubpackage) out.push(`subpackage ${r} ${kb(n)} > ${kb(BUDGETS.weappSubpackage)}`)
  for (const [f, n] of Object.entries(s.functions)) if (n > BUDGETS.functionBundle) out.push(`function ${f} ${kb(n)} > ${kb(BUDGETS.functionBundle)}`)
  return out
}

if (require.main === module) {
  const s = measureSizes()
  const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
  console.log(`weapp main package  ${kb(s.mainPackage)}  (budget ${kb(BUDGETS.weappMainPackage)})`)
  for (const [r, n] of Object.entries(s.subpackages)) console.log(`weapp ${r.padEnd(13)} ${kb(n)}  (budget ${kb(BUDGETS.weappSubpackage)})`)
  for (const [f, n] of Object.entries(s.functions)) console.log(`function ${f.padEnd(11)} ${kb(n)}  (budget ${kb(BUDGETS.functionBundle)})`)
  const breaches = budgetBreaches(s)
  if (breaches.length) {
    console.error('Over budget:\n  ' + breaches.join('\n  '))
    process.exit(1)
  }
}
