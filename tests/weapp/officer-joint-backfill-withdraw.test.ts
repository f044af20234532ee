import { buildDemoRoster, DEMO_IDS } from '../../emulator/seed/demo-roster'
import { startTestEmulator, type TestEmulator } from '../helpers/emulator'
import { approvedMarketPlan } from '../helpers/plans'
import { walk, textOf } from './standin/templates'
import { MiniProgram } from './standin/miniprogram'

/**
 * The officer's release-2 journeys on the weapp build (WeChat stand-in) against the emulator,
 * on 27 December 2026 (after the quiet production period), with the market bureau's approved
 * plan covering three town companies:
 * - joint join (rule 14): 张伟 (market bureau) checks in and cannot record alone; 王强
 *   (emergency bureau) scans the same gate, joins as a joint inspection with a case source,
 *   and records his department's result; 张伟 records his; the detail lists both departments
 *   and both results, and the inspection ends;
 * - withdraw (rule 18): 张伟 checks in at the wrong company, the year count shows it, he
 *   withdraws after the confirmation with a reason, the visit shows 已撤回, the count goes back;
 * - back-fill (rule 17): from the plans page, a visit the gate did not see; the form left open
 *   past midnight is refused (the stated day has left the window) next to the date, a day
 *   inside the window is accepted, flagged 事后补录 and waiting for review.
 */

const CLOCK = '2026-12-27T02:00:00Z'
const roster = buildDemoRoster()
const towns = roster.companies.filter((c) => Number(c.id.slice(3)) >= 100 && !c.inPark && !c.monitoringPoint).slice(-12)
const [JOINT, WRONG, BACKFILL] = towns
const MARKET = roster.departments.find((d) => d.id === DEMO_IDS.cityMarketDept)!.name
const EMERGENCY = roster.departments.find((d) => d.id === DEMO_IDS.cityEmergencyDept)!.name
const near = (c: { location: { lat: number; lng: number } }) => ({ latitude: c.location.lat, longitude: c.location.lng, accuracy: 20 })
/** What WeChat's scanner answers for a company's gate code: its page path, the scene encoded. */
const gateCode = (companyId: string) => ({ path: `officer/preview/index?scene=${encodeURIComponent(`c=${companyId}`)}` })

let emulator: TestEmulator
const opened: MiniProgram[] = []

async function launch(openid: string, location: ReturnType<typeof near> | null, url?: string): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({ emulator, openid, location, ...(url ? { url } : {}) })
  opened.push(mp)
  return mp
}

/** From home, WeChat's scanner reads the company's gate code and the preview opens. */
async function scanGate(mp: MiniProgram, companyId: string): Promise<void> {
  await mp.see({ id: 'tile-scan' })
  mp.fakes.scans.push(gateCode(companyId))
  await mp.tap({ id: 'tile-scan' })
  await mp.waitForRoute('officer/preview/index')
  await mp.see({ id: 'company-name' })
  await mp.see({ text: /已获取（精度约 20 米）/ })
}

/** From home, 我的检查 → the company's inspection in the tab → its detail page. */
async function openDetail(mp: MiniProgram, companyName: string, tab: 'open' | 'closed' | 'withdrawn' = 'open'): Promise<void> {
  await mp.tap({ id: 'tile-my-inspections' })
  await mp.waitForRoute('officer/my-inspections/index')
  if (tab !== 'open') await mp.tap({ id: `tab-${tab}` })
  await mp.tap({ text: companyName })
  await mp.waitForRoute('officer/inspection/index')
  await mp.see({ id: 'status-badge' })
}

/** The text of the row labelled `label` on the page (InfoRow: the label, then its value). */
function row(mp: MiniProgram, label: string): string {
  for (const { el } of walk(mp.render())) {
    const t = textOf(el).trim()
    if (t.startsWith(label) && el.children.some((c) => typeof c !== 'string' && textOf(c).trim() === label)) return t.slice(label.length).trim()
  }
  throw new Error(`no row ${label} on ${mp.page.route}: ${mp.text().slice(0, 400)}`)
}

/** The inspection's status badge on its detail page ('' while loading). */
const badge = (mp: MiniProgram): string => {
  const el = mp.find({ id: 'status-badge' })
  return el ? textOf(el).trim() : ''
}

/** Where in the page's reading order the element with this id, or the first text matching, comes. */
function position(mp: MiniProgram, target: { id: string } | { text: string }): number {
  let k = 0
  for (const { el } of walk(mp.render())) {
    k++
    if ('id' in target ? el.attr.id === target.id : el.children.some((c) => typeof c === 'string' && c.includes(target.text))) return k
  }
  throw new Error(`${JSON.stringify(target)} is not on ${mp.page.route}`)
}

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 'demo', clock: CLOCK })
  await approvedMarketPlan(emulator, [JOINT.id, WRONG.id, BACKFILL.id])
}, 60_000)
afterAll(async () => {
  for (const mp of opened.splice(0)) mp.close()
  await emulator?.close()
})
afterEach(() => {
  for (const mp of opened) expect(mp.problems).toEqual([])
})

