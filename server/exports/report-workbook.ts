import { newWorkbook } from '../platform/excel'
import { ratingAverage } from '../domain/dept-figures'
import { RANKING_RULE, rankDepartments, type RankedDepartment } from '../domain/report-ranking'
import type { DeptMonth } from '../store/figures'
import { monthTitle } from '../domain/ledger-range'

/**
 * The monthly 通报 workbook: "汇总排名" (departments ranked by problems, with the rule
 * written in the sheet) and "部门明细" (every kept figure per department). Chinese headers.
 */

export const SUMMARY_SHEET = '汇总排名'
export const DETAIL_SHEET = '部门明细'

export const SUMMARY_HEADERS = ['排名', '执法单位', '问题数', '红灯（逾期未录入结果）', '不合理例外', '差评', '未扫码入企', '检查次数'] as const
export const DETAIL_HEADERS = [
  '执法单位',
  '检查次数',
  '例外（待审）',
  '例外（合理）',
  '例外（不合理）',
  '红灯（逾期未录入结果）',
  '评价数',
  '平均分',
  '差评',
  '投诉（办理中）',
  '投诉（逾期）',
  '未扫码入企',
  '重复检查',
  '超频次拒绝',
  '不予处罚',
  '事后补录',
  '撤回',
  '入企服务',
  '入企服务评价数',
  '入企服务平均分',
  '入企服务差评',
] as const

export interface ReportInput {
  regionName: string
  month: string
  departments: DeptMonth[]
  minRatingsForAverage: number
  generatedAt: number
}

/** The rows as written (also what tests read back): summary rows, then detail rows. */
export function reportRows(input: ReportInput): { ranked: RankedDepartment[]; summary: Array<Array<string | number>>; detail: Array<Array<string | number>> } {
  const ranked = rankDepartments(input.departments.map((d) => ({ deptId: d.deptId, deptName: d.deptName, figures: d.figures })))
  const summary = ranked.map((d) => [
    d.rank,
    d.deptName,
    d.problems,
    d.figures.overdue,
    d.figures.quietExceptions.unjustified,
    d.figures.ratings.bad,
    d.figures.unscanned,
    d.figures.inspections,
  ])
  /** An average as the sheet shows it: the number, or why it is withheld (below the threshold), or — without ratings. */
  const averageCell = (r: { count: number; sum: number }): string | number => {
    const avg = ratingAverage(r, input.minRatingsForAverage)
    if (avg !== null) return avg
    return r.count === 0 ? '—' : `样本不足（少于${input.minRatingsForAverage}条）`
  }
  const detail = ranked.map((d) => {
    const f = d.figures
    return [
      d.deptName,
      f.inspections,
      f.quietExceptions.pending,
      f.quietExceptions.justified,
      f.quietExceptions.unjustified,
      f.overdue,
      f.ratings.count,
      averageCell(f.ratings),
      f.ratings.bad,
      f.complaints.open,
      f.complaints.overdue,
      f.unscanned,
      f.repeated,
      f.capRefusals,
      f.noPenalty,
      f.backfills,
      f.withdrawn,
      f.serviceVisits,
      f.serviceRatings.count,
      averageCell(f.serviceRatings),
      f.serviceRatings.bad,
    ]
  })
  return { ranked, summary, detail }
}

export async function buildReportWorkbook(input: ReportInput): Promise<Buffer> {
  const { summary, detail } = reportRows(input)
  const title = `${input.regionName} ${monthTitle(input.month)} 行政执法监督通报`
  const wb = await newWorkbook()
  wb.creator = '企检码'
  wb.title = title
  wb.created = new Date(input.generatedAt)

  const s = wb.addWorksheet(SUMMARY_SHEET)
  s.addRow([`${title}（汇总排名）`]).font = { bold: true, size: 14 }
  s.addRow([RANKING_RULE])
  s.addRow([...SUMMARY_HEADERS]).font = { bold: true }
  for (const row of summary) s.addRow(row)
  s.mergeCells(1, 1, 1, SUMMARY_HEADERS.length)
  s.mergeCells(2, 1, 2, SUMMARY_HEADERS.length)
  s.getRow(2).alignment = { wrapText: true, vertical: 'top' }
  s.getRow(2).height = 48
  s.columns.forEach((c, i) => (c.width = i === 1 ? 28 : 14))
  s.views = [{ state: 'frozen', ySplit: 3 }]

  const d = wb.addWorksheet(DETAIL_SHEET)
  d.addRow([`${title}（部门明细）`]).font = { bold: true, size: 14 }
  d.addRow([`统计月份：${input.month}；平均分在评价数不少于 ${input.minRatingsForAverage} 条时显示；红灯为截至导出时逾期仍未录入结果的检查。`])
  d.addRow([...DETAIL_HEADERS]).font = { bold: true }
  for (const row of detail) d.addRow(row)
  d.mergeCells(1, 1, 1, DETAIL_HEADERS.length)
  d.mergeCells(2, 1, 2, DETAIL_HEADERS.length)
  d.columns.forEach((c, i) => (c.width = i === 0 ? 28 : 12))
  d.views = [{ state: 'frozen', ySplit: 3, xSplit: 1 }]

  return Buffer.from(await wb.xlsx.writeBuffer())
}
