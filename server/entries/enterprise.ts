// Deployed entry of the `enterprise` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { enterpriseHandlers } from '../handlers/enterprise'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('enterprise', enterpriseHandlers, event, cloud as unknown as WxCloud)
