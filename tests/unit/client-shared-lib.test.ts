/** The client's shared helpers in src/lib (pure, no Taro runtime). */
import { chinaDateOf, chinaDateTime, chinaLongDate, chinaLongDateTime, chinaMonthDay, longDate, monthDayOf, monthOf } from '@/lib/china-time'
import { COMPLAINT_CATEGORIES, COMPLAINT_CATEGORY_LABELS, OUTCOME_LABELS, SCORE_LABELS, sourceLabel } from '@/lib/labels'
import { sceneFrom } from '@/lib/scene'

const at = (iso: string) => Date.parse(iso)

describe('china-time', () => {
  it('shows instants in China time whatever the machine zone', () => {
    expect(chinaDateTime(at('2026-12-12T02:05:00Z'))).toBe('12月12日 10:05')
    expect(chinaLongDateTime(at('2026-12-31T16:30:00Z'))).toBe('2027年1月1日 00:30')
    expect(chinaLongDate(at('2026-03-25T16:00:00Z'))).toBe('2026年3月26日')
    expect(chinaMonthDay(at('2026-03-25T15:59:59Z'))).toBe('3月25日')
    expect(chinaDateOf(at('2026-03-25T16:00:00Z'))).toBe('2026-03-26')
  })

  it('turns China dates into words', () => {
    expect(monthDayOf('2025-11-03')).toBe('11月3日')
    expect(monthDayOf('2026-01-25')).toBe('1月25日')
    expect(monthDayOf('bad')).toBe('bad')
    expect(longDate('2026-12-02')).toBe('2026年12月2日')
    expect(longDate('bad')).toBe('bad')
    expect(monthOf('2026-12-02')).toBe('2026-12')
  })
})

describe('labels', () => {
  it('reads a special case that stood in for a plan as such', () => {
    expect(sourceLabel({ source: 'plan', planId: 'plan_1' })).toBe('检查计划')
    expect(sourceLabel({ source: 'plan', exception: { category: 'emergency' } })).toBe('特殊情形')
    expect(sourceLabel({ source: 'complaint' })).toBe('投诉举报')
  })

  it('names every complaint category once, and every outcome and score', () => {
    expect(new Set(COMPLAINT_CATEGORIES.map((c) => c.key)).size).toBe(COMPLAINT_CATEGORIES.length)
    expect(COMPLAINT_CATEGORY_LABELS.attitude).toMatch(/态度问题/)
    expect(OUTCOME_LABELS.rectify.title).toBe('责令整改')
    expect(SCORE_LABELS[1]).toBe('非常不满意')
  })
})

describe('sceneFrom', () => {
  it('reads the scene from a mini-program path, an H5 link or the bare scene', () => {
    expect(sceneFrom('officer/preview/index?scene=c%3Dco_0001')).toBe('c=co_0001')
    expect(sceneFrom('http://127.0.0.1:8787/#/officer/preview/index?scene=c%3Dco_0001')).toBe('c=co_0001')
    expect(sceneFrom('  c=co_0001 ')).toBe('c=co_0001')
  })

  it('answers null for nothing, bad encoding or a scene too long for a code', () => {
    expect(sceneFrom('')).toBeNull()
    expect(sceneFrom(undefined)).toBeNull()
    expect(sceneFrom('?scene=%E0%A4%A')).toBeNull()
    expect(sceneFrom('x'.repeat(33))).toBeNull()
  })
})
