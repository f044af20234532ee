import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import fastifyStatic from '@fastify/static'
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import path from 'node:path'
import { FN_NAMES, type FnName, type Result } from '@contract'
import type { Logger, Platform } from '../server/platform/context'
import { dispatch } from '../server/platform/dispatch'
import type { Keys } from '../server/platform/keys'
import { emulatorKeys } from './keys'
import { registry } from '../server/functions'
import { openDatabase } from './db'
import { createClock } from './clock'
import { createDiskStorage } from './storage'
import { createQrCodes } from './codes'
import { createOutbox } from './outbox'
import { issueToken, openidOfToken } from './sessions'

/** The cloud's limit on a function call's payload. */
export const MAX_BODY_BYTES = 100 * 1024

export interface EmulatorOptions {
  /** SQLite file path, or ':memory:'. */
  db: string
  seed: 'demo' | 'none'
  /** Start the clock at this instant (ISO); it runs on from there. */
  clock?: string
  /** Dev endpoints and the H5 role switcher. */
  dev: boolean
  /** Environment for the functions (ADMIN_OPENIDS, …). */
  env: Record<string, string | undefined>
  /** Folder of the H5 build to serve at `/` (skipped when missing). */
  staticDir?: string
  /** Folder for stored files. */
  storageDir: string
  /** Log every internal error to stderr (default true). */
  logErrors?: boolean
  /** The keys to use instead of those kept beside the database file (benchmarks, tests). */
  keys?: Keys
}

export interface Emulator {
  app: FastifyInstance
  db: ReturnType<typeof openDatabase>
  clock: ReturnType<typeof createClock>
  keys: Keys
  close(): Promise<void>
}

const envelope = (code: string, message: string): Result<never> => ({ ok: false, error: { code: code as never, message } })

