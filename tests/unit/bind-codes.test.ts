import {
  BIND_CODE_ALPHABET,
  BIND_CODE_LENGTH,
  bindCodeState,
  generateBindCode,
  hashBindCode,
  normalizeBindCode,
  type BindCodeRecord,
} from '@server/domain/bind-codes'
import { sha256 } from '@server/platform/ids'

describe('bind codes', () => {
  it('are 8 characters from an alphabet without look-alikes', () => {
    for (const ambiguous of ['0', 'O', '1', 'I', 'L', '5', 'S', '8', 'B', '2', 'Z', 'U', 'V']) expect(BIND_CODE_ALPHABET).not.toContain(ambiguous)
    const codes = Array.from({ length: 500 }, generateBindCode)
    for (const code of codes) {
      expect(code).toHaveLength(BIND_CODE_LENGTH)
      expect([...code].every((ch) => BIND_CODE_ALPHABET.includes(ch))).toBe(true)
    }
    expect(new Set(codes).size).toBe(codes.length)
  })

  it('hash as sha256(secret + canonical code), so typing variants match', () => {
    expect(hashBindCode('KAM3PQ7X', 's3cret')).toBe(sha256('s3cretKAM3PQ7X'))
    expect(hashBindCode(' kam3-pq7x ', 's3cret')).toBe(hashBindCode('KAM3PQ7X', 's3cret'))
    expect(normalizeBindCode('kam3 pq7x')).toBe('KAM3PQ7X')
    expect(hashBindCode('KAM3PQ7X', 'other')).not.toBe(hashBindCode('KAM3PQ7X', 's3cret'))
  })

  it('are usable until used, voided or expired', () => {
    const base: BindCodeRecord = { _id: 'b', kind: 'officer', subjectId: 'off_1', codeHash: 'h', createdAt: 0 }
    expect(bindCodeState(base, 10)).toBe('usable')
    expect(bindCodeState({ ...base, expiresAt: 100 }, 100)).toBe('usable')
    expect(bindCodeState({ ...base, expiresAt: 100 }, 101)).toBe('expired')
    expect(bindCodeState({ ...base, voidedAt: 5 }, 10)).toBe('voided')
    expect(bindCodeState({ ...base, usedAt: 5, voidedAt: 6 }, 10)).toBe('used')
  })
})
