import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import { fail } from '../../platform/errors'
import { GATE_CODE_PAGE, gateScene } from '../../domain/gate-code'
import type { CompanyRecord } from '../../domain/records'
import { boundUser } from '../../access/caller'
import { readDoc } from '../../store/docs'

/**
 * The company's gate code 企业码 to print at the entrance. The image is generated once and
 * kept on the company (WeChat rate-limits getUnlimited); later calls answer the same one.
 */
export const gateCode = action('account', 'gateCode', {
  access: ['admin', 'enterprise'],
  async handle(input, ctx) {
    const user = boundUser(ctx)
    if (!user.roles.includes('admin') && user.companyId !== input.companyId) fail('FORBIDDEN', '只能获取本企业的企业码')
    const company = await readDoc<CompanyRecord>(ctx.db, 'companies', input.companyId)
    if (!company) fail('NOT_FOUND', '没有找到该企业')
    const scene = gateScene(company!._id)
    if (company!.gateCodeImage && company!.gateCodeScene === scene) return { scene, path: GATE_CODE_PAGE, image: company!.gateCodeImage }
    const image = await ctx.codes.image({ scene, page: GATE_CODE_PAGE })
    await ctx.db
      .collection('companies')
      .doc(company!._id)
      .update({ data: { gateCodeImage: image, gateCodeScene: scene, gateCodeAt: ctx.now } })
    await audit(ctx, { action: 'account.gateCode', target: `companies/${company!._id}`, details: { scene } })
    return { scene, path: GATE_CODE_PAGE, image }
  },
})
