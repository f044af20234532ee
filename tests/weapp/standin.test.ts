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
  emulator = await startTestEmulator({ seed: 'none', clock: '2026-12-27T02:00:00Z' })
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

test('a date picker offers only the days between its start and end', async () => {
  await mp.pick('date', '2026-12-24')
  await mp.see({ text: '日期 2026-12-24' })
  await expect(mp.pick('date', '2026-11-30')).rejects.toThrow(/offers 2026-12-01 to 2026-12-27, not 2026-11-30/)
  await expect(mp.pick('date', '12/24')).rejects.toThrow(/date picker answers/)
  await expect(mp.pick('count', 1)).rejects.toThrow(/nothing handles change/)
})

test('a modal waits for the person: it covers the page until one of its buttons is tapped', async () => {
  await mp.tap({ id: 'ask' })
  expect(mp.modal).toMatchObject({ title: '确认？', content: '不可恢复', confirmText: '确认', cancelText: '再想想' })
  await expect(mp.tap({ id: 'add' })).rejects.toThrow(/covers the page/)
  expect(() => mp.modal!.tap('好的')).toThrow(/has no button "好的"/)
  await mp.tapModal('再想想')
  await mp.see({ text: '回答 no' })
  await mp.tap({ id: 'ask' })
  await mp.tapModal('确认')
  await mp.see({ text: '回答 yes' })
  expect(mp.modal).toBeNull()
})

test('a modal button of more than 4 characters: the dialog never shows and the call fails', async () => {
  await mp.tap({ id: 'ask-too-long' })
  expect(mp.modal).toBeNull()
  await mp.see({ text: /回答 showModal:fail confirmText length/ })
})

test('the phone’s clock agrees with the emulator’s', async () => {
  await mp.tap({ id: 'show-today' })
  await mp.see({ text: /^2026-12-27T02:0/ })
})
