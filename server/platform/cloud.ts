import { randomBytes } from 'node:crypto'
import type { FnName, Result } from '@contract'
import type { CodeMaker, FileStorage, Logger, Notifier, Platform } from './context'
import type { Database } from './db'
import { dispatch } from './dispatch'
import type { FunctionHandlers } from './handler'
import { keysFromEnv } from './keys'

/**
 * The WeChat cloud platform: fills the Platform from wx-server-sdk. Only the deployed
 * entries (server/entries/*) call this; the emulator has its own.
 */

/** The part of wx-server-sdk's `cloud` object we use (typed structurally, so tests never load the SDK). */
export interface WxCloud {
  database(): unknown
  getWXContext(): { OPENID?: string }
  uploadFile(p: { cloudPath: string; fileContent: Buffer }): Promise<{ fileID: string }>
  getTempFileURL(p: { fileList: string[] }): Promise<{ fileList: Array<{ fileID: string; tempFileURL: string; status: number }> }>
  openapi: {
    wxacode: { getUnlimited(p: { scene: string; page: string; checkPath?: boolean; envVersion?: string }): Promise<{ buffer: Buffer; contentType?: string }> }
    subscribeMessage: {
      send(p: {
        touser: string
        templateId: string
        page?: string
        data: Record<string, { value: string }>
        miniprogramState?: string
        lang?: string
      }): Promise<unknown>
    }
  }
}

/**
 * One JSON line per event, each carrying the function, the action and an invocation id,
 * so every line of one call can be found together in the cloud log search. The call
 * summary line also carries the dispatcher's request id (the one an INTERNAL answer shows
 * the user), which links a user's report to the whole call.
 */
export function jsonLogger(base: Record<string, unknown>, sink: Pick<Console, 'log' | 'error'> = console): Logger {
  const line = (level: string, event: string, fields?: Record<string, unknown>) =>
    JSON.stringify({ ts: new Date().toISOString(), level, event, ...base, ...fields })
  return {
    info: (event, fields) => sink.log(line('info', event, fields)),
    error: (event, fields) => sink.error(line('error', event, fields)),
  }
}

export function cloudStorage(cloud: WxCloud): FileStorage {
  return {
    async put(path, bytes) {
      const { fileID } = await cloud.uploadFile({ cloudPath: path, fileContent: bytes })
      return { fileID }
    },
    async tempUrl(fileID) {
      const { fileList } = await cloud.getTempFileURL({ fileList: [fileID] })
      return fileList[0]?.tempFileURL ?? ''
    },
  }
}

/** Codes made by this instance, by page and scene: a retry or a second view reuses the stored image. */
const codeCache = new Map<string, string>()
const CODE_CACHE_MAX = 500

export function cloudCodes(cloud: WxCloud, storage: FileStorage): CodeMaker {
  return {
    async image({ scene, page }) {
      const key = `${page}|${scene}`
      const cached = codeCache.get(key)
      if (cached) return cached
      const { buffer } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false })
      const { fileID } = await storage.put(`codes/${page.replace(/\W+/g, '_')}/${scene.replace(/\W+/g, '_')}.png`, buffer, 'image/png')
      if (codeCache.size >= CODE_CACHE_MAX) codeCache.delete(codeCache.keys().next().value as string)
      codeCache.set(key, fileID)
      return fileID
    },
  }
}

/** Forget generated codes (tests). */
export function clearCodeCache(): void {
  codeCache.clear()
}

/** Per-field length limits of subscription-message values, by the field's type prefix. */
const FIELD_LIMITS: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  character_string: 32,
  number: 32,
  letter: 32,
  symbol: 5,
  car_number: 8,
  phone_number: 17,
  amount: 32,
}

/** `YYYY年M月D日[ HH:mm]` in China time, from epoch ms or an ISO string (WeChat's date/time field format). */
function chinaDateText(value: string, withTime: boolean): string {
  const ms = /^\d{10,}$/.test(value) ? Number(value) : Date.parse(value)
  if (!Number.isFinite(ms)) return value
  const d = new Date(ms + 8 * 3600_000) // China has no DST: UTC+8 always
  const date = `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`
  return withTime ? `${date} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}` : date
}

/** Formats one value for a template field (`thing1`, `time2`, …) so WeChat accepts it. */
export function templateValue(field: string, value: string): string {
  const type = field.replace(/\d+$/, '')
  if (type === 'time') return chinaDateText(value, true)
  if (type === 'date') return chinaDateText(value, /T\d\d:|^\d{10,}$/.test(value))
  const limit = FIELD_LIMITS[type]
  if (limit && [...value].length > limit) return [...value].slice(0, limit - 1).join('') + '…'
  return value
}

/**
 * The template's fields for our data keys: `TEMPLATE_<KEY>_FIELDS=company=thing1,date=date2`.
 * Without a mapping the data keys are sent as they are.
 */
export function templateData(data: Record<string, string>, mapping: string | undefined): Record<string, { value: string }> {
  const map = new Map(
    (mapping ?? '')
      .split(',')
      .map((pair) => pair.split('=').map((x) => x.trim()))
      .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1]),
  )
  const out: Record<string, { value: string }> = {}
  for (const [key, value] of Object.entries(data)) {
    if (map.size && !map.has(key)) continue // a key the template has no field for
    const field = map.get(key) ?? key
    out[field] = { value: templateValue(field, String(value)) }
  }
  return out
}

