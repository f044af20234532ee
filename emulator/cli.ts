// `npm run serve -- [--port N] [--db PATH|:memory:] [--seed demo|none] [--clock ISO] [--no-dev] [--host H]`
import path from 'node:path'
import { createEmulator } from './server'

interface CliOptions {
  port: number
  host: string
  db: string
  seed: 'demo' | 'none'
  clock?: string
  dev: boolean
}

export function parseArgs(argv: string[]): CliOptions {
  const opts: CliOptions = { port: 8787, host: '127.0.0.1', db: '.data/inspectpass.db', seed: 'demo', dev: true }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const value = () => {
      const v = argv[++i]
      if (v === undefined) throw new Error(`${arg} needs a value`)
      return v
    }
    if (arg === '--port') opts.port = Number(value())
    else if (arg === '--host') opts.host = value()
    else if (arg === '--db') opts.db = value()
    else if (arg === '--seed') {
      const s = value()
      if (s !== 'demo' && s !== 'none') throw new Error('--seed must be demo or none')
      opts.seed = s
    } else if (arg === '--clock') {
      const c = value()
      if (Number.isNaN(Date.parse(c))) throw new Error('--clock must be an ISO date-time')
      opts.clock = c
    } else if (arg === '--no-dev') opts.dev = false
    else throw new Error(`unknown option ${arg}`)
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('--port must be 0–65535')
  return opts
}

async function main() {
  let opts: CliOptions
  try {
    opts = parseArgs(process.argv.slice(2))
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  const root = path.resolve(__dirname, '..')
  if (opts.db !== ':memory:') {
    const { mkdirSync } = await import('node:fs')
    mkdirSync(path.dirname(path.resolve(opts.db)), { recursive: true })
  }
  const emulator = await createEmulator({
    db: opts.db,
    seed: opts.seed,
    clock: opts.clock,
    dev: opts.dev,
    env: { ...process.env, ADMIN_OPENIDS: process.env.ADMIN_OPENIDS ?? (opts.dev ? 'demo-admin' : '') },
    staticDir: path.join(root, 'dist', 'h5'),
    storageDir: path.join(root, '.data', 'files'),
  })
  const address = await emulator.app.listen({ port: opts.port, host: opts.host })
  const url = address.replace('[::1]', '127.0.0.1')
  console.log(`listening on ${url}`)
  const stop = async () => {
    await emulator.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) void main()
