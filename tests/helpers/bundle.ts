import path from 'node:path'
import type { Database } from '@server/platform/db'
import { TEST_KEYS } from './keys'

/**
 * Loading a deployed function bundle (`cloudfunctions/<fn>/index.js`, built by `npm test`)
 * with a stand-in for wx-server-sdk whose database is the emulator's: the code that runs is
 * byte for byte the code that is uploaded.
 */

export type BundleMain = (event: unknown, context?: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string; message: string; details?: any } }>

/** The SDK stand-in; `caller.openid` is what getWXContext answers (set it per call). */
export function fakeWxCloud(db: Database, caller: { openid: string }) {
  return {
    DYNAMIC_CURRENT_ENV: Symbol('env'),
    init: jest.fn(),
    database: () => db,
    getWXContext: () => ({ OPENID: caller.openid }),
    uploadFile: jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({ fileID: `cloud://test/${cloudPath}` })),
    getTempFileURL: jest.fn(async () => ({ fileList: [] })),
    openapi: { wxacode: { getUnlimited: jest.fn(async () => ({ buffer: Buffer.from('') })) }, subscribeMessage: { send: jest.fn(async () => ({})) } },
  }
}

export function loadBundle(fn: string, cloud: ReturnType<typeof fakeWxCloud>): { main: BundleMain } {
  const file = path.resolve(__dirname, '../../cloudfunctions', fn, 'index.js')
  let mod: { main: BundleMain } | undefined
  jest.isolateModules(() => {
    jest.doMock('wx-server-sdk', () => cloud, { virtual: true })
    mod = require(file)
  })
  return mod!
}

/** The function's environment as the deploy sets it: the keys (docs/deploy.md). */
export const BUNDLE_ENV = { INSPECTPASS_SIGNING_KEY: TEST_KEYS.signing, INSPECTPASS_SEALING_KEY: TEST_KEYS.sealing }
