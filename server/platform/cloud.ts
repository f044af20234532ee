import type { FnName, Result } from '@contract'
import type { CodeMaker, FileStorage, Logger, Notifier, Platform } from './context'
import type { Database } from './db'
import { dispatch } from './dispatch'
import type { FunctionHandlers } from './handler'

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
    subscribeMessage: { send(p: { touser: string; templateId: string; page?: string; data: Record<string, { value: string }> }): Promise<unknown> }
  }
}

const jsonLogger: Logger = {
  info: (event, fields) => console.log(JSON.stringify({ level: 'info', event, ...fields })),
  error: (event, fields) => console.error(JSON.stringify({ level: 'error', event, ...fields })),
}

function cloudStorage(cloud: WxCloud): FileStorage {
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

function cloudCodes(cloud: WxCloud, storage: FileStorage): CodeMaker {
  return {
    async image({ scene, page }) {
      const { buffer } = await cloud.openapi.wxacode.getUnlimited({ scene, page, checkPath: false })
      const { fileID } = await storage.put(`codes/${page.replace(/\W+/g, '_')}/${scene.replace(/\W+/g, '_')}.png`, buffer, 'image/png')
      return fileID
    },
  }
}

/** Template ids come from the environment (TEMPLATE_<KEY>); an unset template is skipped. */
function cloudNotifier(cloud: WxCloud, env: Record<string, string | undefined>, log: Logger): Notifier {
  return {
    async send({ touser, template, page, data }) {
      const templateId = env[`TEMPLATE_${template.toUpperCase()}`]
      if (!templateId || !touser) return
      try {
        const wrapped = Object.fromEntries(Object.entries(data).map(([k, v]) => [k, { value: v }]))
        await cloud.openapi.subscribeMessage.send({ touser, templateId, page, data: wrapped })
      } catch (err) {
        // 43101: the user has not subscribed. A reminder is best effort, never a failure.
        log.info('notify_skipped', { template, reason: err instanceof Error ? err.message : String(err) })
      }
    },
  }
}

/** Runs one function call in WeChat cloud. `trusted` is for the timer trigger only. */
export function runInCloud<F extends FnName>(fn: F, handlers: Partial<FunctionHandlers<F>>, event: unknown, cloud: WxCloud): Promise<Result<unknown>> {
  const env = process.env
  const storage = cloudStorage(cloud)
  const isTimer = !!event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer'
  const platform: Platform = {
    // wx-server-sdk's Database satisfies the port: proved in tests/types/db-port.typetest.ts.
    db: cloud.database() as Database,
    openid: cloud.getWXContext().OPENID ?? '',
    clock: () => Date.now(),
    storage,
    codes: cloudCodes(cloud, storage),
    notify: cloudNotifier(cloud, env, jsonLogger),
    log: jsonLogger,
    env,
    trusted: isTimer,
  }
  const effectiveEvent = isTimer ? { action: 'run' } : event
  return dispatch(fn, handlers, effectiveEvent, platform)
}
