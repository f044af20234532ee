import { newWorkbook } from '../platform/excel'
import type { InspectionRecord } from '../domain/inspection-records'
import { monthsBetween, monthTitle } from '../domain/ledger-range'
import { SCORE_LABELS } from '../domain/ratings'
import type { LedgerEntryRecord } from '../store/ledger'
import { OUTCOME_LABELS } from '../views/inspection-summary'

/** The Excel ledger a monitoring-point company hands to a supervisor: one sheet per month. */

export const LEDGER_HEADERS = ['日期', '执法单位', '执法人员', '检查事由', '来源', '检查结果', '评价', '是否未扫码', '序号', '哈希'] as const

export interface LedgerWorkbookInput {
  companyName: string
  from: string
  to: string
  entries: LedgerEntryRecord[]
  inspections: Map<string, InspectionRecord>
  chainOk: boolean
  generatedAt: number
}

export async function buildLedgerWorkbook(input: LedgerWorkbookInput): Promise<Buffer> {
  const wb = await newWorkbook()
  wb.creator = '企检码'
  wb.title = `${input.companyName} 监测点台账 ${input.from} 至 ${input.to}`
  wb.description = input.chainOk ? '哈希链校验通过' : '哈希链校验未通过：台账记录可能被改动'
  wb.created = new Date(input.generatedAt)
  for (const month of monthsBetween(input.from, input.to)) {
    const sheet = wb.addWorksheet(monthTitle(month))
    sheet.columns = [
      { header: LEDGER_HEADERS[0], key: 'date', width: 12 },
      { header: LEDGER_HEADERS[1], key: 'dept', width: 24 },
      { header: LEDGER_HEADERS[2], key: 'officers', width: 18 },
      { header: LEDGER_HEADERS[3], key: 'purpose', width: 30 },
      { header: LEDGER_HEADERS[4], key: 'source', width: 8 },
      { header: LEDGER_HEADERS[5], key: 'result', width: 14 },
      { header: LEDGER_HEADERS[6], key: 'rating', width: 12 },
      { header: LEDGER_HEADERS[7], key: 'unscanned', width: 10 },
      { header: LEDGER_HEADERS[8], key: 'seq', width: 8 },
      { header: LEDGER_HEADERS[9], key: 'hash', width: 66 },
    ]
    sheet.getRow(1).font = { bold: true }
    sheet.views = [{ state: 'frozen', ySplit: 1 }]
    for (const e of input.entries.filter((x) => x.date.startsWith(month))) {
      const insp = input.inspections.get(e.inspectionId ?? e.matchedInspectionId ?? '')
      sheet.addRow({
        date: e.date,
        dept: e.deptName,
        officers: (e.source === 'scan' && insp ? insp.officerNames : e.officerNames).join('、'),
        purpose: e.note ? `${e.purpose}（${e.note}）` : e.purpose,
        source: e.source === 'scan' ? '扫码' : '补录',
        result: insp?.result ? OUTCOME_LABELS[insp.result.outcome] : '',
        rating: insp?.rating.state === 'rated' && insp.rating.score ? `${insp.rating.score}分 ${SCORE_LABELS[insp.rating.score]}` : '未评价',
        unscanned: e.unscanned ? '是' : '否',
        seq: e.seq,
        hash: e.hash,
      })
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer())
}
