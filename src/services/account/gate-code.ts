import type { Input } from '@contract'
import { callFn } from '../call'

/** The company's gate code 企业码 (scene, path, image) to print at the entrance. */
export const gateCode = (input: Input<'account', 'gateCode'>) => callFn('account', 'gateCode', input)
