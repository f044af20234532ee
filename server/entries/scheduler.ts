// Deployed entry of the `scheduler` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { schedulerHandlers } from '../handlers/scheduler'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('scheduler', schedulerHandlers, event, cloud as unknown as WxCloud)
