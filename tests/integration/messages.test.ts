import { contract } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * The company is told (SPEC §2.22), through the emulator over HTTP: a check-in puts a
 * 入企告知 in the company users' inbox, a result puts the result and the rating link there;
 * the complainant gets every step of their complaint (anonymous too), the county's and the
 * city's supervisors get the new complaint without the person; the officer gets the
 * result-deadline reminder. Each message also goes to the outbox (subscription messages).
 */

const roster = buildDemoRoster()
const co1 = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const { call } = emulatorSession(() => emu)
const inbox = async (openid: string) => {
  const res = await call(openid, 'account', 'messages')
  expect(res.ok).toBe(true)
  contract.account.messages.output.parse(res.data)
  return res.data as {
    items: Array<{ id: string; kind: string; title: string; body: string; page?: string; ref?: string; read: boolean }>
    unread: number
    cursor?: string
  }
}
/** The functions' template settings: the subscription template id of each message kind (TEMPLATE_<KIND>). */
const TEMPLATES: Record<string, string> = { TEMPLATE_CHECKIN_NOTICE: 'tpl-checkin', TEMPLATE_RESULT_NOTICE: 'tpl-result' }
const IN_CLOUD = process.env.CLOUD_WIRE === '1'
/**
 * The subscription messages of one kind sent to `touser`, their data as plain values. The
 * emulator's outbox records every message by its kind; the local cloud records what
 * subscribeMessage.send was given: the template id the settings name for the kind, and
 * `{ field: { value } }`.
 */
const outbox = async (kind: string, touser: string) => {
  const template = IN_CLOUD ? TEMPLATES[`TEMPLATE_${kind.toUpperCase()}`] : kind
  const sent = (await emu.emulator.db.collection('outbox').where({ template, touser }).get()).data as Array<{ data: Record<string, unknown> }>
  const plain = (data: Record<string, unknown>) => Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as { value: unknown }).value]))
  return sent.map((m) => ({ ...m, data: IN_CLOUD ? plain(m.data) : m.data }))
}
let n = 0
const checkIn = (openid: string) =>
  call(openid, 'inspection', 'checkIn', {
    scene: `c=${co1.id}`,
    clientRequestId: `msg-request-${++n}`,
    source: 'complaint',
    sourceRef: 'REF-2026-0001',
    location: at(co1),
  })

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-26T02:00:00Z', env: { ADMIN_OPENIDS: 'demo-admin', ...TEMPLATES } })
})
afterAll(async () => {
  await emu?.close()
})

