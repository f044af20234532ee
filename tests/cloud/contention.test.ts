import { contentionLine, runContention, type ContentionReport } from '../../bench/contention'
import { CLOUD_FUNCTION_ENV, cloudLogOutput } from '../helpers/cloud'

/**
 * Check-ins under contention through the real SDK (bench/contention.ts): 12 instances;
 * 40 officers at 40 companies of one county in the same minute; 6 officers of one
 * department at one gate together.
 * It fails when the retry or the out-of-transaction counters are removed (measured: with
 * CONFLICT_RETRY.attempts = 1 the gate gives 5 INTERNAL and one officer on the inspection).
 */
describe('check-ins under contention (12 instances, real wx-server-sdk)', () => {
  let report: ContentionReport

  beforeAll(async () => {
    report = await runContention({ instances: 12, env: CLOUD_FUNCTION_ENV, onOutput: cloudLogOutput })
    console.log(`contention: ${contentionLine(report)}`)
  }, 120_000)

  it('40 officers at 40 companies of one county: every check-in acknowledged, none INTERNAL, each on its inspection', () => {
    expect(report.rush).toMatchObject({ sent: 40, ok: 40, internal: 0, refused: {}, missing: 0, inspections: 40, joined: 0 })
  })

  it('6 officers at one gate: one inspection, the other five joined it', () => {
    expect(report.gate).toMatchObject({
      sent: 6,
      ok: 6,
      internal: 0,
      refused: {},
      missing: 0,
      inspections: 1,
      joined: 5,
      inspectionsAtGate: 1,
      officersOnIt: 6,
    })
  })

  it('the contention is real: the engine answered write conflicts and the functions retried them', () => {
    expect(report.wire.conflicts).toBeGreaterThan(0)
    expect(report.retries).toBeGreaterThan(0)
  })

  it('the county dashboard counts exactly the inspections created', () => {
    expect(report.dashboard.after - report.dashboard.before).toBe(report.dashboard.created)
    expect(report.dashboard.created).toBe(41)
  })
})
