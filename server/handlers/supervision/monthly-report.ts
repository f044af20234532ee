import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { monthTitle } from '../../domain/ledger-range'
import { regionName } from '../../domain/scope'
import { safeFileName } from '../../domain/file-names'
import { monthFiguresByDepartment } from '../../store/figures'
import { buildReportWorkbook } from '../../exports/report-workbook'
import { supervisorScope } from '../../access/supervisor-scope'

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

/**
 * The monthly 通报 of the supervisor's region (SPEC §3 monthlyReport): the kept figures of
 * every department of the region for the month, ranked, as an Excel workbook in storage.
 */
export const monthlyReport = action('supervision', 'monthlyReport', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const scope = supervisorScope(ctx)
    const departments = await monthFiguresByDepartment(ctx, scope.where, input.month)
    const buffer = await buildReportWorkbook({
      regionName: regionName(scope.region, ctx.settings),
      month: input.month,
      departments,
      minRatingsForAverage: ctx.settings.rating.minCountForAggregate,
      generatedAt: ctx.now,
    })
    // Stored under a plain path (one per generation); people see the file by `fileName`.
    const fileName = `${safeFileName(regionName(scope.region, ctx.settings))}_${monthTitle(input.month)}_行政执法监督通报.xlsx`
    const { fileID } = await ctx.storage.put(`exports/report/${scope.region}/${input.month}_${ctx.now}.xlsx`, buffer, XLSX_MIME)
    await audit(ctx, {
      action: 'supervision.monthlyReport',
      target: `exports/report/${scope.region}`,
      details: { month: input.month, departments: departments.length, fileID },
    })
    return { fileID, url: await ctx.storage.tempUrl(fileID), fileName, departments: departments.length }
  },
})
