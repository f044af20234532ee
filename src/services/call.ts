import type { ActionName, FnName, Input, Output, Result } from '@contract'
import { transport } from './transport'

const NETWORK_FAILURE = { code: 'INTERNAL', message: '网络不稳定，请稍后重试' } as const

function isEnvelope(x: unknown): x is Result<unknown> {
  if (typeof x !== 'object' || x === null) return false
  const r = x as { ok?: unknown; data?: unknown; error?: { code?: unknown; message?: unknown } }
  if (r.ok === true) return 'data' in r
  return r.ok === false && typeof r.error?.code === 'string' && typeof r.error?.message === 'string'
}

/**
 * Calls one action of one cloud function, typed by the contract. Never throws: a network
 * failure or a malformed answer becomes `{ ok: false, error: { code: 'INTERNAL', … } }`.
 */
export async function callFn<F extends FnName, A extends ActionName<F>>(fn: F, action: A, input: Input<F, A>): Promise<Result<Output<F, A>>> {
  try {
    const answer = await transport(fn, { ...(input as object), action })
    if (isEnvelope(answer)) return answer as Result<Output<F, A>>
  } catch {
    // fall through: offline, timeout, cloud error, non-JSON body
  }
  return { ok: false, error: { ...NETWORK_FAILURE } }
}
