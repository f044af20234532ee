import { contract } from '@contract'
import { isValidUscc, makeUscc, makeUsccFromParts, orgCodeCheckChar, usccCheckChar, usccProblem } from '@server/domain/uscc'

describe('USCC (GB 32100-2015 with the GB 11714 organization code)', () => {
  // The example printed in GB 32100-2015, and codes computed here by hand from their parts.
  const valid = ['91350100M000100Y43', '91440300708461136T', '91360702MA3E5UP46E', '91360702MA3GYA1812']

  it.each(valid)('accepts %s', (code) => {
    expect(usccProblem(code)).toBeNull()
    expect(isValidUscc(code)).toBe(true)
  })

  it('computes the mod-31 check character', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3')
    expect(makeUscc('91350100M000100Y4')).toBe('91350100M000100Y43')
  })

  it('computes the GB 11714 check character (10 → X, 11 → 0)', () => {
    expect(orgCodeCheckChar('M000100Y')).toBe('4')
    expect(orgCodeCheckChar('70846113')).toBe('6')
    // Across many bodies both special results occur.
    const bodies = Array.from({ length: 2000 }, (_, i) => String(10_000_000 + i * 7919))
    const checks = new Set(bodies.map(orgCodeCheckChar))
    expect(checks.has('X')).toBe(true)
    expect(checks.has('0')).toBe(true)
  })

  it('builds codes valid under both standards', () => {
    for (const orgBody of ['MA35F5AB', '12345678', 'MA3XXXXX']) {
      expect(isValidUscc(makeUsccFromParts({ authorityAndType: '91', division: '360702', orgBody }))).toBe(true)
    }
  })

  it('refuses a wrong check digit', () => {
    expect(usccProblem('91350100M000100Y44')).toBe('check_digit')
  })

  it('refuses a wrong organization-code check character', () => {
    // Same body with a wrong 17th character, the 18th recomputed so only GB 11714 fails.
    expect(usccProblem(makeUscc('91350100M000100Y5'))).toBe('org_check')
  })

  it('refuses letters outside the charset and a non-numeric division', () => {
    expect(usccProblem('91350100M000100I43')).toBe('charset')
    expect(usccProblem('9135O100M000100Y43')).toBe('charset')
    expect(usccProblem('913501A0M000100Y43')).toBe('charset')
    expect(usccProblem('91350100m000100y43')).toBe('charset')
  })

  it('refuses the wrong length', () => {
    expect(usccProblem('91350100M000100Y4')).toBe('length')
  })

  it('is upper-cased and trimmed by the contract before the check', () => {
    const parsed = contract.account.bindEnterprise.input.parse({ uscc: ' 91350100m000100y43 ', code: 'KAM3PQ7X' })
    expect(parsed.uscc).toBe('91350100M000100Y43')
    expect(isValidUscc(parsed.uscc)).toBe(true)
  })
})
