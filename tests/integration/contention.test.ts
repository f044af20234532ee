import { TEST_KEYS } from '../helpers/keys'
import { defaultSettings } from '@contract'
import { registry } from '@server/functions'
import { clearSettingsCache, dispatch } from '@server/platform/dispatch'
import { conflictStats } from '@server/platform/db'
import { userIdFor } from '@server/platform/ids'
import { officerSnapshot } from '@server/store/officer-snapshot'
import type { DepartmentRecord, OfficerRecord } from '@server/domain/records'
import type { InspectionRecord } from '@server/domain/inspection-records'
import { chinaMonth } from '@server/domain/china-time'
import { checkCounterConsistency } from '@server/store/recount'
import { repairDrift } from '@server/jobs/counter-consistency'
import { counterId, deptFigures, newCounterDoc, type CounterRecord } from '@server/store/counters'
import { openDatabase, type EmulatorDatabase } from '../../emulator/db'
import { buildDemoRoster, seedDemo } from '../../emulator/seed/demo'
import { inProcessPlatform } from '../helpers/platform'
import { withRoundTrip } from '../helpers/round-trip'

/**
 * Check-ins under contention, through the emulator's database with the cloud's
 * concurrency (snapshot transactions, write locks, immediate WriteConflict): in the same
 * moment, 40 officers of one county check in at 40 of its companies, and 6 officers of
 * one department scan one company's gate together, each request with its own clock a
 * little apart (the later ones starting first). Every call runs through the dispatcher
 * (which retries a transaction on a conflict), interleaved at every database call.
 *
 * Expected, as in the cloud with many function instances: no INTERNAL; every
 * acknowledged check-in is stored with its officer; one inspection at the shared gate
 * with all six officers; the county's counters equal the inspections created.
 */

const NOW = Date.parse('2026-12-26T10:00:00+08:00') // after the quiet period
const REGION = '360702'
const settings = defaultSettings()
const roster = buildDemoRoster()
const county = roster.companies.filter((c) => c.region === REGION)
const depts = roster.departments.filter((d) => d.region === REGION)
const TEAM_DEPT = depts[0].id

let db: EmulatorDatabase

/** An officer of `deptId` bound to a user `openid` (as bindOfficer binds). */
async function makeOfficer(openid: string, deptId: string, n: number): Promise<void> {
  const dept = (await db.collection('departments').doc(deptId).get()).data as unknown as DepartmentRecord
  const officer: OfficerRecord = {
    _id: `off_load_${n}`,
    deptId,
    name: `检查员${n}`,
    certNo: `${REGION}9${String(n).padStart(4, '0')}`,
    certStatus: 'valid',
    certExpiresAt: NOW + 400 * 86_400_000,
    userId: userIdFor(openid),
    createdAt: NOW,
    updatedAt: NOW,
  } as OfficerRecord
  const { _id, ...fields } = officer
  await db.collection('officers').doc(_id).set({ data: fields })
  await db
    .collection('users')
    .doc(userIdFor(openid))
    .set({
      data: {
        openid,
        name: officer.name,
        roles: ['officer'],
        deptId,
        officerId: _id,
        officer: officerSnapshot({ ...officer }, { ...dept, _id: deptId }),
        createdAt: NOW,
        updatedAt: NOW,
      },
    })
}

/** A fresh database: the demo seed, the 46 officers, and warm instances. */
async function prepare(): Promise<void> {
  db?.close()
  db = openDatabase(':memory:')
  await seedDemo(db, { now: NOW - 86_400_000, keys: TEST_KEYS, history: false })
  clearSettingsCache()
  expect(county.length).toBeGreaterThanOrEqual(41)
  for (let i = 0; i < 40; i++) await makeOfficer(`load-officer-${i}`, depts[i % depts.length].id, i)
  for (let k = 0; k < 6; k++) await makeOfficer(`team-officer-${k}`, TEAM_DEPT, 100 + k)
  // The month's counters exist (the hourly job creates them ahead)
  // and the settings are cached: warm instances, as after the first call.
  const month = chinaMonth(NOW, settings.timezone)
  await db
    .collection('counters')
    .doc(counterId(REGION, month))
    .set({ data: newCounterDoc(REGION, month) })
  await dispatch(
    'inspection',
    registry.inspection as never,
    { action: 'preview', scene: `c=${county[41]?.id ?? county[0].id}` },
    inProcessPlatform(db, 'load-officer-0', NOW),
  )
}
afterAll(() => db?.close())

