import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { newId } from '../../platform/ids'
import type { CompanyRecord } from '../../domain/records'
import { cityOf } from '../../domain/scope'
import { refuseInvalidUscc } from '../../access/uscc-input'
import { toCompanyView } from '../../views/account'
import { findOne, readOrFail, setDoc } from '../../store/docs'

/** Creates a company, or corrects one (`id` given: it must exist). One company per USCC. */
export const upsertCompany = action('account', 'upsertCompany', {
  access: ['admin'],
  async handle(input, ctx) {
    refuseInvalidUscc(input.uscc)
    const sameUscc = await findOne<CompanyRecord>(ctx.db, 'companies', { uscc: input.uscc })
    if (sameUscc && sameUscc._id !== input.id) {
      fail('CONFLICT', `统一社会信用代码 ${input.uscc} 已登记为「${sameUscc.name}」`, { field: 'uscc', companyId: sameUscc._id })
    }
    const company = await ctx.db.runTransaction(async (tx) => {
      const existing = input.id ? await readOrFail<CompanyRecord>(tx, 'companies', input.id, '没有找到该企业') : null
      const record: CompanyRecord = {
        _id: existing?._id ?? newId('co'),
        uscc: input.uscc,
        name: input.name,
        region: input.region,
        city: cityOf(input.region),
        address: input.address,
        location: { lat: input.location.lat, lng: input.location.lng },
        inPark: input.inPark,
        ...(input.inPark && input.parkName ? { parkName: input.parkName } : {}),
        scale: input.scale,
        monitoringPoint: input.monitoringPoint,
        // The printed gate code stays valid: it carries only the company id.
        ...(existing?.gateCodeImage ? { gateCodeImage: existing.gateCodeImage, gateCodeScene: existing.gateCodeScene } : {}),
        // The gate state (join locks, caps, ledger head, plans) is the check-ins', never the roster's.
        ...(existing?.gate ? { gate: existing.gate } : {}),
        // So are its bound contacts (account.bindEnterprise).
        ...(existing?.contacts ? { contacts: existing.contacts } : {}),
        createdAt: existing?.createdAt ?? ctx.now,
        updatedAt: ctx.now,
      }
      await setDoc(tx, 'companies', record)
      await audit(
        ctx,
        { action: 'account.upsertCompany', target: `companies/${record._id}`, details: { created: !existing, uscc: record.uscc, name: record.name } },
        tx,
      )
      return record
    })
    return { company: toCompanyView(company) }
  },
})
