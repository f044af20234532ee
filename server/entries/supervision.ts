// Deployed entry of the `supervision` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { supervisionHandlers } from '../handlers/supervision'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('supervision', supervisionHandlers, event, cloud as unknown as WxCloud)
