import { fieldLabel, invalidInputMessage } from '@server/platform/field-labels'
import { dispatch } from '@server/platform/dispatch'
import { registry } from '@server/functions'
import { openDatabase } from '../../emulator/db'
import { inProcessPlatform } from '../helpers/platform'

/** A refused input is worded for a person: the field by its name in Chinese, never its code name. */
describe('INVALID_INPUT messages', () => {
  it('name the field in words', () => {
    expect(fieldLabel(['exception', 'reason'])).toBe('特殊情形说明')
    expect(fieldLabel(['location', 'lat'])).toBe('纬度')
    expect(invalidInputMessage(['sourceRef'], '至少 4 个字符')).toBe('来源编号：至少 4 个字符')
    expect(invalidInputMessage(['somethingNew'], '格式不对')).toBe('输入有误：格式不对')
  })

  it('from the dispatcher, carry no field code name, and keep the path for the page', async () => {
    const db = openDatabase(':memory:')
    const answer = (await dispatch(
      'account',
      registry.account,
      { action: 'bindEnterprise', uscc: '91360702MA35XXXXXX', code: '' },
      inProcessPlatform(db, 'o1', Date.UTC(2026, 11, 1)),
    )) as {
      ok: boolean
      error: { code: string; message: string; details: { issues: Array<{ path: string[] }> } }
    }
    db.close()
    expect(answer.error.code).toBe('INVALID_INPUT')
    expect(answer.error.message.startsWith('绑定码：')).toBe(true)
    expect(answer.error.message).not.toContain('code')
    expect(answer.error.details.issues[0].path).toEqual(['code'])
  })
})
