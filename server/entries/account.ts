// Deployed entry of the `account` cloud function: the only place that loads wx-server-sdk.
import cloud from 'wx-server-sdk'
import { runInCloud, type WxCloud } from '../platform/cloud'
import { accountHandlers } from '../handlers/account'

cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })

export const main = (event: unknown) => runInCloud('account', accountHandlers, event, cloud as unknown as WxCloud)