describe('inspection notices to the company', () => {
  let inspectionId = ''

  it('a check-in puts 入企告知 in the company user’s inbox: department, officer and certificate number, source, time', async () => {
    const before = await inbox('demo-enterprise-1')
    const open = await checkIn('demo-officer-1')
    expect(open.error).toBeUndefined()
    expect(open).toMatchObject({ ok: true, data: { joined: false } })
    inspectionId = open.data.inspection.id
    const after = await inbox('demo-enterprise-1')
    expect(after.unread).toBe(before.unread + 1)
    const notice = after.items[0]
    expect(notice).toMatchObject({
      kind: 'checkin_notice',
      title: '入企检查告知',
      read: false,
      ref: `inspections/${inspectionId}`,
      page: `enterprise/inspection/index?id=${inspectionId}`,
    })
    expect(notice.body).toContain('赣州市市场监督管理局')
    expect(notice.body).toContain('张伟')
    expect(notice.body).toContain('36070000001')
    expect(notice.body).toContain('投诉举报核查')
    expect(notice.body).toContain('2026-12-26 10:00')
    const pushed = await outbox('checkin_notice', 'demo-enterprise-1')
    expect(pushed).toHaveLength(1)
    expect(pushed[0].data).toMatchObject({ department: '赣州市市场监督管理局', officers: '张伟 36070000001' })
  })

  it('a second officer joining tells nobody again; another company hears nothing', async () => {
    expect(await checkIn('demo-officer-2')).toMatchObject({ ok: true, data: { joined: true } })
    expect((await inbox('demo-enterprise-1')).items.filter((m) => m.ref === `inspections/${inspectionId}`)).toHaveLength(1)
    expect((await inbox('demo-enterprise-2')).items.some((m) => m.ref === `inspections/${inspectionId}`)).toBe(false)
    // A retry of the same request writes no second notice either.
    expect((await outbox('checkin_notice', 'demo-enterprise-1')).length).toBe(1)
  })

  it('the result puts the outcome, the rectification date and the rating link in the inbox', async () => {
    const res = await call('demo-officer-1', 'inspection', 'recordResult', {
      inspectionId,
      outcome: 'rectify',
      findings: '消防通道堆放杂物',
      rectifyBy: '2027-01-10',
    })
    expect(res.ok).toBe(true)
    const { items } = await inbox('demo-enterprise-1')
    expect(items[0]).toMatchObject({ kind: 'result_notice', title: '检查结果告知', page: `enterprise/rate/index?inspectionId=${inspectionId}` })
    expect(items[0].body).toContain('责令整改')
    expect(items[0].body).toContain('2027-01-10')
    expect(items[0].body).toContain('7 天内')
    expect(await outbox('result_notice', 'demo-enterprise-1')).toHaveLength(1)
  })

  it('markRead marks only the caller’s own messages', async () => {
    const mine = await inbox('demo-enterprise-1')
    const ids = mine.items.filter((m) => !m.read).map((m) => m.id)
    expect(ids.length).toBeGreaterThanOrEqual(2)
    expect(await call('demo-enterprise-2', 'account', 'markRead', { ids })).toMatchObject({ ok: true, data: { updated: 0 } })
    expect(await call('demo-enterprise-1', 'account', 'markRead', { ids: [ids[0]] })).toMatchObject({ ok: true, data: { updated: 1 } })
    expect(await call('demo-enterprise-1', 'account', 'markRead', { ids: [ids[0]] })).toMatchObject({ ok: true, data: { updated: 0 } })
    const after = await inbox('demo-enterprise-1')
    expect(after.unread).toBe(mine.unread - 1)
    expect(after.items.find((m) => m.id === ids[0])?.read).toBe(true)
    expect(await call('demo-enterprise-1', 'account', 'markRead', { ids: [] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
  })

  it('the ledger lists every officer of the scanned visit; the export is named by company and period', async () => {
    const ledger = await call('demo-enterprise-1', 'enterprise', 'ledger', {})
    const entry = ledger.data.items.find((e: { inspectionId?: string }) => e.inspectionId === inspectionId)
    expect(entry).toMatchObject({ source: 'scan', officerNames: ['张伟'], visitOfficerNames: ['张伟', '李娜'] })
    const exported = await call('demo-enterprise-1', 'enterprise', 'exportLedger', { from: '2026-12-01', to: '2026-12-31' })
    expect(exported.data.fileName).toBe(`${co1.name}_监测点台账_2026-12-01至2026-12-31.xlsx`)
    expect(exported.data.url).toEqual(expect.any(String))
  })

  it('an unbound caller has no inbox', async () => {
    expect(await call('msg-stranger', 'account', 'messages')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('complaint steps', () => {
  it('the anonymous complainant gets every step; supervisors get the new complaint without the person', async () => {
    const made = await call('demo-enterprise-1', 'enterprise', 'complain', { category: 'attitude', content: '检查人员态度恶劣，大声呵斥员工', anonymous: true })
    expect(made.ok).toBe(true)
    const id = made.data.complaint.id
    const steps = async () => (await inbox('demo-enterprise-1')).items.filter((m) => m.ref === `complaints/${id}`)
    expect((await steps()).map((m) => m.title)).toEqual(['投诉已收到'])

    for (const sup of ['demo-supervisor-city', 'demo-supervisor-county']) {
      const told = (await inbox(sup)).items.filter((m) => m.ref === `complaints/${id}`)
      expect(told).toHaveLength(1)
      expect(told[0]).toMatchObject({ kind: 'complaint_new', page: 'supervisor/complaints/index' })
      expect(told[0].body).toContain(co1.name)
      expect(told[0].body).not.toContain('周敏')
      expect(told[0].body).not.toContain('大声呵斥')
    }
    // Nobody else: not the officers, not the other company.
    for (const other of ['demo-officer-1', 'demo-enterprise-2']) expect((await inbox(other)).items.some((m) => m.ref === `complaints/${id}`)).toBe(false)

    for (const [step, text] of [
      ['accept', '已受理，正在核查'],
      ['reply', '经核查，已对相关人员批评教育'],
      ['close', '办结'],
    ]) {
      expect(await call('demo-supervisor-county', 'supervision', 'handleComplaint', { complaintId: id, step, text })).toMatchObject({ ok: true })
    }
    const titles = (await steps()).map((m) => m.title)
    expect(titles).toEqual(['投诉已办结', '投诉已答复', '投诉已受理', '投诉已收到'])
    expect((await steps())[1].body).toContain('已对相关人员批评教育')
    // The messages are addressed by a keyed hash: the stored documents name nobody.
    const stored = (
      await emu.emulator.db
        .collection('messages')
        .where({ ref: `complaints/${id}` })
        .get()
    ).data
    expect(JSON.stringify(stored)).not.toMatch(/demo-enterprise-1|u_[0-9a-f]{24}/)
  })
})

describe('the result-deadline reminder', () => {
  it('the scheduler puts the red-light reminder in each officer’s inbox', async () => {
    const open = await checkIn('demo-officer-1')
    const id = open.data.inspection.id
    await checkIn('demo-officer-2')
    await emu.setClock('2026-12-29T03:00:00Z')
    expect(await call('demo-admin', 'scheduler', 'run')).toMatchObject({ ok: true })
    for (const officer of ['demo-officer-1', 'demo-officer-2']) {
      const reminder = (await inbox(officer)).items.find((m) => m.ref === `inspections/${id}`)
      expect(reminder).toMatchObject({ kind: 'overdue_reminder', title: '检查结果逾期提醒', page: `officer/record-result/index?id=${id}` })
      expect(reminder!.body).toContain(co1.name)
    }
  })
})

describe('whoami', () => {
  it('hands the configured subscription templates to the client', async () => {
    const me = await call('demo-enterprise-1', 'account', 'whoami')
    expect(me.data.templates).toMatchObject({ checkin_notice: 'tpl-checkin', result_notice: 'tpl-result' })
    // A kind without a template in the settings is not offered.
    expect(me.data.templates.complaint_new).toBeUndefined()
  })
})
