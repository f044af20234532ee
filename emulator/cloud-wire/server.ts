import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { randomBytes } from 'node:crypto'
import type { Database } from '../../server/platform/db'
import { checkStoragePath, createDiskStorage, FILE_ID_PREFIX, FILE_URL_PREFIX } from '../storage'
import { wireDatabase, type WireAnswer, type WireDatabaseOptions } from './database'
import { WireError } from './decode'
import { callOpenApi, decodeOpenApiRequest, encodeOpenApiResponse } from './openapi'

/**
 * The local cloud over the wire: an HTTP server that answers wx-server-sdk 4.0.2 (through
 * @cloudbase/node-sdk) as WeChat cloud's API gateway does. Point a function process at it
 * with `TCB_CONTEXT_CNFG={"URL":"http://127.0.0.1:<port>/admin"}` (see runner.ts).
 * Every call is a POST to /admin: JSON `{ action, ...params }`, or multipart for `wx.openApi`.
 * Errors are HTTP 200 `{ code, message, requestId }`, as the gateway sends them.
 */

export interface CloudWireOptions extends WireDatabaseOptions {
  db: Database
  /** Folder for uploaded files. */
  storageDir: string
  /** The cloud's clock for what it stamps (outbox messages). */
  clock?: () => number
}

export interface CloudWire {
  url: string
  /** TCB_CONTEXT_CNFG for a function process. */
  contextConfig: string
  /** Calls answered, by action; errors answered, by wire code. */
  stats: { calls: Record<string, number>; errors: Record<string, number> }
  close(): Promise<void>
}

/** wx-server-sdk's TCB_ERR_CODE, the wire codes the SDK turns back into errCode numbers. */
const WIRE_CODE_BY_NUMBER: Record<number, string> = {
  [-501001]: 'SYS_ERR',
  [-501007]: 'INVALID_PARAM',
  [-502001]: 'DATABASE_REQUEST_FAILED',
  [-502002]: 'DATABASE_INVALID_OPERRATOR',
  [-502003]: 'DATABASE_PERMISSION_DENIED',
  [-502005]: 'DATABASE_COLLECTION_NOT_EXIST',
}

/**
 * An engine error → the wire's `{ code, message }`. The engine's errors carry the SDK's
 * text (`<api>:fail <errCode> <words>. <detail>`); the SDK adds the api and number back,
 * so only the detail travels. A write conflict travels as DATABASE_TRANSACTION_CONFLICT
 * (the code @cloudbase/database's own retry looks for, which wx-server-sdk's wrapper hides).
 */
export function wireError(err: unknown): { code: string; message: string } {
  if (err instanceof WireError) return { code: err.code, message: err.message }
  const e = err as { code?: unknown; errCode?: unknown; errMsg?: unknown; message?: unknown }
  const text = String(e?.errMsg ?? e?.message ?? err)
  const detail = text.replace(/^[\w.]+:fail\s*/, '').replace(/^-?\d{6}\s+[^.]*\.\s*/, '')
  if (e?.code === 'DATABASE_TRANSACTION_CONFLICT' || /WriteConflict/i.test(text)) return { code: 'DATABASE_TRANSACTION_CONFLICT', message: detail }
  const code = typeof e?.errCode === 'number' ? WIRE_CODE_BY_NUMBER[e.errCode] : undefined
  return { code: code ?? 'SYS_ERR', message: detail }
}

const MIME_BY_EXT: Record<string, string> = {
  png: 'image/png',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json',
  txt: 'text/plain; charset=utf-8',
}

