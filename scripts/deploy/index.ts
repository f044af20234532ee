// `npm run deploy` — build, validate and upload InspectPass to WeChat cloud.
// `npm run deploy -- --dry-run` — build, validate and compile (wcc, wcsc, the offline
// miniprogram-ci compile the upload runs) only: no network, no secrets.
// Configured by environment variables only (docs/deploy.md): WX_APPID, CLOUD_ENV,
// WX_PRIVATE_KEY_PATH, TCB_SECRET_ID, TCB_SECRET_KEY; optional DEPLOY_VERSION,
// DEPLOY_DESC, WX_CI_ROBOT, ADMIN_OPENIDS, TEMPLATE_*, MINIPROGRAM_STATE, FUNCTION_RUNTIME.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { planDatabase } from '../../server/platform/db-setup'
import { KEY_ENV } from '../../server/platform/keys'
import { FUNCTIONS, planFunctions, realDeployEnvProblems } from './plan'
import { deployRelease, loadTools } from './real'
import { describeRelease, validateRelease, type Problem } from './validate'
import { ciCompile, describeCiFailure } from '../weapp/ci-compile'
import { compileWxml, compileWxss, formatProblem } from '../weapp/wechat-compilers'

const ROOT = path.resolve(__dirname, '..', '..')
const args = new Set(process.argv.slice(2))
const dryRun = args.has('--dry-run')
const skipBuild = args.has('--skip-build')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

function run(cmd: string, argv: string[], env: Record<string, string | undefined> = {}) {
  console.log(`\n$ ${cmd} ${argv.join(' ')}`)
  const r = spawnSync(cmd, argv, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) {
    console.error(`\n✗ ${cmd} ${argv.join(' ')} failed (exit ${r.status ?? r.signal})`)
    process.exit(r.status ?? 1)
  }
}

function printProblems(problems: Problem[]) {
  const errors = problems.filter((p) => p.severity === 'error')
  const warnings = problems.filter((p) => p.severity === 'warning')
  for (const p of warnings) console.log(`  ⚠ ${p.where}: ${p.message}`)
  for (const p of errors) console.log(`  ✗ ${p.where}: ${p.message}`)
  return errors.length
}

function printPlan() {
  const facts = describeRelease(ROOT)
  const plan = planFunctions(process.env)
  console.log('\nRelease')
  console.log(
    `  mini-program main package ${kb(facts.mainPackage)}; ${Object.entries(facts.subpackages)
      .map(([r, n]) => `${r} ${kb(n)}`)
      .join(', ')}`,
  )
  for (const fn of plan) {
    const vars = Object.keys(fn.envVariables)
      .sort()
      .map((k) => (k === 'TZ' ? `TZ=${fn.envVariables.TZ}` : k))
    console.log(
      `  function ${fn.name.padEnd(11)} ${kb(facts.functions[fn.name] ?? 0).padStart(9)}  ${fn.runtime}, ${fn.timeout}s, variables: ${vars.join(', ')}`,
    )
  }
  const db = planDatabase()
  console.log(`  database: ${db.length} collections, ${db.reduce((n, c) => n + c.indexes.length, 0)} indexes, rule ${db[0]?.rule} on each`)
  for (const t of facts.templates) {
    const key = `TEMPLATE_${t.toUpperCase()}`
    console.log(`  subscription message ${t}: ${process.env[key] ? `template ${process.env[key]}` : `${key} not set — these messages will be skipped`}`)
  }
  for (const name of Object.values(KEY_ENV))
    if (!process.env[name]) console.log(`  ${name} not set — the functions refuse every call until it is (docs/deploy.md, "Keys")`)
  if (!process.env.ADMIN_OPENIDS) console.log('  ADMIN_OPENIDS not set — nobody is an administrator until it is (docs/deploy.md step 9)')
}

