import { readFileSync } from 'node:fs'
import path from 'node:path'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { wxApis } from '../../scripts/weapp/wx-api'
import { MiniProgram, WEAPP_ROOT } from './standin/miniprogram'
import { standInApiNames } from './standin/wx'

/**
 * Every page of the weapp build, opened directly (as a shared link or a code would open it)
 * by a user of its package, renders something, with no template warning, no refused
 * setData, no error printed by page code and no wx API the stand-in lacks.
 */

const app = JSON.parse(readFileSync(path.join(WEAPP_ROOT, 'app.json'), 'utf8')) as { pages: string[]; subPackages: Array<{ root: string; pages: string[] }> }
const OPENID: Record<string, string> = { officer: 'demo-officer-1', enterprise: 'demo-enterprise-1', supervisor: 'demo-supervisor-city' }
const pages: Array<[string, string]> = [
  ...app.pages.map((p): [string, string] => [p, 'stranger-openid']),
  ...app.subPackages.flatMap((s) => s.pages.map((p): [string, string] => [`${s.root}/${p}`, OPENID[s.root] ?? 'demo-admin'])),
]

let emulator: TestEmulator
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo', clock: '2026-12-12T02:00:00Z' })
}, 60_000)
afterAll(async () => {
  await emulator?.close()
})
jest.setTimeout(30_000)

test.each(pages)('%s opened by %s renders without a problem', async (route, openid) => {
  const mp = await MiniProgram.launch({ emulator, openid, url: route })
  try {
    await mp.waitFor(() => mp.text().trim().length > 0, 'any text')
    await mp.settle(300)
    expect(mp.page.route).toBe(route)
    expect(mp.text().trim()).not.toBe('')
    expect(mp.problems).toEqual([])
  } finally {
    mp.close()
  }
})

test('the stand-in offers only APIs WeChat has', () => {
  const apis = wxApis()
  expect(standInApiNames().filter((n) => !apis.has(n))).toEqual([])
})
