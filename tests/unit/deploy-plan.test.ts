import path from 'node:path'
import { functionEnv, planFunctions, planProblems, realDeployEnvProblems } from '../../scripts/deploy/plan'
import { deployRelease, mergeEnv, type CloudbaseManager, type MiniprogramCi } from '../../scripts/deploy/real'
import { cronProblem, openapiUsed, templatesUsed } from '../../scripts/deploy/validate'

const ROOT = path.resolve(__dirname, '..', '..')

describe('the function plan', () => {
  test('every function gets TZ=Asia/Shanghai; admins and templates pass through; nothing else leaks', () => {
    const env = functionEnv({
      ADMIN_OPENIDS: 'o1,o2',
      TEMPLATE_OVERDUE_REMINDER: 'tpl',
      TEMPLATE_OVERDUE_REMINDER_FIELDS: 'company=thing1',
      TCB_SECRET_KEY: 'secret',
      PATH: '/bin',
      TEMPLATE_EMPTY: '',
    })
    expect(env).toEqual({ TZ: 'Asia/Shanghai', ADMIN_OPENIDS: 'o1,o2', TEMPLATE_OVERDUE_REMINDER: 'tpl', TEMPLATE_OVERDUE_REMINDER_FIELDS: 'company=thing1' })
    const plan = planFunctions({})
    expect(plan.map((p) => p.name)).toEqual(['account', 'inspection', 'enterprise', 'supervision', 'scheduler'])
    expect(plan.every((p) => p.envVariables.TZ === 'Asia/Shanghai' && p.runtime === 'Nodejs16.13')).toBe(true)
    expect(planProblems(plan)).toEqual([])
  })

  test('plan problems: old runtime, bad timeout, bad variable name', () => {
    const [p] = planFunctions({ FUNCTION_RUNTIME: 'Nodejs8.9' }, ['account'])
    expect(planProblems([{ ...p, timeout: 90, envVariables: { TZ: 'Asia/Shanghai', '1X': 'y' } }])).toEqual([
      expect.stringMatching(/runtime Nodejs8\.9 cannot run the bundles/),
      expect.stringMatching(/timeout 90s is outside 1–60s/),
      expect.stringMatching(/variable name 1X is not allowed/),
    ])
  })

  test('the real deploy names each missing variable', () => {
    expect(realDeployEnvProblems({}, () => false)).toEqual([
      expect.stringMatching(/^WX_APPID is not set/),
      expect.stringMatching(/^CLOUD_ENV is not set/),
      expect.stringMatching(/^WX_PRIVATE_KEY_PATH is not set/),
      expect.stringMatching(/^TCB_SECRET_ID \/ TCB_SECRET_KEY are not set/),
      expect.stringMatching(/^INSPECTPASS_SIGNING_KEY is not set/),
      expect.stringMatching(/^INSPECTPASS_SEALING_KEY is not set/),
    ])
    const keys = { INSPECTPASS_SIGNING_KEY: 'a'.repeat(64), INSPECTPASS_SEALING_KEY: 'b'.repeat(64) }
    expect(
      realDeployEnvProblems(
        { WX_APPID: 'wx123', CLOUD_ENV: 'e', WX_PRIVATE_KEY_PATH: '/k', TCB_SECRET_ID: 'a', TCB_SECRET_KEY: 'b', ...keys, INSPECTPASS_SEALING_KEY: 'short' },
        () => false,
      ),
    ).toEqual([
      expect.stringMatching(/does not look like an AppID/),
      expect.stringMatching(/no file at \/k/),
      expect.stringMatching(/^INSPECTPASS_SEALING_KEY is not set or shorter than 32/),
    ])
    expect(
      realDeployEnvProblems(
        { WX_APPID: 'wx0123456789abcdef', CLOUD_ENV: 'e', WX_PRIVATE_KEY_PATH: '/k', TCB_SECRET_ID: 'a', TCB_SECRET_KEY: 'b', ...keys },
        () => true,
      ),
    ).toEqual([])
    // The keys travel to every function, and nowhere else.
    expect(planFunctions(keys)[0].envVariables).toMatchObject(keys)
  })
})

describe('bundle scans and cron', () => {
  test('openapi calls and templates are found in minified code', () => {
    const code =
      'e.openapi.wxacode.getUnlimited({scene:t}),await n.openapi.subscribeMessage.send({touser:a}),s.notify.send({touser:u,template:"overdue_reminder"})'
    expect(openapiUsed(code)).toEqual(['subscribeMessage.send', 'wxacode.getUnlimited'])
    expect(templatesUsed(code)).toEqual(['overdue_reminder'])
  })

  test.each([
    ['0 0 * * * * *', null],
    ['0 */30 9-17 * * MON-FRI *', null],
    ['0 0 2 1 JAN,JUL * 2026', null],
    ['0 0 * * * *', /has 6 fields/],
    ['0 60 * * * * *', /minute field "60" is outside 0–59/],
    ['0 0 * 0 * * *', /day of month field "0" is outside 1–31/],
    ['0 0 * * * 7 *', /day of week field "7" is outside 0–6/],
    ['0 0 */0 * * * *', /bad step/],
  ])('cron %s', (expr, expected) => {
    const problem = cronProblem(expr)
    if (expected === null) expect(problem).toBeNull()
    else expect(problem).toMatch(expected)
  })
})

