import fc from 'fast-check'
import ExcelJS from 'exceljs'
import { addFigures, figuresOf, monthsEnding, presentFigures, ratingAverage, sumFigures, zeroFigures } from '../../server/domain/dept-figures'
import { countComplaint, countInspection, countRating, countUnscanned, diffTallies, type Tally } from '../../server/domain/counter-recount'
import { problemCount, rankDepartments, RANKING_RULE } from '../../server/domain/report-ranking'
import { buildReportWorkbook, DETAIL_HEADERS, DETAIL_SHEET, reportRows, SUMMARY_HEADERS, SUMMARY_SHEET } from '../../server/exports/report-workbook'
import type { CounterFigures } from '../../server/store/counters'

/** The figures a supervisor or department admin sees, the 通报 ranking and rows, the recount tally. */

const figures = (
  over: Partial<Omit<CounterFigures, 'quietExceptions' | 'ratings' | 'complaints'>> & {
    unjustified?: number
    bad?: number
    count?: number
    sum?: number
    open?: number
  } = {},
): CounterFigures => {
  const { unjustified = 0, bad = 0, count = 0, sum = 0, open = 0, ...rest } = over
  return {
    ...zeroFigures(),
    ...rest,
    quietExceptions: { pending: 0, justified: 0, unjustified },
    ratings: { count, sum, bad },
    complaints: { received: open, open, overdue: 0 },
  }
}

