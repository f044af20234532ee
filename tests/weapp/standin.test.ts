import path from 'node:path'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { MiniProgram } from './standin/miniprogram'

/**
 * The stand-in itself, on a small plain mini-program (fixtures/standin-app): taps run the
 * handler the template names, navigation passes the query, and what WeChat would complain
 * about — a setData of undefined, a wx API WeChat does not have, a template that is not
 * found — is recorded as a problem, so the page tests fail on it.
 */

const ROOT = path.join(__dirname, 'fixtures', 'standin-app')
let emulator: TestEmulator
let mp: MiniProgram
beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'none' })
}, 60_000)
beforeEach(async () => {
  mp = await MiniProgram.launch({ emulator, openid: 'someone', root: ROOT, url: 'pages/index/index?start=1' })
})
afterEach(() => mp.close())
afterAll(async () => {
  await emulator?.close()
})

test('onLoad gets the query; a tap runs the handler the template binds; the page re-renders', async () => {
  await mp.see({ text: '计数 1' })
  await mp.tap({ id: 'add' })
  await mp.see({ text: '计数 2' })
  await mp.tap({ id: 'next' })
  await mp.waitForRoute('pages/next/index')
  await mp.see({ text: '来自 index' })
  expect(mp.stack.map((p) => p.route)).toEqual(['pages/index/index', 'pages/next/index'])
})

test('a template that is not found is a problem', async () => {
  expect(mp.problems).toEqual([])
  await mp.tap({ id: 'add' })
  mp.render()
  expect(mp.problems).toEqual([expect.stringMatching(/template: .*Template `nowhere` not found/)])
})

test('setData of undefined is a problem', async () => {
  await mp.tap({ id: 'break' })
  expect(mp.problems).toEqual(['setData on pages/index/index: field "missing" set to undefined, which WeChat refuses'])
})

test('a wx API WeChat does not have is a problem', async () => {
  await expect(mp.tap({ id: 'unknown' })).rejects.toThrow(/getPhoneUnlockCode is not a function/)
  expect(mp.problems).toEqual(['wx.getPhoneUnlockCode is used but the stand-in has no such WeChat API'])
})

test('nothing handles a tap on plain text', async () => {
  await expect(mp.tap({ id: 'count' })).rejects.toThrow(/nothing handles tap/)
})
