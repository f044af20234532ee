import { action } from '../../platform/handler'
import { fail } from '../../platform/errors'
import { certificateState } from '../../domain/certificate'
import type { CardTokenRecord } from '../../domain/inspection-records'
import type { DepartmentRecord, OfficerRecord } from '../../domain/records'
import { readDoc } from '../../store/docs'
import { readTokenRecord } from '../../store/tokens'
import { countTokenLookup } from '../../store/rate-limits'
import { ruleWords } from '@rule-words'

/**
 * 亮证 verification (SPEC §2.12): the company scans the officer's certificate card and
 * sees who it is and whether the certificate is usable now. The card's code lives 5
 * minutes. A suspended, revoked or expired certificate still answers (valid: false) so
 * the company sees why.
 */
export const verifyOfficer = action('enterprise', 'verifyOfficer', {
  access: ['enterprise'],
  async handle(input, ctx) {
    await countTokenLookup(ctx)
    const card = (await readTokenRecord(ctx.db, 'c', input.token, ctx.secret)) as CardTokenRecord | null
    if (!card) return fail('TOKEN_INVALID', '证件二维码无效：请扫描执法人员“亮证”页面上的二维码')
    if (ctx.now > card.expiresAt) return fail('TOKEN_EXPIRED', ruleWords(ctx.settings).certCardExpired)
    const officer = await readDoc<OfficerRecord>(ctx.db, 'officers', card.officerId)
    if (!officer) return fail('TOKEN_INVALID', '证件二维码无效：没有找到该执法人员')
    const dept = await readDoc<DepartmentRecord>(ctx.db, 'departments', officer.deptId)
    const status = certificateState(officer, ctx.now)
    return {
      valid: status === 'valid',
      officer: { name: officer.name, department: dept?.name ?? '', certNo: officer.certNo, status },
      certExpiresAt: officer.certExpiresAt,
      checkedAt: ctx.now,
    }
  },
})