describe('the real deploy, against fakes of the official tools', () => {
  function fakes(
    existing: Record<
      string,
      { Runtime: string; Variables?: Array<{ Key: string; Value: string }>; Triggers?: Array<{ TriggerName: string; Type: string; TriggerDesc: string }> }
    >,
  ) {
    const calls: string[] = []
    const ci: MiniprogramCi = {
      Project: class {
        constructor(o: unknown) {
          calls.push(`project ${JSON.stringify(o)}`)
        }
      } as unknown as MiniprogramCi['Project'],
      async upload(o) {
        calls.push(`upload ${o.version}`)
        calls.push(`upload setting ${JSON.stringify(o.setting)}`)
        return {}
      },
      cloud: {
        async uploadFunction(o) {
          calls.push(`uploadFunction ${o.name} remote=${o.remoteNpmInstall}`)
          return { filesCount: 3, packSize: 2048 }
        },
        async createTimeTrigger(o) {
          calls.push(`trigger ${o.functionName} ${o.triggersConfig[0].config}`)
          return '创建定时触发器成功'
        },
      },
    }
    const manager = {
      functions: {
        async getFunctionDetail(name: string) {
          const f = existing[name]
          if (!f) throw Object.assign(new Error('[ResourceNotFound.Function] not found'), { code: 'ResourceNotFound.Function' })
          return { Runtime: f.Runtime, Environment: { Variables: f.Variables ?? [] }, Triggers: f.Triggers ?? [] }
        },
        async createFunction(p: { func: Record<string, unknown> }) {
          calls.push(`createFunction ${p.func.name} ${p.func.runtime}`)
          return {}
        },
        async updateFunctionConfig(f: Record<string, unknown>) {
          calls.push(`config ${f.name} ${JSON.stringify(f.envVariables)}`)
          return {}
        },
        async deleteFunctionTrigger(name: string, t: string) {
          calls.push(`deleteTrigger ${name} ${t}`)
          return {}
        },
      },
      database: {
        checkCollectionExists: async () => ({ Exists: true }),
        createCollectionIfNotExists: async () => ({}),
        describeCollection: async () => ({ Indexes: [] }),
        updateCollection: async () => {
          calls.push('db index')
          return {}
        },
      },
      commonService: () => ({
        call: async ({ Action }: { Action: string }) => (Action === 'DescribeSafeRule' ? { AclTag: 'CUSTOM', Rule: '{"read":false,"write":false}' } : {}),
      }),
    } as unknown as CloudbaseManager
    return { ci, manager, calls }
  }
  const ctx = (plan = planFunctions({ ADMIN_OPENIDS: 'o1' }, ['account', 'scheduler'])) => ({
    root: ROOT,
    appid: 'wx0123456789abcdef',
    envId: 'prod-1',
    privateKeyPath: '/keys/upload.key',
    version: '1.2.3',
    desc: 'd',
    plan,
    log: () => {},
  })

  test('creates missing functions with the right runtime, keeps hand-set variables, adds the timer once, uploads the client last', async () => {
    const { ci, manager, calls } = fakes({
      account: {
        Runtime: 'Nodejs16.13',
        Variables: [
          { Key: 'EXTRA', Value: 'kept' },
          { Key: 'TZ', Value: 'UTC' },
        ],
      },
    })
    await deployRelease(ci, manager, ctx())
    expect(calls.filter((c) => !c.startsWith('project') && c !== 'db index')).toEqual([
      'uploadFunction account remote=true',
      'config account {"EXTRA":"kept","TZ":"Asia/Shanghai","ADMIN_OPENIDS":"o1"}',
      'createFunction scheduler Nodejs16.13',
      'uploadFunction scheduler remote=true',
      'config scheduler {"TZ":"Asia/Shanghai","ADMIN_OPENIDS":"o1"}',
      'trigger scheduler 0 0 * * * * *',
      'upload 1.2.3',
      // project.config.json's release settings, in miniprogram-ci's names
      'upload setting {"es6":true,"es7":false,"minify":true,"autoPrefixWXSS":false}',
    ])
    expect(calls[0]).toContain(path.join(ROOT, 'dist', 'weapp'))
  })

  test('an existing identical timer is left alone; an old runtime stops the deploy with what to do', async () => {
    const same = fakes({
      account: { Runtime: 'Nodejs16.13' },
      scheduler: { Runtime: 'Nodejs18.15', Triggers: [{ TriggerName: 'hourly', Type: 'timer', TriggerDesc: '{"cron":"0 0 * * * * *"}' }] },
    })
    await deployRelease(same.ci, same.manager, ctx())
    expect(same.calls.some((c) => c.startsWith('trigger') || c.startsWith('deleteTrigger'))).toBe(false)

    const old = fakes({ account: { Runtime: 'Nodejs8.9' } })
    await expect(deployRelease(old.ci, old.manager, ctx())).rejects.toThrow(/runtime Nodejs8\.9.*delete the function in the cloud console/)
    expect(old.calls.some((c) => c.startsWith('upload'))).toBe(false)
  })

  test('mergeEnv: the plan wins over what is in the cloud', () => {
    expect(
      mergeEnv(
        [
          { Key: 'A', Value: '1' },
          { Key: 'TZ', Value: 'UTC' },
        ],
        { TZ: 'Asia/Shanghai' },
      ),
    ).toEqual({ A: '1', TZ: 'Asia/Shanghai' })
  })
})
