/** Answers are checked against the contract in the emulator and in tests, never in the cloud (the dispatcher's `checkAnswers`). */
import { contract } from '@contract'
import { answerProblems } from '@server/platform/answer-check'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import type { Platform } from '@server/platform/context'
import { createFakeDb } from './fake-db'
import { TEST_KEYS } from '../helpers/keys'

const whoamiAnswer = {
  openid: 'x',
  user: null,
  today: { date: '2026-03-10', time: '10:00', quiet: { active: true, scope: 'park', firstDay: 1, lastDay: 25, windowEnd: '2026-03-25' } },
  city: { code: '3607', name: '赣州市', regions: [], basis: '' },
  rules: {
    quietPeriod: { enabled: true, firstDay: 1, lastDay: 25, scope: 'park', categories: [] },
    frequencyCap: { perDeptCompanyYear: 2, countedKinds: ['routine'] },
    team: { minOfficers: 2, joinWindowMinutes: 120 },
    repeated: { windowDays: 60, threshold: 2 },
    result: { dueDays: 3 },
    rating: { tokenTtlDays: 7, badAtMost: 2, followUpWorkingDays: 15, minCountForAggregate: 5 },
    complaint: { dueWorkingDays: 15 },
    certCard: { tokenTtlMinutes: 5 },
  },
}

describe('answerProblems', () => {
  it('accepts an answer as the contract declares it', () => {
    expect(answerProblems(contract.account.whoami.output, whoamiAnswer)).toEqual([])
  })

  it('names a field the contract does not declare, at any depth, once per array', () => {
    const answer = {
      ...whoamiAnswer,
      secretField: 1,
      city: {
        ...whoamiAnswer.city,
        regions: [
          { code: '360702', name: '章贡区', extra: 1 },
          { code: '360703', name: '南康区', extra: 2 },
        ],
      },
    }
    expect(answerProblems(contract.account.whoami.output, answer)).toEqual([
      'data.city.regions[].extra: not declared in types/',
      'data.secretField: not declared in types/',
    ])
  })

  it('names a field of the wrong shape', () => {
    const problems = answerProblems(contract.account.whoami.output, { ...whoamiAnswer, openid: 42 })
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatch(/^openid: /)
  })
})

describe('the dispatcher', () => {
  const platform = (checkAnswers: boolean): Platform => ({
    db: createFakeDb(),
    openid: '',
    clock: () => Date.parse('2026-03-10T02:00:00Z'),
    storage: { put: async () => ({ fileID: 'f' }), tempUrl: async () => 'u' },
    codes: { image: async () => '' },
    notify: { send: async () => {} },
    log: { info: () => {}, error: () => {} },
    env: {},
    keys: TEST_KEYS,
    checkAnswers,
  })
  const drifting = { whoami: { access: 'anyone' as const, handle: async () => ({ ...whoamiAnswer, internalNote: 'x' }) } }

  it('refuses an answer off the contract where answers are checked (emulator, tests)', async () => {
    clearSettingsCache()
    const res = await dispatch('account', drifting as never, { action: 'whoami' }, platform(true))
    expect(res).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
  })

  it('lets it through where they are not (the cloud: extra fields are allowed there)', async () => {
    clearSettingsCache()
    const res = await dispatch('account', drifting as never, { action: 'whoami' }, platform(false))
    expect(res).toMatchObject({ ok: true, data: { internalNote: 'x' } })
  })
})
