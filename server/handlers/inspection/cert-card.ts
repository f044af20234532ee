import { PAGES } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import type { CardTokenRecord } from '../../domain/inspection-records'
import { certificateState } from '../../domain/certificate'
import { mintToken } from '../../domain/tokens'
import { fieldsOf } from '../../store/docs'
import { toDepartmentView, toOfficerView } from '../account/views'
import { callerOfficerRecords } from './officer'

export const CERT_CARD_PAGE = PAGES.enterpriseVerifyOfficer

/**
 * The digital certificate card 亮证 (SPEC §2.12): name, department, certificate number
 * and status, with a QR code valid a few minutes. An invalid certificate still shows,
 * with its status, so the company sees it is invalid.
 */
export const certCard = action('inspection', 'certCard', {
  access: ['officer'],
  async handle(_input, ctx) {
    const { officer, dept } = await callerOfficerRecords(ctx)
    const { token, id } = mintToken('c', ctx.secret)
    const record: CardTokenRecord = { _id: id, officerId: officer._id, createdAt: ctx.now, expiresAt: ctx.now + ctx.settings.certCard.tokenTtlMinutes * 60_000 }
    await ctx.db.runTransaction(async (tx) => {
      await tx.collection('cardTokens').doc(id).set({ data: fieldsOf(record) })
      await audit(ctx, { action: 'inspection.certCard', target: `officers/${officer._id}`, details: { tokenId: id } }, tx)
    })
    const image = await ctx.codes.image({ scene: token, page: CERT_CARD_PAGE })
    return { officer: toOfficerView(officer), certState: certificateState(officer, ctx.now), department: toDepartmentView(dept), token, scene: token, path: CERT_CARD_PAGE, image, expiresAt: record.expiresAt }
  },
})