describe('joint join (rule 14)', () => {
  let zhang: MiniProgram

  it('张伟 checks in with his plan and cannot record a result alone', async () => {
    zhang = await launch('demo-officer-1', near(JOINT))
    await scanGate(zhang, JOINT.id)
    await zhang.see({ text: '检查计划：岁末食品安全联合检查' })
    await zhang.tap({ id: 'btn-checkin' })
    await zhang.see({ id: 'checkin-done' })
    await zhang.see({ text: '已登记入企检查' })
    await zhang.see({ text: '等待同部门执法人员扫码加入' })

    await zhang.tap({ id: 'btn-to-record' })
    await zhang.waitForRoute('officer/record-result/index')
    await zhang.see({ text: '目前只有 1 名执法人员' })
    await zhang.tap({ id: 'outcome-compliant' })
    await zhang.input('input-findings', '进货查验记录齐全，证照公示到位。')
    await zhang.tap({ id: 'btn-record' })
    await zhang.see({ id: 'need-two' })
    expect(zhang.page.route).toBe('officer/record-result/index')
  })

  it('王强 of the emergency bureau scans the same gate, sees the join offer, joins with his own case source and records his result', async () => {
    const wang = await launch('demo-officer-3', near(JOINT))
    await scanGate(wang, JOINT.id)
    await wang.see({ id: 'open-inspection' })
    await wang.see({ text: `${MARKET}正在检查该企业，可联合检查` })
    await wang.see({ text: /联合检查：企业只算一次入企，本部门单独录入本部门的结果/ })
    expect(textOf(wang.find({ id: 'btn-checkin' })!)).toContain('联合检查')
    // The market bureau's plan is not his department's source: he names his own.
    expect(wang.find({ text: '检查计划：岁末食品安全联合检查' })).toBeNull()
    await wang.tap({ id: 'source-complaint' })
    await wang.input('input-source-ref', 'TS-2026-1207')
    await wang.tap({ id: 'btn-checkin' })
    await wang.see({ id: 'checkin-done' })
    await wang.see({ text: '已加入检查' })
    await wang.see({ text: '张伟、王强（2人）' })
    expect(wang.find({ id: 'waiting-second' })).toBeNull()

    await wang.tap({ id: 'btn-to-record' })
    await wang.waitForRoute('officer/record-result/index')
    expect(wang.find({ id: 'need-two-hint' })).toBeNull()
    await wang.tap({ id: 'outcome-compliant' })
    await wang.input('input-findings', '安全警示标志、消防通道检查未发现问题。')
    await wang.tap({ id: 'btn-record' })
    await wang.waitForRoute('officer/rating-code/index')
    await wang.see({ id: 'rating-qr' })

    await wang.tap({ id: 'btn-home' })
    await wang.waitForRoute('pages/home/index')
    await openDetail(wang, JOINT.name)
    await wang.see({ text: '联合检查' })
    expect(row(wang, '检查部门')).toBe(`${MARKET}、${EMERGENCY}`)
    expect(row(wang, '执法人员')).toBe('张伟、王强')
    expect(row(wang, EMERGENCY)).toBe('未发现问题：安全警示标志、消防通道检查未发现问题。')
    await wang.see({ text: `${EMERGENCY} 联合检查：王强 加入` })
    // The market bureau has not recorded yet: the inspection stays open for it.
    expect(badge(wang)).toBe('进行中')
  })

  it('with 王强 on the inspection, 张伟 records the market bureau’s own result and the inspection ends with both', async () => {
    await zhang.tap({ id: 'btn-record' })
    await zhang.waitForRoute('officer/rating-code/index')
    await zhang.see({ id: 'rating-qr' })
    await zhang.tap({ id: 'btn-home' })
    await zhang.waitForRoute('pages/home/index')
    await openDetail(zhang, JOINT.name, 'closed')
    expect(badge(zhang)).toBe('已结束')
    expect(row(zhang, '检查部门')).toBe(`${MARKET}、${EMERGENCY}`)
    expect(row(zhang, MARKET)).toBe('未发现问题：进货查验记录齐全，证照公示到位。')
    expect(row(zhang, EMERGENCY)).toBe('未发现问题：安全警示标志、消防通道检查未发现问题。')
    await zhang.see({ text: `${MARKET} 录入结果：未发现问题` })
    await zhang.see({ text: `${EMERGENCY} 录入结果：未发现问题` })
    expect(zhang.find({ id: 'btn-to-record' })).toBeNull()
    expect(zhang.find({ id: 'withdraw-section' })).toBeNull()
  })
})

