import ExcelJS from 'exceljs'
import { contract } from '@contract'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { emulatorSession } from '../helpers/session'
import { deptCounter } from '../helpers/counters'
import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo'

/**
 * The monitoring-point ledger 台账 (SPEC §2.11) over HTTP: scans written by check-ins,
 * entries the company adds (matched or unscanned), the whole-chain check on read (and a
 * tampered entry turning it false), and the Excel export holding exactly the entries.
 */

const roster = buildDemoRoster()
const co1 = roster.companies.find((c) => c.id === DEMO_IDS.parkMonitoringCompany)!
const at = (c: { location: { lat: number; lng: number } }) => ({ lat: c.location.lat + 0.0003, lng: c.location.lng, accuracy: 15 })

let emu: TestEmulator
const { as, call } = emulatorSession(() => emu)
const ent = (action: string, fields: object = {}) => call('demo-enterprise-1', 'enterprise', action, fields)
const doc = async (collection: string, id: string) => (await emu.emulator.db.collection(collection).doc(id).get()).data as any

let scannedId: string
const TAX = 'dept_3607_tax'

beforeAll(async () => {
  emu = await startTestEmulator({ seed: 'demo', clock: '2026-12-28T02:00:00Z' })
  // The emergency department checks the monitoring point today.
  const res = await call('demo-officer-3', 'inspection', 'checkIn', {
    scene: `c=${co1.id}`,
    clientRequestId: 'ledger-req-1',
    source: 'monitoring',
    sourceRef: 'REF-2026-0001',
    location: at(co1),
  })
  expect(res.ok).toBe(true)
  scannedId = res.data.inspection.id
})
afterAll(async () => {
  await emu?.close()
})