// In process (calls interleave at every await), and with a cloud-like round trip of 5–15 ms
// per call, so each transaction stays open (its locks held) as long as it would there.
test.each([0, 10])(
  '40 check-ins across one county and 6 officers at one gate, all at once (round trip %i ms): no INTERNAL, nothing lost, one inspection at the gate, counters equal to the inspections',
  async (roundTripMs) => {
    await prepare()
    const remote = roundTripMs ? withRoundTrip(db, () => roundTripMs * (0.5 + Math.random())) : db
    const before = { ...conflictStats }
    const internal: unknown[] = []
    const logged: Array<{ conflicts: number; retries: number }> = []
    const checkIn = (openid: string, company: (typeof county)[number], now: number, n: string) => {
      const platform = inProcessPlatform(remote, openid, now)
      platform.log = {
        info: (event, fields) => event === 'write_conflicts' && logged.push(fields as { conflicts: number; retries: number }),
        error: (event, fields) => internal.push({ event, fields }),
      }
      const event = {
        action: 'checkIn',
        scene: `c=${company.id}`,
        clientRequestId: `contention-${n}`,
        source: 'complaint',
        sourceRef: 'REF-2026-0001',
        location: { ...company.location, accuracy: 10 },
      }
      return dispatch('inspection', registry.inspection as never, event, platform) as Promise<{ ok: boolean; data?: any; error?: { code: string } }>
    }
    const gate = county[40]
    const calls = [
      ...Array.from({ length: 40 }, (_, i) => ({ openid: `load-officer-${i}`, company: county[i], now: NOW + ((i * 37) % 900), n: `c${i}` })),
      // The team: the one starting first has the latest clock, so a retry's own time is earlier than the winner's check-in.
      ...Array.from({ length: 6 }, (_, k) => ({ openid: `team-officer-${k}`, company: gate, now: NOW + (6 - k) * 1000, n: `t${k}` })),
    ]
    const answers = await Promise.all(calls.map((c) => checkIn(c.openid, c.company, c.now, c.n)))

    expect(answers.filter((a) => !a.ok).map((a) => a.error?.code)).toEqual([])
    expect(internal).toEqual([])

    // Every acknowledged check-in is stored, with its officer on it.
    for (const [i, a] of answers.entries()) {
      const stored = (await db.collection('inspections').doc(a.data.inspection.id).get()).data as unknown as InspectionRecord
      expect(stored.officerIds).toContain(`off_load_${i < 40 ? i : 100 + (i - 40)}`)
    }
    // One inspection at the shared gate, joined by the five others.
    const atGate = (await db.collection('inspections').where({ companyId: gate.id }).get()).data as unknown as InspectionRecord[]
    expect(atGate).toHaveLength(1)
    expect([...atGate[0].officerIds].sort()).toEqual(Array.from({ length: 6 }, (_, k) => `off_load_${100 + k}`).sort())
    expect(answers.slice(40).filter((a) => a.data.joined)).toHaveLength(5)

    // The dashboard's figures (the county's counters) equal the inspections created.
    const month = chinaMonth(NOW, settings.timezone)
    const created = (await db.collection('inspections').where({ deptRegion: REGION, month }).count()).total
    expect(created).toBe(41)
    const counters = (await db.collection('counters').doc(counterId(REGION, month)).get()).data as unknown as CounterRecord
    expect(depts.reduce((sum, d) => sum + deptFigures(counters, d.id).inspections, 0)).toBe(created)
    expect((await checkCounterConsistency(db, settings, { months: [month] })).differences).toEqual([])

    // The gate was fought over: conflicts were met and retried away.
    const conflicts = conflictStats.conflicts - before.conflicts
    const retries = conflictStats.retries - before.retries
    expect(conflicts).toBeGreaterThan(0)
    // Only the team's scans of one gate conflict, on that company's document and its one
    // inspection: check-ins at different companies share no document inside their
    // transactions (the county's counters are bumped after the commit).
    const fought = new Set([`companies/${gate.id}`, `inspections/${atGate[0]._id}`])
    expect(Object.keys(db.engine.stats.conflictsOn).filter((doc) => !fought.has(doc))).toEqual([])
    expect(conflictStats.exhausted - before.exhausted).toBe(0)
    // Each call logs the conflicts it met (what the cloud's log search finds).
    expect(logged.reduce((n, l) => n + l.retries, 0)).toBe(retries)
    console.info(`contention (round trip ${roundTripMs} ms): ${calls.length} check-ins, ${conflicts} write conflicts, ${retries} retries`)
  },
)

test('a bump lost to a crash after the commit is repaired by the hourly job once two runs have seen it; one still on its way is left alone', async () => {
  const month = chinaMonth(NOW, settings.timezone)
  const ref = db.collection('counters').doc(counterId(REGION, month))
  const dept = depts[1].id
  const kept = async () => deptFigures((await ref.get()).data as unknown as CounterRecord, dept).inspections
  const right = await kept()
  // A bump on its way: seen by one run only (it lands before the next), never "repaired".
  await ref.update({ data: { [`depts.${dept}.inspections`]: db.command.inc(-1) } })
  expect((await repairDrift(db, settings, [month], NOW)).repaired).toEqual([])
  await ref.update({ data: { [`depts.${dept}.inspections`]: db.command.inc(1) } })
  expect((await repairDrift(db, settings, [month], NOW + 3_600_000)).repaired).toEqual([])
  expect(await kept()).toBe(right)
  // A bump lost to a crash: reported by the first run, repaired by the second.
  await ref.update({ data: { [`depts.${dept}.inspections`]: db.command.inc(-1) } })
  const first = await repairDrift(db, settings, [month], NOW + 7_200_000)
  expect(first.report.differences).toEqual([expect.objectContaining({ deptId: dept, figure: 'inspections', kept: right - 1, recounted: right })])
  expect(first.repaired).toEqual([])
  const second = await repairDrift(db, settings, [month], NOW + 10_800_000)
  expect(second.repaired).toEqual([{ region: '360702', deptId: dept, month, figure: 'inspections', by: 1 }])
  expect(await kept()).toBe(right)
  expect((await repairDrift(db, settings, [month], NOW + 14_400_000)).report.ok).toBe(true)
})
