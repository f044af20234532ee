// `npm start`: build the H5 app if it is missing, then run the emulator with demo data.
// Extra arguments go to the emulator: `npm start -- --port 9000 --clock 2026-12-10T09:00:00+08:00`.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

if (!existsSync(path.join(root, 'dist', 'h5', 'index.html'))) {
  console.log('Building the H5 app (first start only, about 30 s)…')
  const built = spawnSync(npm, ['run', 'build:h5'], { cwd: root, stdio: 'inherit' })
  if (built.status !== 0) process.exit(built.status ?? 1)
}

const args = process.argv.slice(2)
const child = spawn(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'emulator', 'cli.ts'), ...args], {
  cwd: root,
  stdio: ['inherit', 'pipe', 'inherit'],
})
child.stdout.on('data', (chunk) => {
  const text = chunk.toString()
  process.stdout.write(text)
  const m = /listening on (\S+)/.exec(text)
  if (m) {
    console.log(`\n  企检码 InspectPass is running: open ${m[1]}/ in a browser.`)
    console.log('  The home page has a role switcher (演示身份切换) for every demo role.\n')
  }
})
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig))
child.on('exit', (code) => process.exit(code ?? 0))
