import protobuf from 'protobufjs'
import QRCode from 'qrcode'
import type { Database } from '../../server/platform/db'
import { codeLink } from '../codes'

/**
 * `wx.openApi`: wx-server-sdk sends the call's parameters as a protobuf `CommApiData`
 * (each parameter a key with JSON bytes) and reads a protobuf `CommOpenApiResp` back.
 * The message shapes are those compiled into wx-server-sdk 4.0.2 (src/protobuf/openapi.js).
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: { key: { type: 'string', id: 1 }, value: { type: 'bytes', id: 2 }, contenttype: { type: 'string', id: 3 }, filename: { type: 'string', id: 4 } },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: { fields: { apiType: { type: 'int32', id: 1 }, openapiData: { type: 'OpenApiData', id: 2 }, appid: { type: 'string', id: 6 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
      },
    },
  },
})
const CommApiData = root.lookupType('CommApiData')
const CommOpenApiResp = root.lookupType('CommOpenApiResp')

/** The call's parameters (snake_case, as WeChat's HTTP API names them). */
export function decodeOpenApiRequest(bytes: Uint8Array): Record<string, unknown> {
  const msg = CommApiData.toObject(CommApiData.decode(bytes), { defaults: true }) as { openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> } }
  const params: Record<string, unknown> = {}
  for (const { key, value } of msg.openapiData?.pairs ?? []) params[key] = JSON.parse(Buffer.from(value).toString('utf8'))
  return params
}

export function encodeOpenApiResponse(body: Buffer, contentType: string): Buffer {
  return Buffer.from(CommOpenApiResp.encode(CommOpenApiResp.create({ respData: body, contentType, errorCode: 0, httpCode: 200 })).finish())
}

const json = (value: unknown) => ({ body: Buffer.from(JSON.stringify(value)), contentType: 'application/json; charset=utf-8' })

export interface OpenApiDeps {
  db: Database
  clock: () => number
}

/**
 * The open-API calls the functions make: `wxacode.getUnlimited` draws a QR code of the
 * page's link (the same limits on scene and page as WeChat; see emulator/codes.ts) and
 * `subscribeMessage.send` puts the message in the `outbox` collection. Anything else
 * answers WeChat's "api unauthorized" (48001), as a function without the permission would get.
 */
export async function callOpenApi(apiName: string, params: Record<string, unknown>, deps: OpenApiDeps): Promise<{ body: Buffer; contentType: string }> {
  if (apiName === 'wxacode.getUnlimited') {
    let link: string
    try {
      link = codeLink(params.scene as string, params.page as string)
    } catch (err) {
      return json({ errcode: 40097, errmsg: `invalid args: ${(err as Error).message}` })
    }
    return { body: await QRCode.toBuffer(link, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 280 }), contentType: 'image/png' }
  }
  if (apiName === 'subscribeMessage.send') {
    const {
      touser,
      template_id: templateId,
      page,
      data,
    } = params as { touser?: string; template_id?: string; page?: string; data?: Record<string, { value: string }> }
    if (!touser || !templateId || !data) return json({ errcode: 47003, errmsg: 'argument invalid! data.touser/template_id/data required' })
    await deps.db.collection('outbox').add({ data: { touser, template: templateId, page: page ?? '', data, createdAt: deps.clock() } })
    return json({ errcode: 0, errmsg: 'ok' })
  }
  return json({ errcode: 48001, errmsg: `api unauthorized: ${apiName} is not served by the local cloud` })
}
