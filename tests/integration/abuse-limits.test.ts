import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { DEMO_BIND_CODES } from '../../emulator/seed/demo'
import { BIND_CODE_ALPHABET, BIND_CODE_LENGTH, BIND_CODE_TTL_DAYS } from '../../server/domain/bind-codes'
import { defaultSettings } from '@contract'

/**
 * Abuse limits (docs/RELIABILITY.md §4): every bind guess and every token look-up counts
 * per caller, also when sent all at once; guessing is hopeless by the numbers; the body
 * limit; security headers on the API and the pages.
 */

let emu: TestEmulator
const tokens: Record<string, string> = {}
const as = async (openid: string) => (tokens[openid] ??= await emu.login(openid))

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-28T02:00:00Z' })
})
afterAll(async () => {
  await emu?.close()
})

const officer = DEMO_BIND_CODES.officers[0]
const company = DEMO_BIND_CODES.companies[0]
const settings = defaultSettings()

describe('bind guesses', () => {
  it('counts every wrong guess per caller, even 40 sent at once: at most the hourly limit get an answer', async () => {
    const token = await as('guesser-concurrent')
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        emu.call('account', 'bindOfficer', { certNo: officer.certNo, name: officer.name, code: `WRONG${String(i).padStart(3, '0')}` }, token),
      ),
    )
    const codes = answers.map((a) => a.error?.code)
    expect(codes.filter((c) => c === 'FORBIDDEN').length).toBeLessThanOrEqual(settings.limits.bindAttemptsPerHour)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(40 - settings.limits.bindAttemptsPerHour)
    // The right code is refused too, until the next hour.
    expect(await emu.call('account', 'bindOfficer', { certNo: officer.certNo, name: officer.name, code: officer.code }, token)).toMatchObject({
      ok: false,
      error: { code: 'RATE_LIMITED' },
    })
  })

  it('counts guesses across both bind actions and every kind of wrong detail', async () => {
    const token = await as('guesser-mixed')
    const wrong = [
      () => emu.call('account', 'bindOfficer', { certNo: '99999999999', name: '无名', code: 'AAAAAAAA' }, token),
      () => emu.call('account', 'bindOfficer', { certNo: officer.certNo, name: '别人', code: officer.code }, token),
      () => emu.call('account', 'bindOfficer', { certNo: officer.certNo, name: officer.name, code: 'AAAAAAAA' }, token),
      () => emu.call('account', 'bindEnterprise', { uscc: company.uscc, code: 'AAAAAAAA' }, token),
    ]
    const got: string[] = []
    for (let i = 0; i < settings.limits.bindAttemptsPerHour + 2; i++) got.push((await wrong[i % wrong.length]()).error!.code)
    expect(got.slice(0, settings.limits.bindAttemptsPerHour).every((c) => c === 'FORBIDDEN')).toBe(true)
    expect(got.slice(settings.limits.bindAttemptsPerHour)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])
  })

  it('makes guessing a bind code hopeless: the numbers', () => {
    const space = BIND_CODE_ALPHABET.length ** BIND_CODE_LENGTH
    const perCallerPerLifetime = settings.limits.bindAttemptsPerHour * 24 * BIND_CODE_TTL_DAYS
    // 23^8 ≈ 7.8e10 codes; one WeChat account gets 7,200 guesses in a code's 30-day life.
    expect(space).toBeGreaterThan(7.8e10)
    expect(perCallerPerLifetime / space).toBeLessThan(1e-6)
    // Even 10,000 accounts guessing all month stay below a 0.1% chance.
    expect((10_000 * perCallerPerLifetime) / space).toBeLessThan(1e-3)
  })
})

describe('token look-ups (verifyOfficer, inspectionForRating, rate)', () => {
  it('count every look-up per caller across the three actions, also when sent at once', async () => {
    const token = await as('demo-enterprise-2')
    const limit = settings.limits.tokenLookupsPerHour
    const forged = 'r.AAAAAAAAAA.AAAAAAAAAAAAAAAA'
    const calls = Array.from({ length: limit + 20 }, (_, i) =>
      i % 3 === 0
        ? emu.call('enterprise', 'verifyOfficer', { token: 'c.AAAAAAAAAA.AAAAAAAAAAAAAAAA' }, token)
        : i % 3 === 1
          ? emu.call('enterprise', 'inspectionForRating', { token: forged }, token)
          : emu.call('enterprise', 'rate', { token: forged, score: 5 }, token),
    )
    const codes = (await Promise.all(calls)).map((a) => a.error?.code)
    expect(codes.filter((c) => c === 'TOKEN_INVALID').length).toBe(limit)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBe(20)
  })

  it('makes guessing a token hopeless: 60-bit random id and 96-bit MAC', () => {
    // A token is r.<10 base64url chars>.<16 base64url chars of HMAC-SHA256>; forging one
    // means guessing the MAC: 2^96 per try, at 60 tries an hour per account.
    expect((settings.limits.tokenLookupsPerHour * 24 * 365) / 2 ** 96).toBeLessThan(1e-20)
  })
})

describe('the HTTP surface', () => {
  it('refuses a body over 100 KB with 413 and an envelope', async () => {
    const res = await emu.post('/api/fn/account', JSON.stringify({ action: 'whoami', pad: 'x'.repeat(100 * 1024) }))
    expect(res.status).toBe(413)
    expect(res.body).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    const justUnder = await emu.post('/api/fn/account', JSON.stringify({ action: 'whoami', pad: 'x'.repeat(99 * 1024) }))
    expect(justUnder.status).toBe(200)
  })

  it('sends security headers on API answers, errors and pages', async () => {
    for (const res of [
      await fetch(`${emu.baseUrl}/api/health`),
      await fetch(`${emu.baseUrl}/api/fn/nope`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      await fetch(`${emu.baseUrl}/some/page`),
    ]) {
      expect(res.headers.get('x-content-type-options')).toBe('nosniff')
      expect(res.headers.get('x-frame-options')).toBe('DENY')
      expect(res.headers.get('referrer-policy')).toBe('no-referrer')
      expect(res.headers.get('content-security-policy')).toMatch(/default-src 'self'/)
      expect(res.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/)
    }
  })
})
