import type { Ctx } from '../../platform/context'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { MAX_GET } from '../../platform/db'
import { chinaDate } from '../../domain/china-time'
import { manualEntriesOn } from '../../domain/gate'
import { manualEntryDateProblem } from '../../domain/ledger-range'
import { regionCovers } from '../../domain/scope'
import type { InspectionRecord } from '../../domain/inspection-records'
import type { DepartmentRecord } from '../../domain/records'
import { alertIdFor, raiseAlert } from '../../store/alerts'
import { readDoc } from '../../store/docs'
import { companyInTx, saveGate } from '../../store/gates'
import { appendLedgerEntry, ledgerHeadOf } from '../../store/ledger'
import { callerMonitoringPoint } from '../../access/company'
import { toLedgerEntryView } from '../../store/ledger-read'

/**
 * A visit nobody scanned, added by the company (SPEC §2.11). It is matched against the
 * check-ins of the same department at this company on the same China date; with no match
 * (or no known department) it is `unscanned`: an alert for supervisors and the
 * department's `unscanned` figure (month of the visit), committed with the append.
 * A department named only by text is looked up by its exact name.
 */
export const addLedgerEntry = action('enterprise', 'addLedgerEntry', {
  access: ['enterprise'],
  async handle(input, ctx) {
    const company = await callerMonitoringPoint(ctx)
    const today = chinaDate(ctx.now, ctx.settings.timezone)
    const { maxBackdateDays, manualPerDay } = ctx.settings.ledger
    const dateProblem = manualEntryDateProblem(input.date, today, ctx.settings)
    if (dateProblem === 'future') refuseDate('不能补录未来日期的检查')
    if (dateProblem === 'too_old') refuseDate(`只能补录 ${maxBackdateDays} 天内的检查`)
    const dept = await resolveDepartment(ctx, input.deptId, input.deptName)
    // A department that does not cover the company's county cannot have visited it on duty.
    if (dept && !regionCovers(dept.region, company.region)) {
      const message = '所选执法单位不负责贵企业所在区域，请核对后重新选择'
      fail('INVALID_INPUT', message, { issues: [{ path: ['deptId'], code: 'custom', message }] })
    }
    const matched = dept ? await matchingCheckIn(ctx, company._id, dept._id, input.date) : null
    const unscanned = matched === null
    const entry = await ctx.db.runTransaction(async (tx) => {
      const current = (await companyInTx(tx, company._id)) ?? fail('NOT_FOUND', '没有找到您绑定的企业，请联系管理员')
      const addedToday = manualEntriesOn(current.gate, today)
      if (addedToday >= manualPerDay) fail('RATE_LIMITED', `每天最多补录 ${manualPerDay} 条台账，请明天再补录`, { limit: manualPerDay })
      const e = await appendLedgerEntry(tx, ctx, ledgerHeadOf(current), {
        companyId: company._id,
        date: input.date,
        source: 'manual',
        ...(dept ? { deptId: dept._id } : {}),
        deptName: dept?.name ?? input.deptName!,
        officerNames: input.officerNames,
        purpose: input.purpose,
        ...(input.note ? { note: input.note } : {}),
        unscanned,
        matchedInspectionId: matched?._id ?? null,
      })
      await saveGate(tx, current, { ...current.gate, ledger: { seq: e.seq, hash: e.hash }, manual: { date: today, count: addedToday + 1 } })
      if (unscanned) {
        const ref = `ledger/${e._id}`
        await raiseAlert(tx, {
          id: alertIdFor('unscanned', ref),
          kind: 'unscanned',
          ref,
          at: ctx.now,
          region: company.region,
          ...(dept ? { deptId: dept._id } : {}),
          companyId: company._id,
          summary: `${company.name} 补录 ${input.date} ${e.deptName} 的检查，未找到扫码入企记录`,
        })
        // Counted in the figures only once a supervisor confirms it (SPEC §6; supervision.handleAlert).
      }
      await audit(
        ctx,
        {
          action: 'enterprise.addLedgerEntry',
          target: `ledger/${e._id}`,
          details: { seq: e.seq, date: e.date, deptId: e.deptId ?? null, unscanned, matchedInspectionId: e.matchedInspectionId ?? null },
        },
        tx,
      )
      return e
    })
    return { entry: { ...toLedgerEntryView(entry), matchedInspectionId: entry.matchedInspectionId ?? null } }
  },
})

function refuseDate(message: string): never {
  return fail('INVALID_INPUT', message, { issues: [{ path: ['date'], code: 'custom', message }] })
}

async function resolveDepartment(ctx: Ctx, deptId?: string, deptName?: string): Promise<DepartmentRecord | null> {
  if (deptId) {
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', deptId)
    return dept ?? fail('NOT_FOUND', '没有找到所选的执法单位')
  }
  const got = await ctx.db.collection('departments').where({ name: deptName }).limit(2).get()
  const found = got.data as unknown as DepartmentRecord[]
  // Two departments of the same name (different counties) cannot be told apart: unknown.
  return found.length === 1 ? found[0] : null
}

/** The earliest check-in of the department at the company on that China date, or null. */
async function matchingCheckIn(ctx: Ctx, companyId: string, deptId: string, date: string): Promise<InspectionRecord | null> {
  const got = await ctx.db.collection('inspections').where({ companyId, date, deptId }).orderBy('checkInAt', 'asc').limit(MAX_GET).get()
  return (got.data as unknown as InspectionRecord[])[0] ?? null
}
