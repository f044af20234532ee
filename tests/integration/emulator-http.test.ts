import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { createEmulator } from '../../emulator/server'
import { parseArgs } from '../../emulator/cli'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'

/** The emulator's HTTP surface (SPEC §4): what the H5 app and the tests talk to. */

let emu: TestEmulator
beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'none', clock: '2026-12-10T02:00:00Z' })
})
afterAll(() => emu.close())

test('health answers ok', async () => {
  const res = await fetch(emu.baseUrl + '/api/health')
  expect(await res.json()).toEqual({ ok: true })
})

test('bad JSON, an oversized body and an unknown function get clear errors, and the server keeps serving', async () => {
  const bad = await emu.post('/api/fn/account', '{"action": "whoami"')
  expect(bad.status).toBe(400)
  expect(bad.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

  const big = await emu.post('/api/fn/account', JSON.stringify({ action: 'whoami', pad: 'x'.repeat(101 * 1024) }))
  expect(big.status).toBe(413)
  expect(big.body.error.message).toMatch(/100 KB/)

  const unknown = await emu.post('/api/fn/dropTables', JSON.stringify({ action: 'x' }))
  expect(unknown.status).toBe(404)
  expect(unknown.body).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

  const notObject = await emu.post('/api/fn/account', '[1,2,3]')
  expect(notObject.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })

  expect((await emu.call('account', 'whoami')).ok).toBe(true)
})

test('a forged or missing session token makes an anonymous caller, never another user', async () => {
  const token = await emu.login('someone')
  const forged = token.slice(0, -2) + (token.endsWith('AA') ? 'BB' : 'AA')
  const answer = await emu.call('account', 'whoami', {}, forged)
  expect(answer.data.openid).toBe('')
  expect((await emu.call('account', 'whoami', {}, token)).data.openid).toBe('someone')
})

test('the dev clock sets the emulator time, which runs on from there; null returns to real time', async () => {
  await emu.setClock('2026-12-25T15:59:00Z') // a minute before midnight in Beijing: room for a busy machine
  let who = await emu.call('account', 'whoami')
  expect(who.data.today.date).toBe('2026-12-25')
  expect(who.data.today.quiet.active).toBe(true)
  await emu.setClock('2026-12-25T16:00:00Z')
  who = await emu.call('account', 'whoami')
  expect(who.data.today).toMatchObject({ date: '2026-12-26', quiet: { active: false } })
  const bad = await emu.post('/api/dev/clock', JSON.stringify({ now: 'yesterday' }))
  expect(bad.status).toBe(400)
  await emu.setClock(null)
  expect(Math.abs(emu.emulator.clock.now() - Date.now())).toBeLessThan(5_000)
})

test('answers carry security headers', async () => {
  const res = await fetch(emu.baseUrl + '/api/health')
  expect(res.headers.get('x-content-type-options')).toBe('nosniff')
  expect(res.headers.get('x-frame-options')).toBe('DENY')
})

test('with dev mode off the dev endpoints do not exist', async () => {
  const off = await createEmulator({ db: ':memory:', seed: 'none', dev: false, env: {}, storageDir: mkdtempSync(path.join(tmpdir(), 'ip-')) })
  const url = await off.app.listen({ port: 0, host: '127.0.0.1' })
  try {
    const res = await fetch(url + '/api/dev/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"openid":"x"}' })
    expect(res.status).toBe(404)
  } finally {
    await off.close()
  }
})

test('the command line takes the documented options and refuses bad ones', () => {
  expect(parseArgs(['--port', '9000', '--db', ':memory:', '--seed', 'none', '--clock', '2026-12-10T09:00:00+08:00', '--no-dev'])).toMatchObject({
    port: 9000,
    db: ':memory:',
    seed: 'none',
    dev: false,
    host: '127.0.0.1',
  })
  expect(() => parseArgs(['--seed', 'all'])).toThrow(/seed/)
  expect(() => parseArgs(['--clock', 'soon'])).toThrow(/clock/)
  expect(() => parseArgs(['--port', 'abc'])).toThrow(/port/)
})
