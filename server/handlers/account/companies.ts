import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { MAX_GET, type DocData } from '../../platform/db'
import type { Ctx } from '../../platform/context'
import type { CompanyRecord } from '../../domain/records'
import { regionCovers } from '../../domain/scope'
import { isValidUscc } from '../../domain/uscc'
import { rosterScope } from '../../access/caller'
import { regionCondition } from '../../store/roster-query'
import { toCompanyView } from '../../views/account'

export const COMPANY_PAGE_SIZE = 50
/** A name search reads at most this many companies per call, then hands back a cursor. */
const MAX_SCANNED_PER_CALL = 1000

/**
 * Companies in the caller's scope (admin: all; supervisor: their region; department
 * admin: their department's region), 50 per page in `_id` order; `cursor` is the last
 * id seen. `query` is a full USCC (exact look-up) or part of the name: the port has no
 * text search, so the name filter scans in `_id` order, at most 1,000 records per call,
 * and answers a cursor to continue from when it stopped early.
 */
export const companies = action('account', 'companies', {
  access: ['admin', 'supervisor', 'deptAdmin'],
  async handle(input, ctx) {
    const scope = await rosterScope(ctx)
    if (input.region && scope && !regionCovers(scope, input.region)) fail('FORBIDDEN', '所选地区不在您的辖区内')
    const where = regionCondition(input.region ?? scope)
    const query = input.query ?? ''
    if (query.length === 18 && isValidUscc(query.toUpperCase())) {
      const got = await ctx.db
        .collection('companies')
        .where({ ...where, uscc: query.toUpperCase() })
        .limit(1)
        .get()
      return { items: (got.data as unknown as CompanyRecord[]).map(toCompanyView) }
    }
    const page = query ? await searchByName(ctx, where, query, input.cursor) : await plainPage(ctx, where, input.cursor)
    return { items: page.items.map(toCompanyView), ...(page.cursor ? { cursor: page.cursor } : {}) }
  },
})

interface Page {
  items: CompanyRecord[]
  cursor?: string
}

/** Up to `limit` companies matching `where` with an id after `cursor`, in `_id` order. */
async function companiesAfter(ctx: Ctx, where: DocData, cursor: string | undefined, limit: number): Promise<CompanyRecord[]> {
  const got = await ctx.db
    .collection('companies')
    .where(cursor ? { ...where, _id: ctx.db.command.gt(cursor) } : where)
    .orderBy('_id', 'asc')
    .limit(limit)
    .get()
  return got.data as unknown as CompanyRecord[]
}

async function plainPage(ctx: Ctx, where: DocData, cursor: string | undefined): Promise<Page> {
  const items = await companiesAfter(ctx, where, cursor, COMPANY_PAGE_SIZE)
  return items.length === COMPANY_PAGE_SIZE ? { items, cursor: items[items.length - 1]._id } : { items }
}

async function searchByName(ctx: Ctx, where: DocData, query: string, cursor: string | undefined): Promise<Page> {
  const matches: CompanyRecord[] = []
  let last = cursor
  let scanned = 0
  while (scanned < MAX_SCANNED_PER_CALL) {
    const batch = await companiesAfter(ctx, where, last, MAX_GET)
    for (const company of batch) {
      last = company._id
      if (company.name.includes(query)) {
        matches.push(company)
        if (matches.length === COMPANY_PAGE_SIZE) return { items: matches, cursor: last }
      }
    }
    scanned += batch.length
    if (batch.length < MAX_GET) return { items: matches }
  }
  return { items: matches, cursor: last }
}
