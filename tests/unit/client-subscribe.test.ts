/**
 * Subscription messages on the client (SPEC §2.22): the template ids come from whoami;
 * `askToSubscribe` asks WeChat for the configured ones during a tap, is a no-op on H5, and
 * never throws. The pages ask at the moments the SPEC names: before the officer's check-in,
 * when a complaint is filed, on the company's first visit to its inspections.
 */
import { readFileSync } from 'node:fs'
import path from 'node:path'

const requestSubscribeMessage = jest.fn()
jest.mock('@tarojs/taro', () => ({ __esModule: true, default: { requestSubscribeMessage: (...a: unknown[]) => requestSubscribeMessage(...a) } }))

import { askToSubscribe, rememberTemplates, templateIdsFor } from '@/services/subscribe'
import { codeKindOf } from '@/lib/scene'

const env = process.env.TARO_ENV
afterEach(() => {
  process.env.TARO_ENV = env
  requestSubscribeMessage.mockReset()
})

describe('askToSubscribe', () => {
  beforeEach(() => rememberTemplates({ checkin_notice: 'T-CHECKIN', result_notice: 'T-RESULT', complaint_update: 'T-COMPLAINT' }))

  it('asks WeChat for the configured templates of the kinds named, in order', async () => {
    process.env.TARO_ENV = 'weapp'
    requestSubscribeMessage.mockResolvedValue({ errMsg: 'requestSubscribeMessage:ok', 'T-CHECKIN': 'accept' })
    await askToSubscribe(['checkin_notice', 'result_notice'])
    expect(requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['T-CHECKIN', 'T-RESULT'] })
  })

  it('skips kinds without a template, and asks nothing when none is configured', async () => {
    process.env.TARO_ENV = 'weapp'
    expect(templateIdsFor(['overdue_reminder', 'complaint_update'])).toEqual(['T-COMPLAINT'])
    await askToSubscribe(['overdue_reminder'])
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })

  it('is a no-op on H5', async () => {
    process.env.TARO_ENV = 'h5'
    await askToSubscribe(['checkin_notice'])
    expect(requestSubscribeMessage).not.toHaveBeenCalled()
  })

  it('never throws when the user refuses or WeChat fails', async () => {
    process.env.TARO_ENV = 'weapp'
    requestSubscribeMessage.mockRejectedValue({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.' })
    await expect(askToSubscribe(['complaint_update'])).resolves.toBeUndefined()
  })
})

describe('the pages ask at the right moments', () => {
  const src = (p: string) => readFileSync(path.resolve(__dirname, '../../src', p), 'utf8')
  /** The body of a function declared as `const name = async () => { … }` up to its first await. */
  const beforeFirstAwait = (text: string, name: string) => {
    const start = text.indexOf(`const ${name} = async`)
    expect(start).toBeGreaterThanOrEqual(0)
    const body = text.slice(start)
    return body.slice(0, body.indexOf('await '))
  }

  it('the officer’s check-in asks for the result-deadline reminder inside the tap, before anything is awaited', () => {
    expect(beforeFirstAwait(src('officer/preview/index.tsx'), 'submit')).toContain("askToSubscribe(['overdue_reminder'])")
  })

  it('filing a complaint asks for its progress inside the tap, before anything is awaited', () => {
    expect(beforeFirstAwait(src('enterprise/complain/index.tsx'), 'submit')).toContain("askToSubscribe(['complaint_update'])")
  })

  it('the company’s inspections page shows the one-time subscribe card asking for the notice and the result', () => {
    expect(src('enterprise/inspections/index.tsx')).toContain('<SubscribeCard />')
    const card = src('enterprise/lib/SubscribeCard.tsx')
    expect(card).toContain("const KINDS = ['checkin_notice', 'result_notice'] as const")
    expect(card).toMatch(/onClick=\{\(\) => \{\s*void askToSubscribe\(\[\.\.\.KINDS\]\)/)
  })

  it('every whoami answer hands over the template ids (a page opened by a deep link has them too)', () => {
    expect(src('services/account/whoami.ts')).toContain('rememberTemplates(res.data.templates)')
  })
})

describe('codeKindOf', () => {
  it('tells a rating code from a certificate card and a gate code', () => {
    expect(codeKindOf('r.AbC123xyz0.QwErTy123456789A')).toBe('rating')
    expect(codeKindOf('c.AbC123xyz0.QwErTy123456789A')).toBe('card')
    expect(codeKindOf('c=co_0001')).toBe('gate')
    expect(codeKindOf('hello')).toBeNull()
    expect(codeKindOf(null)).toBeNull()
  })
})
