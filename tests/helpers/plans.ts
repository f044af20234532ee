import { DEMO_IDS } from '../../emulator/seed/demo-roster'
import type { TestEmulator } from './emulator'

/**
 * The market bureau's year-end campaign on the demo data (December 2026 to January 2027),
 * submitted by its department admin and approved by the city supervisor, covering the given
 * companies: the plan an officer's check-in or back-fill in the page journeys names. `overrides`
 * make another plan of the department's (the companies and the department stay).
 */
export async function approvedMarketPlan(
  emulator: TestEmulator,
  companyIds: string[],
  /** What differs from the year-end campaign: its title, kind, items, basis or period. */
  overrides: Partial<Record<'title' | 'kind' | 'basis' | 'from' | 'to', string> & { items: string[] }> = {},
): Promise<{ id: string; title: string }> {
  const plan = await emulator.call(
    'supervision',
    'submitPlan',
    {
      deptId: DEMO_IDS.cityMarketDept,
      title: '岁末食品安全联合检查',
      kind: 'campaign',
      items: ['进货查验', '证照公示'],
      basis: '《中华人民共和国食品安全法》',
      companyIds,
      from: '2026-12-01',
      to: '2027-01-31',
      ...overrides,
    },
    await emulator.login('demo-deptadmin-1'),
  )
  if (!plan.ok) throw new Error(`submitPlan: ${JSON.stringify(plan.error)}`)
  const review = await emulator.call(
    'supervision',
    'reviewPlan',
    { planId: plan.data.plan.id, decision: 'approve', comment: '同意' },
    await emulator.login('demo-supervisor-city'),
  )
  if (!review.ok) throw new Error(`reviewPlan: ${JSON.stringify(review.error)}`)
  return { id: plan.data.plan.id, title: plan.data.plan.title }
}
