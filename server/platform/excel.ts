import type { Workbook } from 'exceljs'

/**
 * exceljs is about 1 MB minified: only the export actions need it, so it is loaded on
 * first use. In a deployed function it comes from `vendor/exceljs.js` beside index.js
 * (scripts/build-functions.mjs), which keeps every function's index.js small and its cold
 * start fast for the officer at the gate.
 */
export async function newWorkbook(): Promise<Workbook> {
  const mod = (await import('exceljs')) as unknown as { default?: { Workbook: new () => Workbook }; Workbook?: new () => Workbook }
  const ExcelJS = mod.default ?? (mod as { Workbook: new () => Workbook })
  return new ExcelJS.Workbook()
}
