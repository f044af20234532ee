import { PAGES } from '@contract'
import { action } from '../../platform/handler'
import { audit } from '../../platform/audit'
import type { CardTokenRecord } from '../../domain/inspection-records'
import { certificateState } from '../../domain/certificate'
import { mintToken, tokenFromId } from '../../domain/tokens'
import { fieldsOf } from '../../store/docs'
import { toDepartmentView, toOfficerView } from '../../views/account'
import { callerOfficerRecords } from '../../access/officer'

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
    const user = ctx.caller.user!
    const ttl = ctx.settings.certCard.tokenTtlMinutes * 60_000
    // Showing the card again within half its validity shows the same code: no new token, no
    // new code image (WeChat's code quota), and a company scanning it twice sees one card.
    const last = user.cardToken
    let card = last && last.expiresAt - ctx.now >= ttl / 2 ? { token: tokenFromId('c', last.id, ctx.secret), id: last.id, expiresAt: last.expiresAt } : null
    if (!card) {
      const { token, id } = mintToken('c', ctx.secret)
      const record: CardTokenRecord = { _id: id, officerId: officer._id, createdAt: ctx.now, expiresAt: ctx.now + ttl }
      await ctx.db.runTransaction(async (tx) => {
        await tx
          .collection('cardTokens')
          .doc(id)
          .set({ data: fieldsOf(record) })
        await tx
          .collection('users')
          .doc(user._id)
          .update({ data: { cardToken: { id, expiresAt: record.expiresAt } } })
        await audit(ctx, { action: 'inspection.certCard', target: `officers/${officer._id}`, details: { tokenId: id } }, tx)
      })
      card = { token, id, expiresAt: record.expiresAt }
    }
    const image = await ctx.codes.image({ scene: card.token, page: CERT_CARD_PAGE })
    return {
      officer: toOfficerView(officer),
      certState: certificateState(officer, ctx.now),
      department: toDepartmentView(dept),
      token: card.token,
      scene: card.token,
      path: CERT_CARD_PAGE,
      image,
      expiresAt: card.expiresAt,
    }
  },
})
