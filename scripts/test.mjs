// `npm test`: build what the tests check (cloud function bundles, weapp and H5 builds),
// then run every test project (the weapp project puts the weapp build through WeChat's
// compilers). The devtools project skips itself without WECHAT_DEVTOOLS_CLI.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const run = (cmd, args, env = {}) => {
  console.log(`\n$ ${cmd} ${args.join(' ')}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  if (r.status !== 0) process.exit(r.status ?? 1)
}

if (!process.argv.includes('--no-build')) {
  run(npm, ['run', 'build:functions'])
  run(npm, ['run', 'build:weapp'])
  run(npm, ['run', 'build:h5'])
}
run(process.execPath, [path.join(root, 'node_modules', 'jest', 'bin', 'jest.js'), ...process.argv.slice(2).filter((a) => a !== '--no-build')])