describe('monthsEnding', () => {
  it('counts back across years, oldest first', () => {
    expect(monthsEnding('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02'])
    expect(monthsEnding('2026-12', 12)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`))
    expect(monthsEnding('2027-01', 1)).toEqual(['2027-01'])
  })
})

describe('presentFigures', () => {
  it('average only from the threshold on, two decimals', () => {
    expect(ratingAverage({ count: 4, sum: 20 }, 5)).toBeNull()
    expect(ratingAverage({ count: 0, sum: 0 }, 1)).toBeNull()
    expect(ratingAverage({ count: 6, sum: 25 }, 5)).toBe(4.17)
  })

  it('a supervisor sees bad ratings and complaints; a department admin never complaints, nor bad ratings below the threshold', () => {
    const f = figures({ inspections: 3, count: 2, sum: 3, bad: 1, open: 2 })
    expect(presentFigures(f, 'supervisor', 5)).toMatchObject({ ratings: { count: 2, avg: null, bad: 1 }, complaints: { open: 2, overdue: 0 } })
    // The average below the threshold is withheld (marked), not "no ratings".
    expect(presentFigures(f, 'supervisor', 5).hidden).toEqual(['ratings.avg'])
    expect(presentFigures(figures({ inspections: 3 }), 'supervisor', 5).hidden).toBeUndefined()
    expect(presentFigures(f, 'deptAdmin', 5)).toMatchObject({
      inspections: 3,
      ratings: { count: 2, avg: null, bad: 0 },
      complaints: { open: 0, overdue: 0 },
      hidden: ['ratings.avg', 'complaints', 'ratings.bad'],
    })
    const many = figures({ count: 5, sum: 21, bad: 1 })
    expect(presentFigures(many, 'deptAdmin', 5)).toMatchObject({ ratings: { count: 5, avg: 4.2, bad: 1 }, hidden: ['complaints'] })
  })

  it('service visits’ ratings (rule 19) are shown apart from the inspections’, withheld by the same threshold', () => {
    const f = { ...figures({ count: 5, sum: 21, bad: 1 }), serviceRatings: { count: 2, sum: 3, bad: 1 } }
    expect(presentFigures(f, 'supervisor', 5)).toMatchObject({ ratings: { count: 5, avg: 4.2, bad: 1 }, serviceRatings: { count: 2, avg: null, bad: 1 } })
    expect(presentFigures(f, 'supervisor', 5).hidden).toEqual(['serviceRatings.avg'])
    expect(presentFigures(f, 'deptAdmin', 5)).toMatchObject({
      serviceRatings: { count: 2, avg: null, bad: 0 },
      hidden: ['complaints', 'serviceRatings.avg', 'serviceRatings.bad'],
    })
    const many = { ...f, serviceRatings: { count: 5, sum: 20, bad: 0 } }
    expect(presentFigures(many, 'deptAdmin', 5)).toMatchObject({ serviceRatings: { count: 5, avg: 4, bad: 0 }, hidden: ['complaints'] })
  })

  it('figuresOf fills what an older document lacks; sums add figure by figure', () => {
    expect(figuresOf({ inspections: 2, ratings: { count: 1 } } as never)).toEqual({ ...zeroFigures(), inspections: 2, ratings: { count: 1, sum: 0, bad: 0 } })
    fc.assert(
      fc.property(fc.array(fc.record({ inspections: fc.nat(50), overdue: fc.nat(9), unscanned: fc.nat(9) }), { maxLength: 8 }), (list) => {
        const total = sumFigures(list.map((x) => figures(x)))
        expect(total.inspections).toBe(list.reduce((s, x) => s + x.inspections, 0))
        expect(addFigures(total, zeroFigures())).toEqual(total)
      }),
    )
  })
})

describe('the 通报 ranking', () => {
  it('problems = red lights + unjustified exceptions + bad ratings + unscanned visits; most first; ties share a rank', () => {
    const ranked = rankDepartments([
      { deptId: 'a', deptName: '甲局', figures: figures({ inspections: 10, overdue: 1 }) },
      { deptId: 'b', deptName: '乙局', figures: figures({ inspections: 5, unjustified: 1, bad: 1, unscanned: 1 }) },
      { deptId: 'c', deptName: '丙局', figures: figures({ inspections: 8, overdue: 2, repeated: 5, capRefusals: 3, open: 4 }) },
      { deptId: 'd', deptName: '丁局', figures: figures({ inspections: 0 }) },
      { deptId: 'e', deptName: '戊局', figures: figures({ inspections: 3, bad: 1 }) },
    ])
    expect(ranked.map((d) => [d.deptId, d.rank, d.problems])).toEqual([
      ['b', 1, 3],
      ['c', 2, 2],
      ['a', 3, 1],
      ['e', 3, 1],
      ['d', 5, 0],
    ])
    // Within a tie: red lights first (a has one, e has none).
    expect(problemCount(figures({ overdue: 1, unjustified: 2, bad: 3, unscanned: 4, repeated: 9 }))).toBe(10)
    expect(RANKING_RULE).toContain('红灯')
  })

  it('ranks are non-decreasing down the list and problems non-increasing, whatever the figures', () => {
    const arb = fc.record({ overdue: fc.nat(3), unjustified: fc.nat(3), bad: fc.nat(3), unscanned: fc.nat(3), inspections: fc.nat(20) })
    fc.assert(
      fc.property(fc.array(arb, { minLength: 1, maxLength: 12 }), (list) => {
        const ranked = rankDepartments(list.map((x, i) => ({ deptId: `d${i}`, deptName: `部门${i}`, figures: figures(x) })))
        expect(ranked[0].rank).toBe(1)
        for (let i = 1; i < ranked.length; i++) {
          expect(ranked[i].problems).toBeLessThanOrEqual(ranked[i - 1].problems)
          expect(ranked[i].rank).toBe(ranked[i].problems === ranked[i - 1].problems ? ranked[i - 1].rank : i + 1)
        }
      }),
    )
  })
})

describe('the 通报 workbook', () => {
  const departments = [
    {
      deptId: 'a',
      deptName: '赣州市市场监督管理局',
      region: '3607',
      figures: {
        ...figures({ inspections: 12, overdue: 2, count: 6, sum: 25, bad: 1, open: 1, repeated: 1, capRefusals: 2 }),
        serviceVisits: 6,
        serviceRatings: { count: 5, sum: 21, bad: 1 },
      },
    },
    {
      deptId: 'b',
      deptName: '章贡区应急管理局',
      region: '360702',
      figures: {
        ...figures({ inspections: 4, unscanned: 1, count: 2, sum: 9 }),
        quietExceptions: { pending: 1, justified: 2, unjustified: 3 },
        serviceVisits: 2,
        serviceRatings: { count: 2, sum: 9, bad: 0 },
      },
    },
    { deptId: 'c', deptName: '赣州市税务局', region: '3607', figures: figures() },
  ]

  it('rows: ranking with the problem count, details with every figure in the header order', () => {
    const { summary, detail } = reportRows({ regionName: '赣州市', month: '2026-12', departments, minRatingsForAverage: 5, generatedAt: 0 })
    expect(summary).toEqual([
      [1, '章贡区应急管理局', 4, 0, 3, 0, 1, 4],
      [2, '赣州市市场监督管理局', 3, 2, 0, 1, 0, 12],
      [3, '赣州市税务局', 0, 0, 0, 0, 0, 0],
    ])
    expect(detail[0]).toEqual(['章贡区应急管理局', 4, 1, 2, 3, 0, 2, '样本不足（少于5条）', 0, 0, 0, 1, 0, 0, 0, 0, 0, 2, 2, '样本不足（少于5条）', 0])
    expect(detail[1]).toEqual(['赣州市市场监督管理局', 12, 0, 0, 0, 2, 6, 4.17, 1, 1, 0, 0, 1, 2, 0, 0, 0, 6, 5, 4.2, 1])
    // No ratings: no average, and nothing withheld either.
    expect(detail[2][7]).toBe('—')
    expect(detail[2][DETAIL_HEADERS.indexOf('入企服务平均分')]).toBe('—')
    expect(detail[0]).toHaveLength(DETAIL_HEADERS.length)
    expect(summary[0]).toHaveLength(SUMMARY_HEADERS.length)
  })

  it('the xlsx opens with both sheets, Chinese headers, the rule, and the rows', async () => {
    const buffer = await buildReportWorkbook({
      regionName: '赣州市',
      month: '2026-12',
      departments,
      minRatingsForAverage: 5,
      generatedAt: Date.parse('2027-01-02T00:00:00Z'),
    })
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(buffer as never)
    expect(wb.worksheets.map((w) => w.name)).toEqual([SUMMARY_SHEET, DETAIL_SHEET])
    const s = wb.getWorksheet(SUMMARY_SHEET)!
    expect(s.getRow(1).getCell(1).value).toBe('赣州市 2026年12月 行政执法监督通报（汇总排名）')
    expect(s.getRow(2).getCell(1).value).toBe(RANKING_RULE)
    expect((s.getRow(3).values as unknown[]).slice(1)).toEqual([
      '排名',
      '执法单位',
      '问题数',
      '红灯（逾期未录入结果）',
      '不合理例外',
      '差评',
      '未扫码入企',
      '检查次数',
    ])
    expect((s.getRow(4).values as unknown[]).slice(1)).toEqual([1, '章贡区应急管理局', 4, 0, 3, 0, 1, 4])
    expect(s.rowCount).toBe(6)
    const d = wb.getWorksheet(DETAIL_SHEET)!
    expect((d.getRow(3).values as unknown[]).slice(1)).toEqual([...DETAIL_HEADERS])
    expect((d.getRow(5).values as unknown[]).slice(1)).toEqual(['赣州市市场监督管理局', 12, 0, 0, 0, 2, 6, 4.17, 1, 1, 0, 0, 1, 2, 0, 0, 0, 6, 5, 4.2, 1])
    expect(d.rowCount).toBe(6)
  })
})

describe('the recount tally', () => {
  it('counts each record into its county, department and month, and diffs figure by figure', () => {
    const t: Tally = new Map()
    countInspection(t, {
      region: '360702',
      deptId: 'd',
      month: '2026-12',
      status: 'overdue',
      flags: ['repeated', 'quiet_exception'],
      exception: { review: 'unjustified' },
    })
    countInspection(t, { region: '360702', deptId: 'd', month: '2026-12', status: 'closed', result: {}, flags: [] })
    countRating(t, { region: '360702', deptId: 'd', month: '2026-12', score: 2 }, 2)
    countRating(t, { region: '360702', deptId: 'd', month: '2026-12', score: 5 }, 2)
    // A service visit's rating counts apart from the inspections' (rule 19).
    countRating(t, { region: '360702', deptId: 'd', month: '2026-12', score: 1 }, 2, 'serviceRatings')
    countComplaint(t, { counterKey: { region: '360702', deptId: 'd', month: '2026-12' }, status: 'accepted', overdue: true })
    countComplaint(t, { counterKey: { region: '360702', deptId: 'd', month: '2026-12' }, status: 'closed', overdue: true })
    countComplaint(t, { status: 'received' })
    countUnscanned(t, { kind: 'unscanned', handling: { confirmed: true }, counted: { region: '360702', deptId: 'd', month: '2026-12' } })
    countUnscanned(t, { kind: 'unscanned', handling: { confirmed: true } })
    countUnscanned(t, { kind: 'unscanned', handling: { confirmed: false } })
    countUnscanned(t, { kind: 'unscanned' })
    expect([...t.keys()]).toEqual(['360702_d_2026-12'])
    expect(t.get('360702_d_2026-12')!.figures).toEqual({
      inspections: 2,
      quietExceptions: { pending: 0, justified: 0, unjustified: 1 },
      overdue: 1,
      results: 1,
      ratings: { count: 2, sum: 7, bad: 1 },
      complaints: { received: 2, open: 1, overdue: 1 },
      unscanned: 1,
      repeated: 1,
      capRefusals: 0,
      noPenalty: 0,
      backfills: 0,
      withdrawn: 0,
      serviceVisits: 0,
      serviceRatings: { count: 1, sum: 1, bad: 1 },
    })
    const kept: Tally = new Map([
      ['360702_d_2026-12', { region: '360702', deptId: 'd', month: '2026-12', figures: { ...t.get('360702_d_2026-12')!.figures, overdue: 0, capRefusals: 4 } }],
      ['360703_e_2026-11', { region: '360703', deptId: 'e', month: '2026-11', figures: figures({ inspections: 1 }) }],
    ])
    expect(diffTallies(kept, t, ['capRefusals'])).toEqual([
      { counterId: '360702_d_2026-12', region: '360702', deptId: 'd', month: '2026-12', figure: 'overdue', kept: 0, recounted: 1 },
      { counterId: '360703_e_2026-11', region: '360703', deptId: 'e', month: '2026-11', figure: 'inspections', kept: 1, recounted: 0 },
    ])
  })
})