it('is for monitoring points only', async () => {
  for (const action of ['ledger', 'addLedgerEntry', 'exportLedger']) {
    const fields =
      action === 'ledger'
        ? {}
        : action === 'exportLedger'
          ? { from: '2026-12-01', to: '2026-12-31' }
          : { date: '2026-12-27', deptId: DEMO_IDS.cityMarketDept, officerNames: ['张伟'], purpose: '检查' }
    const res = await call('demo-enterprise-2', 'enterprise', action, fields)
    expect(res).toMatchObject({ ok: false, error: { code: 'FORBIDDEN', message: expect.stringContaining('监测点') } })
  }
  expect(await call('demo-officer-1', 'enterprise', 'ledger')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
})

it('shows the scans in seq order with an intact chain', async () => {
  const res = await ent('ledger')
  expect(res.ok).toBe(true)
  contract.enterprise.ledger.output.parse(res.data)
  expect(res.data.chainOk).toBe(true)
  const seqs = res.data.items.map((e: { seq: number }) => e.seq)
  expect(seqs).toEqual(seqs.map((_: number, i: number) => i + 1))
  expect(res.data.items[res.data.items.length - 1]).toMatchObject({
    source: 'scan',
    inspectionId: scannedId,
    deptName: '赣州市应急管理局',
    date: '2026-12-28',
    unscanned: false,
  })
})

describe('addLedgerEntry', () => {
  it('matches a check-in of the same department on the same day', async () => {
    const res = await ent('addLedgerEntry', {
      date: '2026-12-28',
      deptId: DEMO_IDS.cityEmergencyDept,
      officerNames: ['王强', '刘敏'],
      purpose: '安全生产检查（补记）',
    })
    expect(res).toMatchObject({
      ok: true,
      data: { entry: { source: 'manual', matchedInspectionId: scannedId, unscanned: false, deptId: DEMO_IDS.cityEmergencyDept, deptName: '赣州市应急管理局' } },
    })
    contract.enterprise.addLedgerEntry.output.parse(res.data)
    expect(
      (
        await emu.emulator.db
          .collection('alerts')
          .where({ ref: `ledger/${res.data.entry.id}` })
          .count()
      ).total,
    ).toBe(0)
  })

  it('marks a visit nobody scanned: unscanned and an alert; the department figure only once a supervisor confirms it', async () => {
    // The tax bureau never checks this company in the demo history.
    const before = (await deptCounter(emu.emulator.db, TAX, '3607', '2026-12')).unscanned
    const res = await ent('addLedgerEntry', {
      date: '2026-12-27',
      deptId: TAX,
      officerNames: ['两名未亮证人员'],
      purpose: '询问产品质量',
      note: '未扫码，未出示证件',
    })
    expect(res).toMatchObject({ ok: true, data: { entry: { matchedInspectionId: null, unscanned: true, note: '未扫码，未出示证件' } } })
    const id = res.data.entry.id
    expect(await doc('ledger', id)).toMatchObject({ seq: res.data.entry.seq, unscanned: true, source: 'manual' })
    const alerts = (
      await emu.emulator.db
        .collection('alerts')
        .where({ ref: `ledger/${id}` })
        .get()
    ).data
    expect(alerts).toEqual([expect.objectContaining({ kind: 'unscanned', deptId: TAX, companyId: co1.id, region: co1.region })])
    // SPEC §6: it counts in the 通报 only after a supervisor has handled its alert as confirmed.
    expect((await deptCounter(emu.emulator.db, TAX, '3607', '2026-12')).unscanned).toBe(before)
    expect(
      (
        await emu.emulator.db
          .collection('audit')
          .where({ target: `ledger/${id}` })
          .get()
      ).data,
    ).toEqual([expect.objectContaining({ action: 'enterprise.addLedgerEntry' })])
    const alertId = (alerts[0] as { _id: string })._id
    const sup = await emu.login('demo-supervisor-city')
    expect(await emu.call('supervision', 'handleAlert', { alertId, note: '已电话核实企业' }, sup)).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT', details: { issues: [{ path: ['confirmed'] }] } },
    })
    expect(await emu.call('supervision', 'handleAlert', { alertId, note: '已电话核实企业，确有两人未扫码入企', confirmed: true }, sup)).toMatchObject({
      ok: true,
      data: { alert: { status: 'handled', handling: { confirmed: true } } },
    })
    expect((await deptCounter(emu.emulator.db, TAX, co1.region, '2026-12')).unscanned).toBe(before + 1)
  })

  it('a department named only by text: found by its exact name, else unscanned without a department', async () => {
    const byName = await ent('addLedgerEntry', { date: '2026-12-28', deptName: '赣州市应急管理局', officerNames: ['王强'], purpose: '复查' })
    expect(byName).toMatchObject({ ok: true, data: { entry: { deptId: DEMO_IDS.cityEmergencyDept, matchedInspectionId: scannedId, unscanned: false } } })
    const unknown = await ent('addLedgerEntry', { date: '2026-12-20', deptName: '某某综合执法队', officerNames: ['不知名'], purpose: '了解情况' })
    expect(unknown).toMatchObject({ ok: true, data: { entry: { deptName: '某某综合执法队', matchedInspectionId: null, unscanned: true } } })
    expect(unknown.data.entry.deptId).toBeUndefined()
  })

  it('refuses a future date, an unknown department, a missing department', async () => {
    expect(await ent('addLedgerEntry', { date: '2026-12-29', deptId: DEMO_IDS.cityMarketDept, officerNames: ['张伟'], purpose: '检查' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await ent('addLedgerEntry', { date: '2026-12-27', deptId: 'dept_nope', officerNames: ['张伟'], purpose: '检查' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    })
    expect(await ent('addLedgerEntry', { date: '2026-12-27', officerNames: ['张伟'], purpose: '检查' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
    expect(await ent('addLedgerEntry', { date: '2026-12-27', deptId: DEMO_IDS.cityMarketDept, officerNames: [], purpose: '检查' })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_INPUT' },
    })
  })
})

it('filters by date range, still checking the whole chain', async () => {
  const all = (await ent('ledger')).data.items
  const res = await ent('ledger', { from: '2026-12-27', to: '2026-12-27' })
  expect(res.data.chainOk).toBe(true)
  expect(res.data.items.length).toBeGreaterThan(0)
  expect(res.data.items.every((e: { date: string }) => e.date === '2026-12-27')).toBe(true)
  expect(res.data.items).toEqual(all.filter((e: { date: string }) => e.date === '2026-12-27'))
})

describe('exportLedger', () => {
  it('writes a workbook, one sheet per month, holding exactly the ledger entries of the range', async () => {
    const from = '2026-10-01'
    const to = '2026-12-31'
    const ledger = (await ent('ledger', { from, to })).data.items
    const res = await ent('exportLedger', { from, to })
    expect(res).toMatchObject({ ok: true, data: { fileID: expect.stringContaining(`exports/ledger/${co1.id}/`), url: expect.any(String) } })
    const file = await fetch(emu.baseUrl + res.data.url, { headers: { authorization: `Bearer ${await as('demo-enterprise-1')}` } })
    expect(file.status).toBe(200)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as never)
    expect(wb.worksheets.map((s) => s.name)).toEqual(['2026年10月', '2026年11月', '2026年12月'])
    const rows: Array<Record<string, unknown>> = []
    for (const sheet of wb.worksheets) {
      const header = (sheet.getRow(1).values as unknown[]).slice(1)
      expect(header).toEqual(['日期', '执法单位', '执法人员', '检查事由', '来源', '检查结果', '评价', '是否未扫码', '序号', '哈希'])
      sheet.eachRow((row, i) => {
        if (i === 1) return
        const v = (row.values as unknown[]).slice(1)
        rows.push({ date: v[0], dept: v[1], source: v[4], unscanned: v[7], seq: v[8], hash: v[9], sheet: sheet.name })
        expect(sheet.name).toBe(`${String(v[0]).slice(0, 4)}年${Number(String(v[0]).slice(5, 7))}月`)
      })
    }
    expect(rows.map((r) => r.seq)).toEqual(ledger.map((e: { seq: number }) => e.seq))
    expect(rows.map((r) => r.hash)).toEqual(ledger.map((e: { hash: string }) => e.hash))
    expect(rows.map((r) => r.source)).toEqual(ledger.map((e: { source: string }) => (e.source === 'scan' ? '扫码' : '补录')))
    expect(rows.map((r) => r.unscanned)).toEqual(ledger.map((e: { unscanned: boolean }) => (e.unscanned ? '是' : '否')))
    expect(rows.map((r) => r.dept)).toEqual(ledger.map((e: { deptName: string }) => e.deptName))
  })

  it('refuses a range over a year or backwards', async () => {
    expect(await ent('exportLedger', { from: '2026-01-01', to: '2027-01-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ent('exportLedger', { from: '2026-12-31', to: '2026-12-01' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } })
    expect(await ent('exportLedger', { from: '2026-01-01', to: '2026-12-31' })).toMatchObject({ ok: true })
  })
})

it('a tampered entry in the database turns chainOk false, whatever the range read', async () => {
  const first = (await emu.emulator.db.collection('ledger').where({ companyId: co1.id, seq: 1 }).get()).data[0]
  emu.emulator.db.raw.prepare(`UPDATE "c_ledger" SET doc = json_set(doc, '$.purpose', '被改过的事由') WHERE id = ?`).run(String(first._id))
  expect((await ent('ledger')).data.chainOk).toBe(false)
  const recent = await ent('ledger', { from: '2026-12-28', to: '2026-12-28' })
  expect(recent.data.chainOk).toBe(false)
  expect(recent.data.brokenAt).toBe(1)
})
