import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import type { CompanyRecord } from '../../domain/records'
import { alertIdFor, ALERTS, type AlertRecord } from '../../store/alerts'
import { readDoc } from '../../store/docs'
import { readByIds } from '../../store/paging'
import { readLedger } from '../enterprise/ledger'
import { inScope } from '../../access/supervisor-scope'

/**
 * A monitoring point's ledger 台账 read by a supervisor of its county (SPEC §3
 * supervision.ledger): the entries of the range with `chainOk` over the whole chain, the
 * company named, and each unscanned entry with where its check stands (`unscannedReview`:
 * open, confirmed, not_confirmed — from its alert). A company that is not a monitoring
 * point keeps no ledger: CONFLICT.
 */
export const ledger = action('supervision', 'ledger', {
  access: ['supervisor'],
  async handle(input, ctx) {
    const company = (await readDoc<CompanyRecord>(ctx.db, 'companies', input.companyId)) ?? fail('NOT_FOUND', '没有找到该企业')
    if (!inScope(ctx, company.region)) fail('FORBIDDEN', '该企业不在您的监督辖区内')
    if (!company.monitoringPoint) fail('CONFLICT', '该企业不是监测点，没有入企台账')
    const read = await readLedger(ctx, company._id, input)
    const alertIds = read.items.filter((e) => e.unscanned).map((e) => alertIdFor('unscanned', `ledger/${e.id}`))
    const alerts = new Map((await readByIds<AlertRecord>(ctx.db, ALERTS, alertIds)).map((a) => [a.ref, a]))
    const review = (a: AlertRecord | undefined): 'open' | 'confirmed' | 'not_confirmed' =>
      !a || !a.resolved ? 'open' : a.handling?.confirmed ? 'confirmed' : 'not_confirmed'
    return {
      ...read,
      company: { id: company._id, name: company.name, region: company.region },
      items: read.items.map((e) => (e.unscanned ? { ...e, unscannedReview: review(alerts.get(`ledger/${e.id}`)) } : e)),
    }
  },
})
