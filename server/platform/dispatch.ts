import { randomBytes } from 'node:crypto'
import { contract, defaultSettings, Settings, type ErrorBody, type FnName, type Result } from '@contract'
import { z } from 'zod'
import type { Caller, Ctx, Platform, UserRecord } from './context'
import { isNotFound, recordCommand, withConflictRetry, type ConflictTally } from './db'
import { answerProblems } from './answer-check'
import { AppError } from './errors'
import { invalidInputMessage } from './field-labels'
import type { Access, FunctionHandlers } from './handler'
import { userIdFor } from './ids'

// Validation messages in Simplified Chinese: they reach people through INVALID_INPUT.
z.config(z.locales.zhCN())

/**
 * The one entry every platform calls: validate the event against the contract, resolve
 * the caller, run the handler, and turn every failure into the envelope. Unexpected
 * errors become INTERNAL with a request id; their details go to the log only.
 */
export async function dispatch<F extends FnName>(fn: F, handlers: FunctionHandlers<F>, event: unknown, platform: Platform): Promise<Result<unknown>> {
  const requestId = randomBytes(8).toString('hex')
  const tally: ConflictTally = { conflicts: 0, retries: 0, exhausted: 0 }
  try {
    if (!event || typeof event !== 'object' || Array.isArray(event)) {
      throw new AppError('INVALID_INPUT', '请求格式错误：应为对象')
    }
    const actionName = (event as Record<string, unknown>).action
    const actions = contract[fn] as Record<string, { input: z.ZodType; output: z.ZodType }>
    if (typeof actionName !== 'string' || !Object.prototype.hasOwnProperty.call(actions, actionName)) {
      throw new AppError('INVALID_INPUT', `未知的操作：${typeof actionName === 'string' ? actionName.slice(0, 40) : '(缺少 action)'}`, {
        actions: Object.keys(actions),
      })
    }
    const spec = actions[actionName]
    const handler = (handlers as unknown as Record<string, { access: Access; handle: (i: unknown, c: Ctx) => Promise<unknown> }>)[actionName]
    const { action: _omit, userInfo: _wx, ...fields } = event as Record<string, unknown>
    const parsed = spec.input.safeParse(fields)
    if (!parsed.success) {
      throw new AppError('INVALID_INPUT', describeIssues(parsed.error.issues), { issues: parsed.error.issues.map(cleanIssue) })
    }
    const now = platform.clock()
    const caller = platform.trusted ? systemCaller() : await resolveCaller(platform)
    authorize(handler.access, caller)
    recordCommand(platform.db)
    // Every transaction of the call is retried on a write conflict; the conflicts are logged.
    const ctx: Ctx = {
      db: withConflictRetry(platform.db, tally),
      caller,
      now,
      settings: await loadSettings(platform),
      storage: platform.storage,
      codes: platform.codes,
      notify: platform.notify,
      log: platform.log,
      requestId,
      secret: platform.keys.signing,
      sealingKey: platform.keys.sealing,
      env: platform.env,
    }
    const data = await handler.handle(parsed.data, ctx)
    if (platform.checkAnswers) {
      const problems = answerProblems(spec.output, data)
      if (problems.length) throw new Error(`answer of ${fn}.${actionName} is off the contract: ${problems.slice(0, 8).join('; ')}`)
    }
    return { ok: true, data }
  } catch (err) {
    return { ok: false, error: toErrorBody(err, requestId, platform, fn) }
  } finally {
    if (tally.conflicts) platform.log.info('write_conflicts', { requestId, fn, ...tally })
  }
}

function toErrorBody(err: unknown, requestId: string, platform: Platform, fn: string): ErrorBody {
  if (err instanceof AppError) {
    return err.details === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, details: err.details }
  }
  platform.log.error('internal_error', {
    requestId,
    fn,
    error: err instanceof Error ? { name: err.name, message: err.message, stack: err.stack } : String(err),
  })
  return { code: 'INTERNAL', message: `系统繁忙，请稍后再试（请求号 ${requestId}）`, details: { requestId } }
}

async function resolveCaller(platform: Platform): Promise<Caller> {
  const openid = platform.openid
  let user: UserRecord | null = null
  if (openid) {
    try {
      const got = await platform.db.collection('users').doc(userIdFor(openid)).get()
      user = got.data as unknown as UserRecord
    } catch (err) {
      if (!isNotFound(err)) throw err
    }
  }
  const admins = (platform.env.ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  if (openid && admins.includes(openid)) {
    const base: UserRecord = user ?? { _id: userIdFor(openid), openid, roles: [], name: '系统管理员', createdAt: 0, updatedAt: 0 }
    user = base.roles.includes('admin') ? base : { ...base, roles: [...base.roles, 'admin'] }
  }
  return { openid, user }
}

/** The timer trigger runs as the system: an admin with no openid. */
function systemCaller(): Caller {
  return { openid: '', user: { _id: 'system', openid: '', roles: ['admin'], name: '系统定时任务', createdAt: 0, updatedAt: 0 } }
}

function authorize(access: Access, caller: Caller): void {
  if (access === 'anyone') return
  if (!caller.user) throw new AppError('UNAUTHENTICATED')
  if (access === 'bound') return
  if (!access.some((role) => caller.user!.roles.includes(role))) throw new AppError('FORBIDDEN')
}

let settingsCache: { at: number; value: Settings; db: unknown } | null = null
/** Settings live in `system/settings` over the defaults; cached for a minute per instance. */
async function loadSettings(platform: Platform): Promise<Settings> {
  const t = Date.now() // cache age only; rule time comes from the platform clock
  if (settingsCache && settingsCache.db === platform.db && t - settingsCache.at < 60_000) return settingsCache.value
  let stored: Record<string, unknown> = {}
  try {
    const got = await platform.db.collection('system').doc('settings').get()
    const { _id, ...rest } = got.data as Record<string, unknown>
    stored = rest
  } catch (err) {
    if (!isNotFound(err)) throw err
  }
  const parsed = Settings.safeParse(stored)
  const value = parsed.success ? parsed.data : defaultSettings()
  if (!parsed.success) platform.log.error('settings_invalid', { issues: parsed.error.issues.map(cleanIssue) })
  settingsCache = { at: t, value, db: platform.db }
  return value
}

/** Forget cached settings (after an admin changes them, and in tests). */
export function clearSettingsCache(): void {
  settingsCache = null
}

function cleanIssue(issue: z.core.$ZodIssue) {
  return { path: issue.path.map(String), code: issue.code, message: issue.message }
}

function describeIssues(issues: z.core.$ZodIssue[]): string {
  const first = issues[0]
  return invalidInputMessage(
    first.path.map((p) => (typeof p === 'number' ? p : String(p))),
    first.message,
  )
}