const errCodeOf = (err: unknown): number | undefined => {
  const e = err as { errCode?: number; errcode?: number; message?: string }
  if (typeof e?.errCode === 'number') return e.errCode
  if (typeof e?.errcode === 'number') return e.errcode
  const m = /errCode:\s*(-?\d+)|\b(43101)\b/.exec(String(e?.message ?? ''))
  return m ? Number(m[1] ?? m[2]) : undefined
}

/**
 * Template ids come from the environment (TEMPLATE_<KEY>, e.g. TEMPLATE_OVERDUE_REMINDER),
 * field names from TEMPLATE_<KEY>_FIELDS. An unset template is skipped; a user who has not
 * subscribed (43101) is skipped; both are normal, never a failure of the call.
 */
export function cloudNotifier(cloud: WxCloud, env: Record<string, string | undefined>, log: Logger): Notifier {
  return {
    async send({ touser, template, page, data }) {
      const key = `TEMPLATE_${template.toUpperCase()}`
      const templateId = env[key]
      if (!templateId || !touser) {
        if (!templateId) log.info('notify_skipped', { template, reason: `${key} not set` })
        return
      }
      try {
        await cloud.openapi.subscribeMessage.send({
          touser,
          templateId,
          page,
          data: templateData(data, env[`${key}_FIELDS`]),
          miniprogramState: env.MINIPROGRAM_STATE || 'formal',
          lang: 'zh_CN',
        })
        log.info('notify_sent', { template })
      } catch (err) {
        const errCode = errCodeOf(err)
        const reason = err instanceof Error ? err.message : String(err)
        // 43101: the user has not subscribed (or used up the one-time subscription).
        if (errCode === 43101) log.info('notify_not_subscribed', { template, errCode })
        else log.error('notify_failed', { template, errCode, reason })
      }
    },
  }
}

/**
 * True only for the platform's own timer trigger: the caller has no OPENID (every call from
 * the mini-program carries one) and the event has the trigger's marks (Type, TriggerName,
 * Time). An event that merely says `Type: 'Timer'` from a user is an ordinary call.
 */
export function isTimerTrigger(event: unknown, openid: string | undefined): boolean {
  if (openid) return false
  if (!event || typeof event !== 'object') return false
  const e = event as { Type?: unknown; TriggerName?: unknown; Time?: unknown }
  return e.Type === 'Timer' && typeof e.TriggerName === 'string' && e.TriggerName.length > 0 && typeof e.Time === 'string'
}

/**
 * `cloud.database()` builds a new object on every call: taken once per function instance,
 * so what is cached per database (settings, the conflict-retry wrapper) is reused
 * by every warm call.
 */
const databases = new WeakMap<WxCloud, Database>()
export function databaseOf(cloud: WxCloud): Database {
  let db = databases.get(cloud)
  if (!db) {
    // wx-server-sdk's Database satisfies the port: proved in tests/types/db-port.typetest.ts.
    db = cloud.database() as Database
    databases.set(cloud, db)
  }
  return db
}

/** Runs one function call in WeChat cloud. `trusted` is for the timer trigger only. */
export async function runInCloud<F extends FnName>(fn: F, handlers: FunctionHandlers<F>, event: unknown, cloud: WxCloud): Promise<Result<unknown>> {
  const started = Date.now() // duration for the log only; rule time comes from the platform clock
  const env = process.env
  const openid = cloud.getWXContext().OPENID ?? ''
  const isTimer = isTimerTrigger(event, openid)
  const effectiveEvent = isTimer ? { action: 'run' } : event
  const rawAction = effectiveEvent && typeof effectiveEvent === 'object' ? (effectiveEvent as { action?: unknown }).action : undefined
  const action = typeof rawAction === 'string' ? rawAction.slice(0, 40) : undefined
  const invocationId = randomBytes(6).toString('hex')
  const log = jsonLogger({ fn, action, invocationId })
  const found = keysFromEnv(env)
  if ('missing' in found) {
    // No keys, no service: tokens and sealed contacts cannot be made or read safely.
    log.error('keys_missing', { missing: found.missing })
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `云函数未配置密钥（${found.missing.join('、')}），请联系系统管理员按部署说明设置`,
        details: { missing: found.missing },
      },
    }
  }
  const storage = cloudStorage(cloud)
  const platform: Platform = {
    db: databaseOf(cloud),
    openid,
    clock: () => Date.now(),
    storage,
    codes: cloudCodes(cloud, storage),
    notify: cloudNotifier(cloud, env, log),
    log,
    env,
    keys: found.keys,
    trusted: isTimer,
  }
  const result = await dispatch(fn, handlers, effectiveEvent, platform)
  const error = result.ok ? undefined : result.error
  const requestId = (error?.details as { requestId?: string } | undefined)?.requestId
  const summary = { ok: result.ok, code: error?.code, requestId, ms: Date.now() - started, timer: isTimer || undefined }
  if (error?.code === 'INTERNAL') log.error('call', summary)
  else log.info('call', summary)
  return result
}
