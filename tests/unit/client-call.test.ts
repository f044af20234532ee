/** The client's call boundary: callFn shapes the event and never throws. */
jest.mock('@/services/transport', () => ({ transport: jest.fn() }))

import { callFn } from '@/services/call'
import { transport } from '@/services/transport'

const mockTransport = transport as jest.MockedFunction<typeof transport>

describe('callFn', () => {
  beforeEach(() => mockTransport.mockReset())

  it('sends { action, ...input } to the named function and passes a success envelope through', async () => {
    const data = { user: { id: 'u1', roles: ['officer'], name: '张伟' } }
    mockTransport.mockResolvedValue({ ok: true, data })
    const res = await callFn('account', 'bindOfficer', { certNo: 'GZ-1', name: '张伟', code: 'ABCD' })
    expect(mockTransport).toHaveBeenCalledWith('account', { certNo: 'GZ-1', name: '张伟', code: 'ABCD', action: 'bindOfficer' })
    expect(res).toEqual({ ok: true, data })
  })

  it('passes a failure envelope (with the server message) through', async () => {
    const error = { code: 'CONFLICT', message: '绑定码已被使用' }
    mockTransport.mockResolvedValue({ ok: false, error })
    expect(await callFn('account', 'bindEnterprise', { uscc: '91360702MA35ABCD1X', code: 'ABCD' })).toEqual({ ok: false, error })
  })

  it('turns a thrown transport error into INTERNAL with a Chinese message', async () => {
    mockTransport.mockRejectedValue(new Error('request:fail timeout'))
    const res = await callFn('account', 'whoami', {})
    expect(res).toEqual({ ok: false, error: { code: 'INTERNAL', message: '网络不稳定，请稍后重试' } })
  })

  it.each([null, undefined, 'Not found', { ok: false }, { ok: true }, { error: 'x' }])('turns a malformed answer %p into INTERNAL', async (answer) => {
    mockTransport.mockResolvedValue(answer)
    const res = await callFn('account', 'whoami', {})
    expect(res.ok).toBe(false)
    if (!res.ok) expect(res.error.code).toBe('INTERNAL')
  })

  it('lets the action name win over a stray `action` field in the input', async () => {
    mockTransport.mockResolvedValue({ ok: true, data: {} })
    await callFn('account', 'whoami', { action: 'grantRole' } as never)
    expect(mockTransport.mock.calls[0][1]).toEqual({ action: 'whoami' })
  })
})
