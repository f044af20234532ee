import type { Ctx } from '../../platform/context'
import type { DocData } from '../../platform/db'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { GENESIS_HASH, verifyChain } from '../../domain/hash-chain'
import type { CompanyRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { readDoc } from '../../store/docs'
import { storedLedgerHead } from '../../store/ledger'
import { forEachLedgerPage } from '../../store/ledger-read'
import { forEachPage } from '../../store/paging'
import { whereRegion } from '../../access/supervisor-scope'

/**
 * Verifies the monitoring-point ledgers' hash chains (SPEC §2.11, §2.13): one company's,
 * or every monitoring-point company's in the caller's scope (a supervisor's region; an
 * admin: everywhere). Entries are read in seq order, 100 at a time, each page checked
 * against the hash the previous page ended on. The chain must also end where the head
 * on the company's gate says it does, so removed trailing entries are caught too.
 * Stops at the first break: `{ ok, checked: entries verified, brokenAt? }`.
 */
export const auditVerify = action('supervision', 'auditVerify', {
  access: ['supervisor', 'admin'],
  async handle(input, ctx) {
    const user = ctx.caller.user!
    const asSupervisor = !user.roles.includes('admin')
    const scopeRegion = asSupervisor ? (user.region ?? fail('FORBIDDEN', '您的监督人员账号未设置辖区，请联系管理员')) : null
    let checked = 0
    let brokenAt: { companyId: string; seq: number } | undefined
    let companies = 0

    const verify = async (companyId: string): Promise<boolean> => {
      const r = await verifyCompany(ctx, companyId)
      checked += r.checked
      companies++
      if (r.brokenAt !== null) brokenAt = { companyId, seq: r.brokenAt }
      return r.brokenAt === null
    }

    if (input.companyId) {
      const company = await readDoc<CompanyRecord>(ctx.db, 'companies', input.companyId)
      if (!company) return fail('NOT_FOUND', '没有找到该企业')
      if (scopeRegion && !regionCovers(scopeRegion, company.region)) fail('FORBIDDEN', '该企业不在您的监督辖区内')
      await verify(company._id)
    } else {
      const where: DocData = { monitoringPoint: true, ...(scopeRegion ? whereRegion(scopeRegion) : {}) }
      // Stop paging at the first break: throw out of the page visitor.
      const stop = new Error('chain broken')
      try {
        await forEachPage<CompanyRecord>(ctx.db, 'companies', where, async (page) => {
          for (const c of page) if (!(await verify(c._id))) throw stop
        })
      } catch (err) {
        if (err !== stop) throw err
      }
    }
    await audit(ctx, {
      action: 'supervision.auditVerify',
      target: input.companyId ? `companies/${input.companyId}` : `ledger/${scopeRegion ?? 'all'}`,
      details: { companies, checked, ok: !brokenAt, ...(brokenAt ? { brokenAt } : {}) },
    })
    return { ok: !brokenAt, checked, ...(brokenAt ? { brokenAt } : {}) }
  },
})

async function verifyCompany(ctx: Ctx, companyId: string): Promise<{ checked: number; brokenAt: number | null }> {
  let prevHash = GENESIS_HASH
  let checked = 0
  let broken = null as { checked: number; brokenAt: number | null } | null
  let lastSeq = 0
  await forEachLedgerPage(ctx, companyId, (page) => {
    const r = verifyChain(page, prevHash, lastSeq + 1)
    if (!r.ok) {
      broken = { checked: checked + page.findIndex((e) => e.seq === r.brokenAt), brokenAt: r.brokenAt }
      return false
    }
    checked += page.length
    if (page.length > 0) {
      prevHash = r.lastHash
      lastSeq = page[page.length - 1].seq
    }
  })
  if (broken) return broken
  const head = await storedLedgerHead(ctx.db, companyId)
  const headSeq = head?.seq ?? 0
  const headHash = head?.hash ?? GENESIS_HASH
  if (headSeq !== lastSeq) return { checked, brokenAt: Math.min(headSeq, lastSeq) + 1 }
  if (headHash !== prevHash) return { checked, brokenAt: lastSeq }
  return { checked, brokenAt: null }
}