export async function createEmulator(options: EmulatorOptions): Promise<Emulator> {
  const keys = options.keys ?? emulatorKeys(options.db)
  const db = openDatabase(options.db)
  const clock = createClock(options.clock)
  mkdirSync(options.storageDir, { recursive: true })
  const storage = createDiskStorage(options.storageDir)
  const codes = createQrCodes()
  const notify = createOutbox(db, () => clock.now())
  const log: Logger = {
    info: () => {},
    error: (event, fields) => {
      if (options.logErrors !== false) console.error(JSON.stringify({ level: 'error', event, ...fields }))
    },
  }
  if (options.seed === 'demo') {
    const { seedDemoIfEmpty } = await import('./seeding')
    await seedDemoIfEmpty(db, clock.now(), keys)
    // The clock ran on while seeding; `--clock` means the system starts at that instant.
    if (options.clock) clock.set(options.clock)
  }
  const secret = keys.signing

  const app = Fastify({ logger: false, bodyLimit: MAX_BODY_BYTES, trustProxy: false })

  const csp = contentSecurityPolicy(options.staticDir)
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Content-Security-Policy', csp)
    reply.header('X-Content-Type-Options', 'nosniff')
    reply.header('X-Frame-Options', 'DENY')
    reply.header('Referrer-Policy', 'no-referrer')
    reply.header('Cross-Origin-Opener-Policy', 'same-origin')
    return payload
  })

  app.setErrorHandler((err: { statusCode?: number; code?: string; message: string }, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return reply.code(413).send(envelope('INVALID_INPUT', '请求内容过大（上限 100 KB）'))
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.code(415).send(envelope('INVALID_INPUT', '请求须为 JSON（Content-Type: application/json）'))
    if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || err.statusCode === 400) return reply.code(400).send(envelope('INVALID_INPUT', '请求不是有效的 JSON'))
    // The static files refuse a path out of their folder (`/../`) with 403: answer as for any missing file.
    if (err.statusCode === 403 || err.statusCode === 404) return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
    log.error('http_error', { message: err.message, code: err.code })
    return reply.code(500).send(envelope('INTERNAL', '系统繁忙，请稍后再试'))
  })
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/')) return reply.code(404).send(envelope('NOT_FOUND', '没有这个接口'))
    return reply.code(404).type('text/plain; charset=utf-8').send('Not found')
  })

  const callerOpenid = (authorization: string | undefined): string => {
    const m = /^Bearer (.+)$/.exec(authorization ?? '')
    return m ? (openidOfToken(m[1], secret) ?? '') : ''
  }

  app.post<{ Params: { name: string } }>('/api/fn/:name', async (req, reply: FastifyReply) => {
    const name = req.params.name
    if (!(FN_NAMES as string[]).includes(name)) return reply.code(404).send(envelope('NOT_FOUND', `没有这个云函数：${name.slice(0, 40)}`))
    const platform: Platform = {
      db,
      openid: callerOpenid(req.headers.authorization),
      clock: () => clock.now(),
      storage,
      codes,
      notify,
      log,
      env: options.env,
      keys,
      // The emulator is never kinder than the cloud, and stricter with answers.
      checkAnswers: true,
    }
    const fn = name as FnName
    return dispatch(fn, registry[fn] as never, req.body ?? null, platform)
  })

  app.get('/api/health', async () => ({ ok: true }))

  // Stored files (exports, reports) are for signed-in callers only: the session travels as
  // the Authorization header or, for a plain download link, as `?session=`.
  app.get<{ Params: { '*': string }; Querystring: { session?: string } }>('/api/files/*', async (req, reply) => {
    const session = callerOpenid(req.headers.authorization) || (typeof req.query.session === 'string' ? (openidOfToken(req.query.session, secret) ?? '') : '')
    if (!session) return reply.code(401).send(envelope('UNAUTHENTICATED', '请先登录后再下载文件'))
    const file = await storage.read(req.params['*'])
    if (!file) return reply.code(404).send(envelope('NOT_FOUND', '文件不存在'))
    return reply
      .type(file.contentType)
      .header('Content-Disposition', `attachment; filename="${encodeURIComponent(path.basename(req.params['*']))}"`)
      .send(file.bytes)
  })

  if (options.dev) {
    // Dev endpoints hand out identities: only for requests addressed to this machine by a
    // loopback name (a page on the internet reaching 127.0.0.1 by DNS rebinding has another Host).
    app.addHook('onRequest', async (req, reply) => {
      if (req.url.startsWith('/api/dev/') && !isLoopbackHost(req.headers.host)) {
        return reply.code(403).send(envelope('FORBIDDEN', '开发接口只接受本机地址（localhost / 127.0.0.1）的请求'))
      }
    })
    app.post<{ Body: { openid?: unknown } }>('/api/dev/login', async (req, reply) => {
      const openid = req.body?.openid
      if (typeof openid !== 'string' || openid.length < 1 || openid.length > 128)
        return reply.code(400).send(envelope('INVALID_INPUT', 'openid 应为 1–128 个字符的字符串'))
      return { token: issueToken(openid, secret) }
    })
    app.post<{ Body: { now?: unknown } }>('/api/dev/clock', async (req, reply) => {
      const now = req.body?.now
      if (now !== null && (typeof now !== 'string' || Number.isNaN(Date.parse(now))))
        return reply.code(400).send(envelope('INVALID_INPUT', 'now 应为 ISO 时间字符串或 null'))
      clock.set(now as string | null)
      return { now: new Date(clock.now()).toISOString() }
    })
    app.get('/api/dev/personas', async () => {
      const { DEMO_PERSONAS } = await import('./seed/demo')
      return { items: DEMO_PERSONAS }
    })
  }

  if (options.staticDir && existsSync(path.join(options.staticDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: path.resolve(options.staticDir), prefix: '/', index: ['index.html'] })
  }

  return {
    app,
    db,
    clock,
    keys,
    async close() {
      await app.close()
      db.close()
    },
  }
}

/** True when a Host header names this machine: localhost (or *.localhost), 127.x.x.x or [::1], any port. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.replace(/:\d+$/, '')
  const lower = name.toLowerCase()
  return lower === 'localhost' || lower.endsWith('.localhost') || lower === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(lower)
}

/**
 * The H5 app's policy: everything from this origin; the one inline script of the H5 page
 * (Taro's root font-size snippet) by its hash; inline style attributes (React sets them);
 * QR codes as data: images. No plugins, no framing, no foreign connections.
 */
export function contentSecurityPolicy(staticDir?: string): string {
  const hashes: string[] = []
  const index = staticDir ? path.join(staticDir, 'index.html') : ''
  if (index && existsSync(index)) {
    for (const m of readFileSync(index, 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g))
      hashes.push(`'sha256-${createHash('sha256').update(m[1]).digest('base64')}'`)
  }
  return [
    "default-src 'self'",
    ["script-src 'self'", ...hashes].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ')
}
