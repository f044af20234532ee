// Deployed entry of the `scheduler` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { registry } from '../functions'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('scheduler', registry.scheduler, event, cloud as unknown as WxCloud)