describe('withdraw (rule 18)', () => {
  it('张伟 checks in at the wrong company; the year count shows the visit', async () => {
    const zhang = await launch('demo-officer-1', near(WRONG))
    await scanGate(zhang, WRONG.id)
    expect(row(zhang, '本部门今年计划检查')).toBe('今年计划检查 0/2 次')
    await zhang.tap({ id: 'btn-checkin' })
    await zhang.see({ text: '已登记入企检查' })
    await zhang.tap({ id: 'btn-home' })
    await zhang.waitForRoute('pages/home/index')
    await scanGate(zhang, WRONG.id)
    await zhang.see({ text: '您已在本次检查中' })
    expect(row(zhang, '本部门今年计划检查')).toBe('今年计划检查 1/2 次')
  })

  it('he withdraws it with a reason after the confirmation; it shows 已撤回, in its detail and in 我的检查', async () => {
    const zhang = await launch('demo-officer-1', near(WRONG))
    await openDetail(zhang, WRONG.name)
    await zhang.see({ id: 'withdraw-section' })
    await zhang.input('input-withdraw-reason', '误扫了隔壁企业的企检码，实际未进入该企业')
    await zhang.tap({ id: 'btn-withdraw' })
    // An irreversible step asks first; 不撤回 leaves everything as it was.
    expect(zhang.modal).toMatchObject({ title: '撤回这次入企登记？', confirmText: '确认撤回', cancelText: '不撤回' })
    await zhang.tapModal('不撤回')
    expect(badge(zhang)).toBe('进行中')
    expect(zhang.fakes.calls).not.toContain('inspection.withdraw')

    await zhang.tap({ id: 'btn-withdraw' })
    await zhang.tapModal('确认撤回')
    await zhang.waitFor(() => badge(zhang) === '已撤回', 'the badge 已撤回')
    expect(row(zhang, '撤回原因')).toBe('误扫了隔壁企业的企检码，实际未进入该企业')
    await zhang.see({ text: '张伟 撤回：误扫了隔壁企业的企检码，实际未进入该企业' })
    expect(zhang.find({ id: 'withdraw-section' })).toBeNull()
    expect(zhang.find({ id: 'btn-to-record' })).toBeNull()

    // Back in 我的检查, the visit has left 进行中 and is listed under 已撤回.
    await zhang.back()
    await zhang.waitForRoute('officer/my-inspections/index')
    // The list reloads as the page shows again: the visit leaves 进行中.
    await zhang.waitFor(
      () => !zhang.find({ text: WRONG.name }) && (zhang.find({ id: 'empty' }) ?? zhang.find({ text: /入企 ·/ })),
      `进行中 loaded without ${WRONG.name}`,
    )
    await zhang.tap({ id: 'tab-withdrawn' })
    await zhang.see({ text: WRONG.name })
    const list = textOf(zhang.find({ id: 'inspection-list' })!)
    expect(list).toContain('已撤回')
    expect(list).toContain('撤回原因：误扫了隔壁企业的企检码，实际未进入该企业')
    expect(list).not.toContain('已结束')
  })

  it('scanned again, the company’s year count has gone back', async () => {
    const zhang = await launch('demo-officer-1', near(WRONG))
    await scanGate(zhang, WRONG.id)
    expect(zhang.find({ id: 'open-inspection' })).toBeNull()
    expect(row(zhang, '本部门今年计划检查')).toBe('今年计划检查 0/2 次')
  })
})

describe('back-fill (rule 17)', () => {
  it('a form left open past midnight is refused next to the date; a day inside the window is flagged 事后补录 and waits for review', async () => {
    // 23:50 on 27 December in Beijing: the window is 24–27 December.
    await emulator.setClock('2026-12-27T15:50:00Z')
    const zhang = await launch('demo-officer-1', null)
    await zhang.tap({ id: 'tile-plans' })
    await zhang.waitForRoute('officer/plans/index')
    await zhang.see({ text: '岁末食品安全联合检查' })
    await zhang.tap({ id: `backfill-${BACKFILL.id}` })
    await zhang.waitForRoute('officer/backfill/index')
    await zhang.see({ text: BACKFILL.name })

    await zhang.pick('input-date', '2026-12-24')
    await zhang.pick('input-time', '09:30')
    await zhang.input('input-reason', '企业门口企检码被遮挡，现场无网络')
    // Ten minutes later it is the 28th: the 24th has left the window.
    await emulator.setClock('2026-12-27T16:05:00Z')
    await zhang.tap({ id: 'btn-backfill' })
    const message = '只能补录 3 天内的入企检查'
    await zhang.see({ text: message })
    expect(zhang.page.route).toBe('officer/backfill/index')
    // Next to the field: after the date and time, before the reason.
    const at = position(zhang, { text: message })
    expect(at).toBeGreaterThan(position(zhang, { id: 'input-time' }))
    expect(at).toBeLessThan(position(zhang, { id: 'input-reason' }))

    await zhang.pick('input-date', '2026-12-26')
    await zhang.tap({ id: 'btn-backfill' })
    await zhang.waitForRoute('officer/inspection/index')
    await zhang.see({ id: 'status-badge' })
    expect(badge(zhang)).toBe('进行中')
    await zhang.see({ text: '事后补录' })
    expect(row(zhang, '补录审核')).toBe('监督部门审核中')
    await zhang.see({ text: '事后补录：企业门口企检码被遮挡，现场无网络' })
    await zhang.see({ text: '12月26日 09:30' })
  })
})
