import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { withinOneYear } from '../../domain/ledger-range'
import { callerMonitoringPoint } from '../../access/company'
import { inRange, inspectionsOf, readWholeChain } from '../../store/ledger-read'
import { buildLedgerWorkbook } from '../../exports/ledger-workbook'
import { safeFileName } from '../../domain/file-names'
import { invalidField } from '../../platform/field-labels'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/** The ledger of a date range (at most a year) as an Excel workbook, via storage and a temporary URL. */
export const exportLedger = action('enterprise', 'exportLedger', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const bad = (message: string) => invalidField(['to'], message)
    if (input.from > input.to) bad('结束日期不能早于开始日期')
    if (!withinOneYear(input.from, input.to)) bad('导出范围不能超过一年')
    const company = await callerMonitoringPoint(ctx)
    const { entries, chainOk } = await readWholeChain(ctx, company._id)
    const shown = entries.filter((e) => inRange(e.date, input.from, input.to))
    const buffer = await buildLedgerWorkbook({
      companyName: company.name,
      from: input.from,
      to: input.to,
      entries: shown,
      inspections: await inspectionsOf(ctx, shown),
      chainOk,
      generatedAt: ctx.now,
    })
    const fileName = ledgerExportName(company.name, input.from, input.to)
    // Stored under a plain path (the cloud refuses Chinese in it); people see the file by `fileName`.
    const { fileID } = await ctx.storage.put(`exports/ledger/${company._id}/${input.from}_${input.to}_${ctx.now}.xlsx`, buffer, XLSX_MIME)
    await audit(ctx, {
      action: 'enterprise.exportLedger',
      target: `companies/${company._id}`,
      details: { from: input.from, to: input.to, entries: shown.length, fileID },
    })
    return { fileID, url: await ctx.storage.tempUrl(fileID), fileName, entries: shown.length, chainOk }
  },
})

/** `<company>_监测点台账_<from>至<to>.xlsx`, with characters a file name cannot hold replaced. */
export function ledgerExportName(companyName: string, from: string, to: string): string {
  return `${safeFileName(companyName) || '企业'}_监测点台账_${from}至${to}.xlsx`
}
