/**
 * Unified social credit code 统一社会信用代码 (GB 32100-2015), 18 characters:
 *   1     registration authority code   (charset below)
 *   2     organization type code        (charset below)
 *   3–8   administrative division code  (digits)
 *   9–17  organization code 组织机构代码  (GB 11714: 8 body chars + its own check char)
 *   18    check character               (mod 31 over positions 1–17)
 * The charset excludes I, O, S, V, Z so that nothing reads as a digit.
 */

export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY'
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
/** GB 11714-1997 weights for the organization code's 8 body characters. */
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]

const USCC_SHAPE = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/

export type UsccProblem = 'length' | 'charset' | 'org_check' | 'check_digit'

/** Why a code is not a valid USCC, or null when it is. Expects the canonical upper-case form. */
export function usccProblem(code: string): UsccProblem | null {
  if (code.length !== 18) return 'length'
  if (!USCC_SHAPE.test(code)) return 'charset'
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'org_check'
  if (usccCheckChar(code.slice(0, 17)) !== code[17]) return 'check_digit'
  return null
}

export const isValidUscc = (code: string): boolean => usccProblem(code) === null

/** A message a person can act on, for each problem. */
export const USCC_PROBLEM_MESSAGES: Record<UsccProblem, string> = {
  length: '统一社会信用代码应为 18 位',
  charset: '统一社会信用代码含有不允许的字符（不使用 I、O、S、V、Z；第 3–8 位为行政区划数字）',
  org_check: '统一社会信用代码第 9–17 位（组织机构代码）校验不通过，请核对',
  check_digit: '统一社会信用代码校验位（第 18 位）不正确，请核对',
}

/** The 18th character for the first 17 (GB 32100-2015 §4.2). */
export function usccCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError('USCC prefix must be 17 characters')
  let sum = 0
  for (let i = 0; i < 17; i++) {
    const value = USCC_CHARSET.indexOf(first17[i])
    if (value < 0) throw new RangeError(`not a USCC character: ${first17[i]}`)
    sum += value * USCC_WEIGHTS[i]
  }
  return USCC_CHARSET[(31 - (sum % 31)) % 31]
}

/** The organization code's 9th character for its 8 body characters (GB 11714-1997: mod 11, 10 → X). */
export function orgCodeCheckChar(body8: string): string {
  if (!/^[0-9A-Z]{8}$/.test(body8)) throw new RangeError('organization code body must be 8 digits or capital letters')
  let sum = 0
  for (let i = 0; i < 8; i++) sum += parseInt(body8[i], 36) * ORG_CODE_WEIGHTS[i]
  const check = 11 - (sum % 11)
  return check === 10 ? 'X' : check === 11 ? '0' : String(check)
}

/** A full USCC from its first 17 characters (computes the 18th). */
export const makeUscc = (prefix17: string): string => prefix17 + usccCheckChar(prefix17)

/**
 * A USCC valid under both standards, from its parts: authority + type (e.g. '91' for a
 * company registered by market regulation), the 6-digit division, and the 8-character
 * organization code body (its check character is computed).
 */
export function makeUsccFromParts(parts: { authorityAndType: string; division: string; orgBody: string }): string {
  return makeUscc(parts.authorityAndType + parts.division + parts.orgBody + orgCodeCheckChar(parts.orgBody))
}
