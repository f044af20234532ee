// Deployed entry of the `inspection` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { inspectionHandlers } from '../handlers/inspection'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('inspection', inspectionHandlers, event, cloud as unknown as WxCloud)