/** The fields of a multipart/form-data body, as bytes (the SDK's `requestData` is binary, without a filename). */
export function multipartFields(body: Buffer, contentType: string): Map<string, Buffer> {
  const boundary = /boundary=("?)([^";]+)\1/.exec(contentType)?.[2]
  const fields = new Map<string, Buffer>()
  if (!boundary) return fields
  const delimiter = Buffer.from(`--${boundary}`)
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const start = at + delimiter.length
    if (body.subarray(start, start + 2).toString() === '--') break
    const next = body.indexOf(delimiter, start)
    if (next < 0) break
    const part = body.subarray(start + 2, next - 2) // after CRLF, before CRLF
    const split = part.indexOf('\r\n\r\n')
    const name = /name="([^"]*)"/.exec(part.subarray(0, split).toString('utf8'))?.[1]
    if (split >= 0 && name) fields.set(name, part.subarray(split + 4))
    at = next
  }
  return fields
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startCloudWire(options: CloudWireOptions): Promise<CloudWire> {
  const clock = options.clock ?? (() => Date.now())
  const database = wireDatabase(options.db, options)
  const storage = createDiskStorage(options.storageDir)
  const stats: CloudWire['stats'] = { calls: {}, errors: {} }
  let base = ''

  const storageAction = async (action: string, p: Record<string, unknown>): Promise<WireAnswer> => {
    if (action === 'storage.getUploadMetadata') {
      const rel = checkStoragePath(String(p.path ?? ''))
      return {
        data: {
          url: `${base}/cos/${rel.split('/').map(encodeURIComponent).join('/')}`,
          token: '',
          authorization: '',
          fileId: FILE_ID_PREFIX + rel,
          cosFileId: rel,
        },
      }
    }
    if (action === 'storage.batchGetDownloadUrl') {
      const list = Array.isArray(p.file_list) ? (p.file_list as Array<{ fileid?: string; max_age?: number }>) : []
      const download_list = await Promise.all(
        list.map(async ({ fileid, max_age }) => {
          try {
            return { fileID: fileid, tempFileURL: base + (await storage.tempUrl(String(fileid))), maxAge: max_age ?? 86400, code: 'SUCCESS' }
          } catch {
            return { fileID: fileid, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'file not found' }
          }
        }),
      )
      return { data: { download_list } }
    }
    throw new WireError('INVALID_PARAM', `${action} is not supported by the local cloud (emulator/cloud-wire)`)
  }

  const answer = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://local')
    const body = await readBody(req)
    // The upload itself (the SDK PUTs the bytes to the URL getUploadMetadata gave).
    if (req.method === 'PUT' && url.pathname.startsWith('/cos/')) {
      const rel = url.pathname.slice('/cos/'.length).split('/').map(decodeURIComponent).join('/')
      const ext = rel.split('.').pop() ?? ''
      await storage.put(rel, body, MIME_BY_EXT[ext] ?? 'application/octet-stream')
      res.writeHead(200).end('')
      return
    }
    if (req.method === 'GET' && url.pathname.startsWith(FILE_URL_PREFIX)) {
      const file = await storage.read(url.pathname.slice(FILE_URL_PREFIX.length))
      if (!file) res.writeHead(404).end('not found')
      else res.writeHead(200, { 'content-type': file.contentType }).end(file.bytes)
      return
    }
    if (req.method !== 'POST' || url.pathname !== '/admin') {
      res.writeHead(404).end('not found')
      return
    }
    const requestId = randomBytes(8).toString('hex')
    const contentType = req.headers['content-type'] ?? ''
    if (contentType.startsWith('multipart/form-data')) {
      // wx.openApi: the answer is a protobuf body, errors JSON.
      const form = multipartFields(body, contentType)
      const action = String(form.get('action'))
      stats.calls[action] = (stats.calls[action] ?? 0) + 1
      const data = form.get('requestData')
      if (action !== 'wx.openApi' || !data) {
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ code: 'INVALID_PARAM', message: `${action} is not supported by the local cloud`, requestId }))
        return
      }
      const out = await callOpenApi(String(form.get('apiName')), decodeOpenApiRequest(data), { db: options.db, clock })
      res.writeHead(200, { 'content-type': 'application/octet-stream' }).end(encodeOpenApiResponse(out.body, out.contentType))
      return
    }
    let params: Record<string, unknown>
    try {
      params = JSON.parse(body.toString('utf8')) as Record<string, unknown>
    } catch {
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'INVALID_PARAM', message: 'the body is not JSON', requestId }))
      return
    }
    const action = String(params.action ?? '')
    stats.calls[action] = (stats.calls[action] ?? 0) + 1
    let reply: WireAnswer
    try {
      reply = action.startsWith('database.') ? await database.handle(action, params) : await storageAction(action, params)
    } catch (err) {
      reply = wireError(err)
      stats.errors[reply.code as string] = (stats.errors[reply.code as string] ?? 0) + 1
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...reply, requestId }))
  }

  const server: Server = createServer((req, res) => {
    answer(req, res).catch((err) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' })
      res.end(String((err as Error)?.stack ?? err))
    })
  })
  server.keepAliveTimeout = 5_000
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    url: base,
    contextConfig: JSON.stringify({ URL: `${base}/admin` }),
    stats,
    async close() {
      await database.close()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
