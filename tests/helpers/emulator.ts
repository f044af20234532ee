import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { clearSettingsCache } from '../../server/platform/dispatch'
import { createEmulator, type Emulator } from '../../emulator/server'

export interface CallAnswer {
  ok: boolean
  data?: any
  error?: { code: string; message: string; details?: unknown }
}

/** A mini-program code image as the platform under test gives it: a data URL in the emulator, a stored file in the (local) cloud. */
export const CODE_IMAGE = process.env.CLOUD_WIRE === '1' ? /^local:\/\/codes\/.+\.png$/ : /^data:image\/png;base64,/

export interface TestEmulator {
  baseUrl: string
  emulator: Emulator
  login(openid: string): Promise<string>
  call(fn: string, action: string, fields?: object, token?: string): Promise<CallAnswer>
  /** POST raw text to a path; answers status and parsed body. */
  post(pathname: string, body: string, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>
  setClock(iso: string | null): Promise<void>
  close(): Promise<void>
}

/**
 * Starts the emulator in this process on a free loopback port, with an in-memory
 * database, and talks to it over HTTP exactly as the H5 app does.
 */
export async function startTestEmulator(
  opts: { seed?: 'demo' | 'none'; clock?: string; env?: Record<string, string>; db?: string; staticDir?: string } = {},
): Promise<TestEmulator> {
  // The `cloud` test project runs the same journeys through the real wx-server-sdk.
  if (process.env.CLOUD_WIRE === '1') return (await import('./cloud')).startCloudEmulator(opts)
  clearSettingsCache()
  const emulator = await createEmulator({
    db: opts.db ?? ':memory:',
    seed: opts.seed ?? 'none',
    clock: opts.clock,
    dev: true,
    env: { ADMIN_OPENIDS: 'admin-openid', ...opts.env },
    storageDir: mkdtempSync(path.join(tmpdir(), 'ip-files-')),
    staticDir: opts.staticDir,
    logErrors: true,
  })
  const address = await emulator.app.listen({ port: 0, host: '127.0.0.1' })
  const baseUrl = address
  const post = async (pathname: string, body: string, headers: Record<string, string> = {}) => {
    const res = await fetch(baseUrl + pathname, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })
    const text = await res.text()
    let parsed: unknown = text
    try {
      parsed = JSON.parse(text)
    } catch {
      /* keep text */
    }
    return { status: res.status, body: parsed as any, headers: res.headers }
  }
  return {
    baseUrl,
    emulator,
    post,
    async login(openid) {
      const res = await post('/api/dev/login', JSON.stringify({ openid }))
      return res.body.token as string
    },
    async call(fn, action, fields = {}, token) {
      const res = await post(`/api/fn/${fn}`, JSON.stringify({ action, ...fields }), token ? { authorization: `Bearer ${token}` } : {})
      if (res.status !== 200) throw new Error(`HTTP ${res.status}: ${JSON.stringify(res.body)}`)
      return res.body as CallAnswer
    },
    async setClock(iso) {
      await post('/api/dev/clock', JSON.stringify({ now: iso }))
    },
    async close() {
      await emulator.close()
    },
  }
}