/** WeChat's template and stylesheet compilers over the build: what they refuse, the upload refuses. */
function compileWithWeChatTools(): boolean {
  const weapp = path.join(ROOT, 'dist', 'weapp')
  console.log("\nCompiling templates and stylesheets with WeChat's compilers (wcc, wcsc)…")
  const problems = [...compileWxml(weapp), ...compileWxss(weapp)]
  for (const p of problems) console.error(`  ✗ ${formatProblem(p, 'dist/weapp/')}`)
  if (problems.length)
    console.error(
      `\n✗ ${problems.length} file(s) WeChat would refuse (a stylesheet: run \`npx jest tests/unit/wxss-sources.test.ts\` to find it in src/). Nothing was uploaded.`,
    )
  else console.log('  ✓ every .wxml, .wxs and .wxss compiles')
  return !problems.length
}

async function main() {
  const env = process.env
  if (!dryRun) {
    const missing = realDeployEnvProblems(env, existsSync)
    if (missing.length) {
      console.error('Cannot deploy — set these environment variables (docs/deploy.md), or run `npm run deploy -- --dry-run`:')
      for (const m of missing) console.error(`  ✗ ${m}`)
      process.exit(1)
    }
  }

  if (!skipBuild) {
    run(process.execPath, [path.join('scripts', 'build-functions.mjs')])
    // CLOUD_ENV is compiled into the client (config/index.ts defineConstants).
    run(npm, ['run', 'build:weapp'], { NODE_ENV: 'production', CLOUD_ENV: env.CLOUD_ENV ?? '' })
  }

  console.log('\nValidating the release (validateRelease)…')
  const errors = printProblems(validateRelease(ROOT, { functions: FUNCTIONS }))
  printPlan()
  if (errors) {
    console.error(`\n✗ ${errors} problem(s) would make the upload fail or deploy something broken. Nothing was uploaded.`)
    process.exit(1)
  }

  if (!compileWithWeChatTools()) process.exit(1)
  console.log('\nCompiling the mini-program offline as the upload will (miniprogram-ci, project.config.json settings)…')
  const compiled = await ciCompile(path.join(ROOT, 'dist', 'weapp'))
  if (!compiled.ok) {
    console.error(`\n✗ ${describeCiFailure(compiled)}\nNothing was uploaded.`)
    process.exit(1)
  }
  console.log(
    `  ✓ ${Object.keys(compiled.sizes).length} files compiled in ${(compiled.ms / 1000).toFixed(0)} s${compiled.messages.length ? `; ${compiled.messages.join('; ')}` : ''}`,
  )
  if (dryRun) {
    console.log('\n✓ Dry run passed: the build is deployable. `npm run deploy` (with the variables of docs/deploy.md) uploads it.')
    return
  }

  if (!existsSync(path.join(ROOT, 'tools', 'deploy', 'node_modules', 'miniprogram-ci'))) run(npm, ['ci', '--prefix', 'tools/deploy', '--no-audit', '--no-fund'])
  const { ci, manager } = loadTools(ROOT, env.TCB_SECRET_ID!, env.TCB_SECRET_KEY!, env.CLOUD_ENV!)
  const version = env.DEPLOY_VERSION || (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version
  const sha = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim()
  await deployRelease(ci, manager, {
    root: ROOT,
    appid: env.WX_APPID!,
    envId: env.CLOUD_ENV!,
    privateKeyPath: path.resolve(env.WX_PRIVATE_KEY_PATH!),
    version,
    desc: env.DEPLOY_DESC || `企检码 ${version}${sha ? ` (${sha})` : ''}`,
    robot: env.WX_CI_ROBOT ? Number(env.WX_CI_ROBOT) : undefined,
    plan: planFunctions(env),
    log: (line) => console.log(`  ${line}`),
  })
  console.log('\n✓ Deployed. Next: docs/deploy.md steps 9–14 (first admin, data, gate codes, templates, privacy, review).')
}

main().catch((err) => {
  console.error(`\n✗ deploy failed: ${err instanceof Error ? err.message : String(err)}`)
  process.exit(1)
})
